/**
 * A one-line progress bar on stderr, redrawn in place. Only when stderr is a terminal: in a log
 * file a redrawn line is noise, and scripts read the per-row lines on stdout instead.
 */
import type {Writable} from 'node:stream';

export interface ProgressCounts {
  done: number;
  total: number;
  ok: number;
  failed: number;
  skipped: number;
}

export interface Progress {
  update(counts: ProgressCounts): void;
  /** Wipes the bar so another line can be printed; the next update draws it again. */
  clear(): void;
  /** Leaves the last bar on screen and moves to a new line. */
  finish(): void;
}

export function renderBar(c: ProgressCounts, width = 24): string {
  const filled = c.total === 0 ? width : Math.round((c.done / c.total) * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const failed = c.failed > 0 ? `, ${c.failed} failed` : '';
  const skipped = c.skipped > 0 ? `, ${c.skipped} skipped` : '';
  return `[${bar}] ${c.done}/${c.total} (${c.ok} ordered${failed}${skipped})`;
}

export function createProgress(stream: Writable & {isTTY?: boolean}): Progress {
  if (!stream.isTTY) return {update() {}, clear() {}, finish() {}};
  let shown = false;
  let last: ProgressCounts | undefined;
  return {
    update(counts) {
      last = counts;
      stream.write(`\r\u001b[2K${renderBar(counts)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
    finish() {
      if (!shown && last) stream.write(renderBar(last));
      if (last) stream.write('\n');
      shown = false;
    },
  };
}
