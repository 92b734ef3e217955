/** What every command receives from the composition root. */
import type {GlobalOptions} from '../global-options.js';
import type {OrderFlags} from '../order/order-options.js';
import type {Runtime} from '../runtime.js';
import type {SessionFactory} from '../session-types.js';

export interface CommandContext {
  runtime: Runtime;
  sessions: SessionFactory;
  /** Global flags merged with their environment variables (BTALK_PROFILE, BTALK_ENV, ...). */
  globals(): GlobalOptions;
  /** The answer flags (--customer --vpn --country --site-name --label --reference) as given. */
  answerFlags?(): OrderFlags;
  /**
   * Sends --debug lines to a log file from now on (named on stderr when the command ends): the
   * wizard calls it before Ink takes the terminal.
   */
  debugToFile?(): void;
  /** The process exit code once the command is done (see runCommand). */
  setExitCode(code: number): void;
}
