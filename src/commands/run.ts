/**
 * Runs a command body, turning any failure into a printed error and an exit code. The exit code
 * table itself lives in errors.ts (`exitCodeFor`) and is applied here, for every command alike.
 */
import {exitCodeFor, formatError, toBtalkError} from '../errors.js';
import {envFlag} from '../global-options.js';
import type {Runtime} from '../runtime.js';
import {terminalSafeJson, terminalSafeLines} from '../text/terminal-safe.js';

export async function runCommand(
  runtime: Runtime,
  options: {json?: boolean | undefined},
  body: () => Promise<number | void>,
): Promise<number> {
  try {
    return (await body()) ?? 0;
  } catch (thrown) {
    const error = toBtalkError(thrown);
    if (options.json) {
      runtime.stdout.write(terminalSafeJson({ok: false, error: error.toJSON()}) + '\n');
    }
    runtime.stderr.write(formatError(error).join('\n') + '\n');
    if (error.kind === 'bug' && thrown instanceof Error && envFlag(runtime.env['BTALK_DEBUG'])) {
      runtime.stderr.write(`${terminalSafeLines(thrown.stack ?? '')}\n`);
    }
    return exitCodeFor(error);
  }
}
