/**
 * Everything btalk takes from the process, gathered once by the composition root (cli.tsx) and
 * passed down. Nothing below cli.tsx reads `process.*`; tests build a Runtime of their own.
 */
import type {Readable, Writable} from 'node:stream';
import type {EarlyInput} from './early-input.js';
import type {InterruptSignal} from './errors.js';
import type {HeadStart} from './api/head-start.js';
import type {Prepaint} from './prepaint.js';
import type {ProcessKeyringBackend} from './secrets/keyring-process.js';
import type {EmbeddedEmulator} from './session.js';
import type {Timers} from './timers.js';

export interface Runtime {
  env: Readonly<Record<string, string | undefined>>;
  stdin: Readable & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};
  stdout: Writable & {isTTY?: boolean; columns?: number; rows?: number};
  stderr: Writable & {isTTY?: boolean};
  /** stdin and stdout are both terminals: prompts and Ink are allowed. */
  interactive: boolean;
  cwd: string;
  platform: NodeJS.Platform;
  /** Epoch milliseconds. */
  clock: () => number;
  /** A number in [0, 1): the jitter of every backoff. */
  random: () => number;
  /** Every timer of btalk's own logic (backoff, pauses, prefetch delays); see timers.ts. */
  timers: Timers;
  /**
   * Registers an interrupt handler while a command runs: Ctrl+C (SIGINT), SIGTERM and SIGHUP alike.
   * Returns a function that removes it. The exit code of an interrupted run follows the signal.
   */
  onInterrupt(handler: (signal: InterruptSignal) => void): () => void;
  version: string;
  /** The running Node.js version (process.versions.node), for `btalk doctor`. */
  nodeVersion?: string;
  /** Lines the wizard's first frame painted before Ink loaded (src/prepaint.ts); Ink replaces them. */
  prepaint?: Prepaint;
  /** The keys typed since that frame, the terminal raw meanwhile (early-input.ts); the wizard's key stream takes them. */
  earlyInput?: EarlyInput;
  /**
   * The keyring helper, started by cli.tsx as the run began when it is about to read the keychain
   * (secrets/keyring-warmup.ts); every keychain store of the run shares it. Tests leave it out.
   */
  keyringHelper?: ProcessKeyringBackend;
  /**
   * Starts the embedded emulator (`--sandbox`) in a worker thread (emulator/in-worker.ts); cli.tsx
   * builds it for the bundle, and its first call takes the one it started as the run began
   * (emulator/warmup.ts). Without it (tests, running from source) the emulator runs in-process.
   */
  startEmulator?: (options?: {port?: number}) => Promise<EmbeddedEmulator>;
  /**
   * The token request cli.tsx sent as the run began, when src/token-head-start.ts expects this run to
   * ask for one; the first client whose token request is the same takes it. Tests leave it out.
   */
  headStart?: HeadStart;
}
