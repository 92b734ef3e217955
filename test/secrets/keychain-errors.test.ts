/**
 * The classifier of keychain troubles, as a table: the Linux texts are the ones @napi-rs/keyring
 * gave on this machine (keychain-trouble-real.test.ts produces them for real); the macOS and
 * Windows ones are the Security framework's and Win32's messages for the same cases, in the
 * library's "Platform failure: ..." / "Couldn't access platform storage: ..." wrapping.
 */
import {describe, expect, it} from 'vitest';
import {
  classifyKeychainText,
  keychainError,
  keychainFix,
  keychainNotice,
  keychainReason,
  keychainTrouble,
  keychainUnavailable,
  troubleWords,
  type KeychainTrouble,
} from '../../src/secrets/keychain-errors.js';
import {DeadlineExceeded} from '../../src/secrets/with-deadline.js';

const TABLE: ReadonlyArray<readonly [string, KeychainTrouble]> = [
  ['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', 'no-session-bus'],
  ['Platform failure: DBus error: Failed to connect to socket /tmp/nonexist: No such file or directory', 'bus-unreachable'],
  ['zbus error: Failed to connect to address `unix:path=/tmp/x/gone-bus`: No such file or directory (os error 2)', 'bus-unreachable'],
  ['Platform failure: DBus error: Address does not contain a colon', 'bus-unreachable'],
  ['Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files', 'no-secret-service'],
  ["Couldn't access platform storage: Secret Service: no result found", 'no-keyring'],
  ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked'],
  ['zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object', 'locked'],
  [
    'Platform failure: DBus error: Rejected send message, 2 matched rules; type="method_call", sender=":1.1" (uid=0 pid=21180 comm="node") interface="org.freedesktop.Secret.Service" member="OpenSession" error name="(unset)" requested_reply="0" destination="org.freedesktop.secrets"',
    'refused',
  ],
  ['cannot load the keyring library: Cannot find module /nonexistent/keyring.js', 'no-library'],
  ['Platform failure: User interaction is not allowed.', 'locked'],
  ['Platform failure: User canceled the operation.', 'locked'],
  ["Couldn't access platform storage: The specified keychain could not be found.", 'no-keyring'],
  ['Platform failure: The user name or passphrase you entered is not correct.', 'refused'],
  ['Platform failure: A specified logon session does not exist. It may already have been terminated. (0x80070520)', 'no-logon-session'],
  ['Platform failure: Access is denied. (0x80070005)', 'refused'],
  ['Platform failure: something nobody has seen before', 'other'],
  ['the keyring helper stopped: Segmentation fault', 'other'],
];

describe('keychain troubles in words', () => {
  it.each(TABLE)('%s -> %s', (raw, trouble) => {
    expect(classifyKeychainText(raw)).toBe(trouble);
    const error = keychainError(new Error(raw), 'linux');
    expect(keychainTrouble(error)).toBe(trouble);
    // The library's text is never in what a person reads without --debug.
    expect(error.message).not.toContain(raw);
    expect(JSON.stringify(error.toJSON())).not.toContain(raw);
    expect(error.message).not.toContain('\n');
    expect(error.hint).toMatch(/; or give the credentials with BTALK_CLIENT_ID, BTALK_CLIENT_SECRET and BTALK_API_KEY \(read each run, never saved\)\.$/);
  });

  it('a call past its deadline is "timed out", with the deadline in seconds', () => {
    const error = keychainError(new DeadlineExceeded(3000), 'linux');
    expect(keychainTrouble(error)).toBe('timed-out');
    expect(error.message).toBe('The OS keychain did not answer within 3 s: it may be waiting for an unlock prompt nobody can see.');
    expect(keychainReason(error)).toBe('no answer within 3 s');
  });

  it('every trouble has a line, a few words and a way out of its own, on each platform', () => {
    const all: KeychainTrouble[] = ['no-session-bus', 'bus-unreachable', 'no-secret-service', 'no-keyring', 'locked', 'timed-out', 'refused', 'no-logon-session', 'no-library', 'other'];
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const words = all.map((t) => troubleWords(t, platform));
      // Distinct per platform where it can happen (the D-Bus ones are Linux words on every platform).
      expect(new Set(words.map((w) => w.line)).size).toBe(all.length);
      expect(new Set(words.map((w) => w.short)).size).toBe(all.length);
      for (const w of words) {
        expect(w.line).toMatch(/\.$/);
        expect(w.short.length).toBeLessThanOrEqual(30);
        expect(w.fix).not.toMatch(/\.$/);
      }
    }
  });

  it('says the way out for the platform: gnome-keyring on Linux, security unlock-keychain on macOS', () => {
    const locked = (platform: NodeJS.Platform) => keychainError(new Error('Platform failure: User interaction is not allowed.'), platform);
    expect(locked('linux').hint).toContain('gnome-keyring-daemon --replace --unlock --components=secrets');
    expect(locked('darwin').message).toBe('The login keychain is locked and macOS cannot ask for its password here (an SSH session?).');
    expect(locked('darwin').hint).toContain('security unlock-keychain ~/Library/Keychains/login.keychain-db');
    expect(keychainFix(locked('darwin'), 'darwin')).toBe('Unlock it with `security unlock-keychain ~/Library/Keychains/login.keychain-db`');
    const windows = keychainError(new Error('Platform failure: A specified logon session does not exist. (0x80070520)'), 'win32');
    expect(windows.message).toBe('Windows has no Credential Manager for this logon (an SSH or service logon has none).');
  });

  it('a save after a failed read says the same trouble, and a notice says it on screen with the way out', () => {
    const problem = keychainError(new Error("Couldn't access platform storage: Secret Service: unlock prompt was dismissed"), 'linux');
    const saving = keychainUnavailable(problem);
    expect(saving.message).toBe('Nothing was saved. The keyring is locked, and its unlock prompt was dismissed or cannot be shown here (no display).');
    expect(keychainTrouble(saving)).toBe('locked');
    expect(saving.hint).toBe(problem.hint);
    expect(keychainNotice(problem).split('\n')).toEqual([
      'No OS keychain, so the credentials are used for this run only.',
      '  The keyring is locked, and its unlock prompt was dismissed or cannot be shown here (no display).',
      `  Next: ${problem.hint}`,
    ]);
  });
});
