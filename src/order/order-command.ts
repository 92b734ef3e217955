/** What `btalk order` for one site and for a CSV batch share: their dependencies and usage errors. */
import {BtalkError} from '../errors.js';
import type {GlobalOptions} from '../global-options.js';
import type {Runtime} from '../runtime.js';
import type {SessionFactory} from '../session-types.js';

export interface OrderDeps {
  runtime: Runtime;
  sessions: SessionFactory;
  globals: GlobalOptions;
}

export const YES_PROBLEM = {field: '--yes (BTALK_YES=1)', message: 'required when stdin/stdout is not a terminal: nothing can be confirmed'};

export const ANSWERS_HINT = 'Give each one as a flag or its environment variable; see "btalk order --help".';

export function usageError(problems: Array<{field: string; message: string}>, what: string, hint = ANSWERS_HINT): BtalkError {
  return new BtalkError('usage', `${what}: ${problems.length} ${problems.length === 1 ? 'answer needs' : 'answers need'} fixing.`, {problems, hint});
}
