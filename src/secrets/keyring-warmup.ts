/**
 * Whether a run is about to read the OS keychain, guessed from argv and the environment before
 * the command tree loads, so cli.tsx can start the keyring helper (keyring-process.ts, a second
 * Node) at once and its start overlaps btalk's own. A wrong guess costs only time: a helper
 * started for nothing ends with btalk; one not started early starts on the first call, as before.
 */
import {isProfileName} from '../domain/profile-name.js';
import {envFlag} from '../global-options.js';
import {credentialsFromEnv} from './env-credentials.js';
import {accountFor, type SecretField} from './types.js';

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

/** Commands whose session reads the profile's secrets and cached token before anything else. */
const SESSION_COMMANDS = new Set(['order', 'status', 'voicesites']);

/**
 * The keychain items such a command's session reads first (the secrets not given in BTALK_*
 * variables, and the cached token), when argv names the profile plainly: cli.tsx asks the helper
 * for them as it starts it, so their answers are back by the time the session asks. Nothing for
 * anything else (another command, a profile option written another way).
 */
export function keychainReadsAhead(args: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  if (!keychainLikely(args, env)) return [];
  let profile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-p' || arg === '--profile') profile = args[++i];
    else if (arg.startsWith('--profile=')) profile = arg.slice('--profile='.length);
    else if (/^-p./.test(arg) || arg === '--') return [];
  }
  const words = args.filter((a) => !a.startsWith('-'));
  if (!words.some((w) => SESSION_COMMANDS.has(w))) return [];
  profile ??= env['BTALK_PROFILE'] ?? 'default';
  if (!isProfileName(profile)) return [];
  const fromEnv = credentialsFromEnv(env);
  const fields: Array<[keyof typeof fromEnv, SecretField]> = [['clientId', 'client-id'], ['clientSecret', 'client-secret'], ['apiKey', 'api-key']];
  return [accountFor(profile, 'token'), ...fields.filter(([key]) => fromEnv[key] === undefined).map(([, field]) => accountFor(profile, field))];
}
