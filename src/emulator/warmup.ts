/**
 * Whether a run is about to open the embedded emulator (`--sandbox`, BTALK_SANDBOX=1), guessed
 * from argv and the environment before the command tree loads, so cli.tsx can start it in its
 * worker thread (in-worker.ts) at once: it then starts on another core while btalk loads, instead
 * of after the session code. A wrong guess costs only a thread that ends with btalk.
 */
import {envFlag} from '../global-options.js';
import type {EmbeddedEmulator} from '../session.js';

/** Commands that never open a session (`btalk sandbox` runs its own emulator, in its own thread). */
const NO_SESSION = new Set(['sandbox', 'history', 'completion', 'completion-server', 'help', 'profiles']);
const NO_RUN = new Set(['--help', '-h', '--version', '-V']);

export function embeddedEmulatorLikely(args: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  if (args.some((a) => NO_RUN.has(a))) return false;
  if (!args.includes('--sandbox') && !envFlag(env['BTALK_SANDBOX'])) return false;
  return !args.some((a) => !a.startsWith('-') && NO_SESSION.has(a));
}

/**
 * `start`, except that its first call with the default port takes the emulator started ahead
 * (`early`), if any. Later calls (a second session) each start their own.
 */
export function startingAhead(
  start: (options?: {port?: number}) => Promise<EmbeddedEmulator>,
  early: Promise<EmbeddedEmulator> | undefined,
): (options?: {port?: number}) => Promise<EmbeddedEmulator> {
  let ahead = early;
  // Its failure, if it fails, is told to the session that takes it.
  ahead?.catch(() => undefined);
  return (options) => {
    if (ahead && (options?.port ?? 0) === 0) {
      const taken = ahead;
      ahead = undefined;
      return taken;
    }
    return start(options);
  };
}
