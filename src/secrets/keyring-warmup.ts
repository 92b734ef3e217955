/**
 * Whether a run is about to read the OS keychain, guessed from argv and the environment before
 * the command tree loads, so cli.tsx can start the keyring helper (keyring-process.ts, a second
 * Node) at once and its start overlaps btalk's own. A wrong guess costs only time: a helper
 * started for nothing ends with btalk; one not started early starts on the first call, as before.
 */
import {envFlag} from '../global-options.js';
import {credentialsFromEnv} from './env-credentials.js';

/** Commands that open a session (read the profile's secrets) or change the keychain. */
const KEYCHAIN_COMMANDS = new Set(['order', 'status', 'voicesites', 'login', 'logout', 'profiles', 'doctor']);
/** Commands that never touch it. */
const OTHER_COMMANDS = new Set(['sandbox', 'history', 'completion', 'completion-server', 'help']);
const NO_RUN = new Set(['--help', '-h', '--version', '-V', '--sandbox']);

export function keychainLikely(args: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  if (args.some((a) => NO_RUN.has(a)) || envFlag(env['BTALK_SANDBOX'])) return false;
  // Words that are not options: the command, and values of options given before it (--profile prod).
  const words = args.filter((a) => !a.startsWith('-'));
  const changesKeychain = words.includes('login') || words.includes('logout') || words.includes('profiles');
  const fromEnv = credentialsFromEnv(env);
  // Every secret from the environment: a session reads nothing from the keychain.
  if (fromEnv.clientId && fromEnv.clientSecret && fromEnv.apiKey && !changesKeychain) return false;
  if (words.some((w) => KEYCHAIN_COMMANDS.has(w))) return true;
  // No command word at all is the wizard.
  return !words.some((w) => OTHER_COMMANDS.has(w));
}
