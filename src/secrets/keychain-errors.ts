/**
 * The one home of keychain trouble in words. Whatever the native keychain library throws (or a
 * call that never answers) is sorted into one kind of trouble, and each kind has its own line, a
 * few words for a notice, and the way out on this platform. The library's own text ("Platform
 * failure: DBus error: ...") is never in the message: it is told to the --debug sink only (see
 * keychain-store.ts). Messages never contain secret values.
 *
 * The patterns come from real failures of @napi-rs/keyring (zbus + the Secret Service) on Linux:
 * - no session bus, DBUS_SESSION_BUS_ADDRESS unset: "Platform failure: DBus error: Using X11 for
 *   dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead"
 * - a stale address: "Platform failure: DBus error: Failed to connect to socket /x: No such file or
 *   directory"; a malformed one: "... DBus error: Address does not contain a colon"
 * - a bus with no Secret Service installed: "Platform failure: DBus error: The name
 *   org.freedesktop.secrets was not provided by any .service files"
 * - gnome-keyring started without --unlock (no default collection), on a save: "Couldn't access
 *   platform storage: Secret Service: no result found"
 * - a locked collection with no way to prompt: "Couldn't access platform storage: Secret Service:
 *   unlock prompt was dismissed"; listing it: "zbus error: org.freedesktop.Secret.Error.IsLocked:
 *   Cannot get secret of a locked object"
 * - a D-Bus policy denying the Secret Service: "Platform failure: DBus error: Rejected send message,
 *   2 matched rules; ..."
 * macOS and Windows texts are the Security framework's and Win32's messages for the same cases.
 */
import {BtalkError} from '../errors.js';
import {CREDENTIAL_ENV_LIST} from './env-credentials.js';
import {DeadlineExceeded} from './with-deadline.js';

export type KeychainTrouble =
  | 'no-session-bus'
  | 'bus-unreachable'
  | 'no-secret-service'
  | 'no-keyring'
  | 'locked'
  | 'timed-out'
  | 'refused'
  | 'no-logon-session'
  | 'no-library'
  | 'other';

export const ENV_WAY_OUT = `give the credentials with ${CREDENTIAL_ENV_LIST} (read each run, never saved)`;

const UNLOCK = '`echo -n PASSWORD | gnome-keyring-daemon --replace --unlock --components=secrets`';
const MAC_UNLOCK = '`security unlock-keychain ~/Library/Keychains/login.keychain-db`';

/** First match wins: a policy refusal also says "DBus error", so refusals come before the bus. */
const PATTERNS: ReadonlyArray<readonly [KeychainTrouble, RegExp]> = [
  ['refused', /rejected send message|accessdenied|access is denied|access denied|not permitted|passphrase you entered is not correct|authorization/i],
  ['no-secret-service', /org\.freedesktop\.secrets was not provided|serviceunknown|name has no owner|no secret service|not provided by any \.service/i],
  ['no-session-bus', /dbus_session_bus_address|autolaunch|dbus-launch|cannot autolaunch/i],
  ['locked', /prompt was dismissed|islocked|is locked|locked object|interaction is not allowed|user canceled|keychain is locked/i],
  ['no-keyring', /no result found|no such object|specified keychain could not be found|no default keychain/i],
  ['bus-unreachable', /failed to connect to (socket|address)|address does not contain|connection refused|invalid (d-?bus )?address/i],
  ['no-logon-session', /logon session does not exist/i],
  // keyring-process.ts's own words when the native module cannot be loaded in the helper.
  ['no-library', /cannot load the keyring library/i],
];

/** Which trouble a library's message describes; 'other' when none of the known ones. */
export function classifyKeychainText(raw: string): KeychainTrouble {
  for (const [trouble, pattern] of PATTERNS) if (pattern.test(raw)) return trouble;
  return 'other';
}

export function troubleOf(thrown: unknown): KeychainTrouble {
  if (thrown instanceof DeadlineExceeded) return 'timed-out';
  return classifyKeychainText(rawText(thrown));
}

/** What the library said, for the --debug line only. */
export function rawText(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

export interface TroubleWords {
  /** One line: what is wrong, in words. */
  line: string;
  /** A few words for a notice on a screen, e.g. "no D-Bus session bus". */
  short: string;
  /** How to get a working keychain, without the environment way out. */
  fix: string;
}

function seconds(ms: number | undefined): string {
  return `${(ms ?? 3000) / 1000} s`;
}

/** The words for one trouble on one platform. */
export function troubleWords(trouble: KeychainTrouble, platform: NodeJS.Platform, deadlineMs?: number): TroubleWords {
  const mac = platform === 'darwin';
  const windows = platform === 'win32';
  switch (trouble) {
    case 'no-session-bus':
      return {
        line: 'No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): this looks like an SSH or headless session, which has no OS keychain.',
        short: 'no D-Bus session bus',
        fix: `Run btalk under \`dbus-run-session -- bash\` with gnome-keyring unlocked in it (${UNLOCK}; README "Headless Linux")`,
      };
    case 'bus-unreachable':
      return {
        line: 'The D-Bus session bus named by DBUS_SESSION_BUS_ADDRESS cannot be reached (a stale address, e.g. from an earlier login kept by tmux or screen).',
        short: 'D-Bus session bus unreachable',
        fix: `Open a new login shell (or unset DBUS_SESSION_BUS_ADDRESS and run btalk under \`dbus-run-session -- bash\` with ${UNLOCK})`,
      };
    case 'no-secret-service':
      return {
        line: 'The D-Bus session has no Secret Service: none is running and none can be started (gnome-keyring or KeePassXC is not installed).',
        short: 'no Secret Service',
        fix: `Install one (\`sudo apt-get install gnome-keyring\`) and unlock it with ${UNLOCK}`,
      };
    case 'no-keyring':
      if (mac) return {line: 'macOS has no default keychain to keep the credentials in.', short: 'no default keychain', fix: 'Create or choose a default keychain in Keychain Access'};
      return {
        line: 'The Secret Service has no default keyring to keep the credentials in (gnome-keyring was started without being unlocked).',
        short: 'no default keyring',
        fix: `Create and unlock it with ${UNLOCK} (any non-empty password; the same one unlocks it next time)`,
      };
    case 'locked':
      if (mac) return {line: 'The login keychain is locked and macOS cannot ask for its password here (an SSH session?).', short: 'the keychain is locked', fix: `Unlock it with ${MAC_UNLOCK}`};
      if (windows) return {line: 'The Windows Credential Manager is locked for this logon.', short: 'the keychain is locked', fix: 'Log in to Windows interactively once'};
      return {
        line: 'The keyring is locked, and its unlock prompt was dismissed or cannot be shown here (no display).',
        short: 'the keyring is locked',
        fix: `Unlock it with its password: ${UNLOCK} (or answer the prompt on the desktop)`,
      };
    case 'timed-out':
      return {
        line: `The OS keychain did not answer within ${seconds(deadlineMs)}: it may be waiting for an unlock prompt nobody can see.`,
        short: `no answer within ${seconds(deadlineMs)}`,
        fix: mac
          ? `Answer the keychain prompt on the Mac's screen, or unlock it with ${MAC_UNLOCK}`
          : windows
            ? 'Answer the Windows security prompt, if one is open'
            : `Answer the keyring's prompt if a desktop shows one; over SSH, unlock it with ${UNLOCK}`,
      };
    case 'refused':
      if (mac) return {line: 'macOS refused btalk access to its keychain items ("Deny" was chosen, or they belong to another program).', short: 'access refused', fix: 'Run again and choose "Always Allow", or delete the "btalk" items in Keychain Access and run `btalk login`'};
      if (windows) return {line: 'Windows refused access to the Credential Manager.', short: 'access refused', fix: 'Run btalk as the Windows user who saved the credentials'};
      return {
        line: 'The Secret Service refused btalk access (the D-Bus policy or the keyring denied it, e.g. inside a Flatpak or snap sandbox).',
        short: 'access refused',
        fix: 'Allow btalk to use the Secret Service (confirm it in KeePassXC; give a sandbox access to org.freedesktop.secrets)',
      };
    case 'no-logon-session':
      return {
        line: 'Windows has no Credential Manager for this logon (an SSH or service logon has none).',
        short: 'no logon session',
        fix: 'Log in interactively (console or Remote Desktop) to use the Credential Manager',
      };
    case 'no-library':
      return {
        line: "btalk's keychain library (@napi-rs/keyring) could not be loaded: it has no build for this system, or the install is incomplete.",
        short: 'keychain library missing',
        fix: 'Reinstall btalk with npm on this machine (its native keyring module is chosen at install time)',
      };
    case 'other':
      return {line: 'The OS keychain failed.', short: 'keychain error', fix: "Run again with --debug to see the keychain's own message"};
    default: {
      const never: never = trouble;
      return never;
    }
  }
}

/** The way out for a platform when nothing more is known (no error at hand). */
export function hintFor(platform: NodeJS.Platform): string {
  return withEnvWayOut(troubleWords('other', platform).fix);
}

function withEnvWayOut(fix: string): string {
  return `${fix}; or ${ENV_WAY_OUT}.`;
}

/** The trouble a keychain BtalkError (made by keychainError, or carrying one) stands for. */
function troubleIn(error: BtalkError): {trouble: KeychainTrouble; words: TroubleWords} | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e instanceof BtalkError; depth++) {
    const found = (e as KeychainError).keychain;
    if (found) return found;
    e = e.cause;
  }
  return undefined;
}

class KeychainError extends BtalkError {
  constructor(
    message: string,
    hint: string,
    cause: unknown,
    readonly keychain: {trouble: KeychainTrouble; words: TroubleWords},
  ) {
    super('keychain', message, {hint, cause});
  }
}

/** Why the keychain failed, in a few words (e.g. "no D-Bus session bus"). */
export function keychainReason(error: BtalkError): string {
  return troubleIn(error)?.words.short ?? error.message.replace(/\.$/, '');
}

/** Which trouble it was ('other' for an error keychainError did not make). */
export function keychainTrouble(error: BtalkError): KeychainTrouble {
  return troubleIn(error)?.trouble ?? 'other';
}

/** The trouble's own line (the error's message when keychainError did not make it). */
export function keychainLine(error: BtalkError): string {
  return troubleIn(error)?.words.line ?? error.message;
}

/** How to get a working keychain for this error, without the environment way out. */
export function keychainFix(error: BtalkError, platform: NodeJS.Platform): string {
  return troubleIn(error)?.words.fix ?? troubleWords('other', platform).fix;
}

/**
 * The lines a form shows when the keychain could not be read as btalk started: the trouble, that
 * what is typed works for this run only (there is no plaintext fallback), and the way out.
 */
export function keychainNotice(problem: BtalkError, consequence = 'the credentials are used for this run only'): string {
  const line = keychainLine(problem);
  return [`No OS keychain, so ${consequence}.`, `  ${line}`, ...(problem.hint ? [`  Next: ${problem.hint}`] : [])].join('\n');
}

/**
 * What saving gives when the keychain could not be read at start: the same cause and way out,
 * said as a save, without asking the keychain again (which would cost another deadline).
 */
export function keychainUnavailable(problem: BtalkError): BtalkError {
  const found = troubleIn(problem);
  const message = `Nothing was saved. ${keychainLine(problem)}`;
  return found ? new KeychainError(message, problem.hint ?? '', problem, found) : new BtalkError('keychain', message, {...(problem.hint === undefined ? {} : {hint: problem.hint}), cause: problem});
}

/** A keychain call's failure as a BtalkError: the trouble's line, and its way out as the hint. */
export function keychainError(thrown: unknown, platform: NodeJS.Platform, deadlineMs?: number): BtalkError {
  const trouble = troubleOf(thrown);
  const words = troubleWords(trouble, platform, thrown instanceof DeadlineExceeded ? thrown.ms : deadlineMs);
  return new KeychainError(words.line, withEnvWayOut(words.fix), thrown, {trouble, words});
}
