/**
 * The wizard's first frame, painted before anything heavy loads. Loading the command tree, the
 * HTTP client and Ink takes several times a bare Node start; a person who typed `btalk` sees the
 * header and "Checking access…" at once instead of a blank terminal. Plain ANSI, no dependency:
 * this module is in the start-up path of every command. Ink's first render replaces these lines
 * (see clearPrepaint).
 */
import type {Writable} from 'node:stream';
import {accessibleFromEnv, envFlag} from './global-options.js';
import {declaredFlags, ROOT_FLAGS} from './option-flags.js';
import {rawStream} from './text/guarded-stream.js';

/**
 * The root program's options as commander is given them (option-flags.ts), the answers given up
 * front (--vpn, --country...) among them: those that take a value, and those that do not. Anything
 * else means "not the wizard"; so does --accessible, whose wizard paints no frame.
 */
const DECLARED = Object.entries(ROOT_FLAGS).flatMap(([key, flags]) => {
  const declared = key === 'accessible' ? undefined : declaredFlags(flags);
  return declared ? [declared] : [];
});
const WITH_VALUE = new Set(DECLARED.filter((d) => d.value).flatMap((d) => d.flags));
const FLAGS = new Set(DECLARED.filter((d) => !d.value).flatMap((d) => d.flags));

export interface Prepaint {
  /** Lines on screen that Ink must replace. */
  lines: number;
}

/**
 * argv read as the root program's options around at most one of `commands`, or undefined for
 * anything else (another word, an option not declared, a value missing).
 */
function rootArgs(argv: readonly string[], commands: readonly string[] = []): {profile?: string; sandbox: boolean; json: boolean; command?: string} | undefined {
  let profile: string | undefined;
  let command: string | undefined;
  let sandbox = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (WITH_VALUE.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return undefined;
      if (name === '-p' || name === '--profile') profile = value;
    } else if (FLAGS.has(name) && inline === undefined) {
      if (name === '--sandbox') sandbox = true;
      if (name === '--json') json = true;
    } else if (command === undefined && commands.includes(arg)) {
      command = arg;
    } else {
      return undefined;
    }
  }
  return {...(profile !== undefined ? {profile} : {}), sandbox, json, ...(command !== undefined ? {command} : {})};
}

/** True when argv runs the wizard (no subcommand, no --help/--version, only known global options). */
export function runsWizard(argv: readonly string[]): {profile?: string; sandbox: boolean} | undefined {
  const read = rootArgs(argv);
  return read && {...(read.profile !== undefined ? {profile: read.profile} : {}), sandbox: read.sandbox};
}

/**
 * True when argv is `btalk login` with only the root program's options, so that its form (Ink) will
 * read the terminal: not with --json or --accessible (they read lines, or nothing), nor in CI.
 */
export function runsLoginForm(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, interactive: boolean): boolean {
  if (!interactive || inCi(env) || accessibleFromEnv(env)) return false;
  const read = rootArgs(argv, ['login']);
  return read?.command === 'login' && !read.json;
}

/** Ink's own test (is-in-ci): there it writes only its last frame and would not replace these lines. */
function inCi(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env['CI'] === '0' || env['CI'] === 'false') return false;
  return 'CI' in env || 'CONTINUOUS_INTEGRATION' in env || Object.keys(env).some((k) => k.startsWith('CI_'));
}

/**
 * Paints the first frame when this run is the wizard in a terminal, and nothing otherwise.
 */
export function prepaintWizard(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, stdout: Writable & {isTTY?: boolean; columns?: number}, interactive: boolean): Prepaint | undefined {
  // Accessible mode writes plain lines only: no frame to paint (the --accessible flag itself is
  // not among the options runsWizard knows, so it already ends here).
  if (!interactive || inCi(env) || accessibleFromEnv(env)) return undefined;
  const wizard = runsWizard(argv);
  if (!wizard) return undefined;
  const sandbox = wizard.sandbox || envFlag(env['BTALK_SANDBOX']);
  const profile = (wizard.profile ?? env['BTALK_PROFILE'] ?? 'default').replace(/[^\w.-]/g, '?').slice(0, 64);
  const colour = !env['NO_COLOR'];
  const style = (codes: string, text: string) => (colour ? `\u001B[${codes}m${text}\u001B[0m` : text);
  const marker = sandbox ? `${style('7;1;35', ' SANDBOX ')} ` : '';
  const header = `${marker}${style('1', 'btalk')}${style('2', ` · profile ${profile}`)}`;
  stdout.write(`${header}\n\n${style('36', '⠋')} Checking access (token, then GET /me)…\n`);
  return {lines: 3};
}

/** Erases the painted lines (cursor back to their first line) so Ink's first frame takes their place. */
export function clearPrepaint(prepaint: Prepaint | undefined, stdout: Writable): void {
  if (!prepaint || prepaint.lines === 0) return;
  // btalk's own sequence: past the guard that makes outside text safe (see text/guarded-stream.ts).
  rawStream(stdout).write(`\u001B[${prepaint.lines}F\u001B[0J`);
  prepaint.lines = 0;
}

/**
 * `stream` (stderr) as it is, except that its first write takes the painted lines away first: a
 * note printed while the session opens (a bad key in the keychain, say) then shows whole, and is
 * not erased by Ink's first frame.
 */
export function clearedBeforeWrite<T extends Writable>(stream: T, prepaint: Prepaint, terminal: Writable): T {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') {
        return (...args: Parameters<Writable['write']>) => {
          clearPrepaint(prepaint, terminal);
          return target.write(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
