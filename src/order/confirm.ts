/**
 * A plain y/N question on stderr, answered on stdin. No Ink: it must work over SSH, in a pipe
 * after `--yes` was forgotten (never reached: see requireYes) and in tests with a PassThrough.
 */
import {createInterface} from 'node:readline';
import {BtalkError} from '../errors.js';
import type {Runtime} from '../runtime.js';

/** True only for an explicit yes; Enter, "n", end of input or Ctrl+C mean no. */
export async function confirm(runtime: Runtime, question: string): Promise<boolean> {
  const rl = createInterface({input: runtime.stdin, output: runtime.stderr, terminal: false});
  let removeInterrupt: () => void = () => {};
  try {
    const answer = await new Promise<string | undefined>((resolve) => {
      rl.once('line', (line) => resolve(line));
      rl.once('close', () => resolve(undefined));
      removeInterrupt = runtime.onInterrupt(() => resolve(undefined));
      runtime.stderr.write(`${question} [y/N] `);
    });
    if (answer === undefined) runtime.stderr.write('\n');
    return answer !== undefined && /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    removeInterrupt();
    rl.close();
  }
}

export function declined(what: string): BtalkError {
  return new BtalkError('cancelled', `Not confirmed: ${what}`, {hint: 'Nothing was sent. Run again and answer "y", or pass --yes.'});
}
