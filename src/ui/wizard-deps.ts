/** What the wizard UI needs from outside: plain values and functions, so tests pass their own. */
import type {SecretOrigins} from '../secrets/secret-origin.js';
import type {BusinessTalkApi, Credentials} from '../api/types.js';
import type {BtalkError, InterruptSignal} from '../errors.js';
import type {RecordOrder} from '../journal/record.js';
import type {ApiOptions} from '../session-types.js';
import type {Timers} from '../timers.js';
import type {Theme} from './theme.js';

/** The parts of a Session the wizard uses (src/session-types.ts). */
export interface WizardSession {
  profile: string;
  environment: {name: string; baseUrl: string};
  /** The session runs against the embedded emulator (--sandbox). */
  emulated: boolean;
  credentials: Credentials | undefined;
  /** A client; `onWait` takes its retry pauses onto the busy line (under Ink nothing goes to stderr). */
  api(credentials: Credentials, options?: ApiOptions): BusinessTalkApi;
  saveCredentials(credentials: Credentials): Promise<void>;
  /** Journals an order attempt (the CLI's session always has it; some tests leave it out). */
  recordOrder?: RecordOrder;
  /** Set when the OS keychain could not be read: typed credentials then serve this run only. */
  keychainProblem?: BtalkError | undefined;
  /** Where each of these credentials came from (the access screen says where the key did). */
  origins?(credentials: Credentials): SecretOrigins;
}

export interface WizardExit {
  code: number;
  /** One line to leave in the terminal after the UI is gone. */
  reason: string;
  stream: 'stdout' | 'stderr';
  /** Sites ordered earlier in the run, one line each, printed on stdout before `reason`. */
  summary?: string[];
}

export interface WizardDeps {
  session: WizardSession;
  /** Epoch milliseconds (the default order reference comes from it). */
  clock: () => number;
  /** The order POST's bound (--order-timeout), said on its busy line; unsaid when absent. */
  orderTimeoutMs?: number | undefined;
  /** What the wizard's prefetch delays wait on (default systemTimers). */
  timers?: Timers;
  theme: Theme;
  /** Ctrl+C that arrives as a signal rather than as a key (e.g. raw mode off), SIGTERM, SIGHUP; returns an unsubscribe. */
  onInterrupt?: (handler: (signal: InterruptSignal) => void) => () => void;
}
