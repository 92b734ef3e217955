/**
 * Turns whatever the native keychain library throws into one BtalkError of kind 'keychain' with a
 * way out. Messages never contain secret values: only the operation and the account name.
 */
import {BtalkError} from '../errors.js';
import {CREDENTIAL_ENV_LIST} from './env-credentials.js';
import {DeadlineExceeded} from './with-deadline.js';

export const ENV_WAY_OUT = `set ${CREDENTIAL_ENV_LIST} in the environment instead`;

/** How to get a working keychain on this platform, without the environment way out. */
export function keychainFix(platform: NodeJS.Platform): string {
  if (platform === 'linux' || platform === 'freebsd') {
    return (
      'Start a Secret Service (e.g. `dbus-run-session -- bash`, then ' +
      '`echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets`; see README "Headless Linux")'
    );
  }
  if (platform === 'darwin') return 'Unlock the login keychain (Keychain Access)';
  return 'Check that the Windows Credential Manager is available';
}

export function hintFor(platform: NodeJS.Platform): string {
  return `${keychainFix(platform)}, or ${ENV_WAY_OUT}.`;
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

/** The few words of `describe`, for a one-line notice on a screen (80 columns). */
function shortReason(raw: string): string {
  const text = raw.toLowerCase();
  if (text.includes('dbus') || text.includes('d-bus') || text.includes('zbus') || text.includes('failed to connect')) return 'no D-Bus session';
  if (text.includes('no result found') || text.includes('no such object') || text.includes('serviceunknown')) return 'no usable keyring';
  if (text.includes('locked')) return 'the keyring is locked';
  if (text.includes('no storage access') || text.includes('platform storage')) return 'no access to it';
  return 'it refused the request';
}

/**
 * Why the keychain failed, in a few words (e.g. "no D-Bus session"), from a BtalkError made by
 * keychainError: its cause is what the library threw.
 */
export function keychainReason(error: BtalkError): string {
  const cause = error.cause;
  if (cause instanceof DeadlineExceeded) return `no answer within ${cause.ms / 1000} s`;
  if (cause === undefined) return error.message.replace(/\.$/, '');
  return shortReason(cause instanceof Error ? cause.message : String(cause));
}

/**
 * The one line a form shows when the keychain could not be read as btalk started: what is typed
 * works for this run, nothing is written anywhere (there is no plaintext fallback).
 */
export function keychainNotice(problem: BtalkError): string {
  return `No OS keychain (${keychainReason(problem)}): the credentials are used for this run only.`;
}

/**
 * What saving gives when the keychain could not be read at start: the same cause and way out,
 * said as a save, without asking the keychain again (which would cost another deadline).
 */
export function keychainUnavailable(problem: BtalkError): BtalkError {
  return new BtalkError('keychain', `No OS keychain to save to (${keychainReason(problem)}).`, {
    ...(problem.hint === undefined ? {} : {hint: problem.hint}),
    cause: problem,
  });
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
