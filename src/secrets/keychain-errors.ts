/**
 * Turns whatever the native keychain library throws into one BtalkError of kind 'keychain' with a
 * way out. Messages never contain secret values: only the operation and the account name.
 */
import {BtalkError} from '../errors.js';
import {DeadlineExceeded} from './with-deadline.js';

export const ENV_WAY_OUT = 'set BTALK_CLIENT_ID, BTALK_CLIENT_SECRET and BTALK_API_KEY in the environment instead';

function headlessLinuxHint(): string {
  return (
    `Start a Secret Service (e.g. \`dbus-run-session -- bash\`, then ` +
    '`echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets`; see README "Headless Linux"), ' +
    `or ${ENV_WAY_OUT}.`
  );
}

export function hintFor(platform: NodeJS.Platform): string {
  if (platform === 'linux' || platform === 'freebsd') return headlessLinuxHint();
  if (platform === 'darwin') return `Unlock the login keychain (Keychain Access), or ${ENV_WAY_OUT}.`;
  return `Check that the Windows Credential Manager is available, or ${ENV_WAY_OUT}.`;
}

function describe(raw: string): string {
  const text = raw.toLowerCase();
  if (text.includes('dbus') || text.includes('d-bus') || text.includes('zbus') || text.includes('failed to connect')) {
    return 'no D-Bus session is reachable, so there is no Secret Service to talk to';
  }
  if (text.includes('no result found') || text.includes('no such object') || text.includes('serviceunknown')) {
    return 'the Secret Service has no usable keyring (none created, or it is locked)';
  }
  if (text.includes('locked')) return 'the keyring is locked';
  if (text.includes('no storage access') || text.includes('platform storage')) return 'the keychain could not be accessed';
  return 'the keychain refused the request';
}

export function keychainError(operation: string, account: string | undefined, thrown: unknown, platform: NodeJS.Platform): BtalkError {
  const what = account === undefined ? operation : `${operation} "${account}"`;
  if (thrown instanceof DeadlineExceeded) {
    return new BtalkError('keychain', `The OS keychain did not answer within ${thrown.ms / 1000} s (${what}); it may be locked or waiting for a prompt.`, {
      hint: hintFor(platform),
      cause: thrown,
    });
  }
  const raw = thrown instanceof Error ? thrown.message : String(thrown);
  // The library's own text helps support; it names the store and the failure, never a secret.
  return new BtalkError('keychain', `Could not use the OS keychain (${what}): ${describe(raw)} [${raw.slice(0, 160)}].`, {
    hint: hintFor(platform),
    cause: thrown,
  });
}
