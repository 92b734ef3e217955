/**
 * A batch's progress on stderr while rows are checked and while they are sent: the count, the
 * rate and the time left. In a terminal it is one bar redrawn in place (cut to the terminal's
 * width); elsewhere (a log file, CI) a plain line at most every few seconds, since a redrawn line
 * there is noise. A ticker keeps it alive while nothing finishes (every row waiting on one slow
 * list), so a wait is never silent; it is unref'd and stopped by `finish`.
 */
import type {Writable} from 'node:stream';
import stringWidth from 'string-width';
import {truncateToWidth} from '../text/fit-table.js';
import {rawStream} from '../text/guarded-stream.js';
import {count} from '../text/plural.js';

export interface ProgressCounts {
  done: number;
  total: number;
  ok: number;
  failed: number;
  skipped: number;
}

export interface Progress {
  update(counts: ProgressCounts): void;
  /** Wipes the bar so another line can be printed; the next update (or tick) draws it again. */
  clear(): void;
  /** Leaves the last bar on screen (a terminal) or writes a last line (elsewhere), and stops the ticker. */
  finish(): void;
}

export interface ProgressOptions {
  /** "Checking" or "Sending". */
  verb: string;
  /** What the counts are about: ['row', 'rows']. */
  noun?: readonly [string, string];
  /** Whether to show ordered/failed/skipped (sending) or just the count (checking). */
  outcomes?: boolean;
  clock?: () => number;
  /** A plain line at most this often when stderr is not a terminal (default 5 s). */
  plainEveryMs?: number;
  /** How often the ticker redraws in a terminal (default 1 s). */
  tickMs?: number;
}

type ProgressStream = Writable & {isTTY?: boolean; columns?: number};

function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(s % 60).padStart(2, '0')} s`;
}

/** "4.2 rows/s, about 12 s left"; the elapsed time while nothing has finished yet; "done in 8 s" at the end. */
export function pace(c: ProgressCounts, elapsedMs: number, noun: readonly [string, string] = ['row', 'rows']): string {
  const left = c.total - c.done;
  if (left <= 0) return `done in ${seconds(elapsedMs)}`;
  if (c.done === 0 || elapsedMs < 500) return `${seconds(elapsedMs)} so far`;
  const rate = c.done / (elapsedMs / 1000);
  const shown = rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
  return `${shown} ${noun[1]}/s, about ${seconds((left / rate) * 1000)} left`;
}

function outcomesOf(c: ProgressCounts): string {
  const failed = c.failed > 0 ? `, ${c.failed} failed` : '';
  const skipped = c.skipped > 0 ? `, ${c.skipped} skipped` : '';
  return ` (${c.ok} ordered${failed}${skipped})`;
}

export function renderBar(c: ProgressCounts, width = 24): string {
  const filled = c.total === 0 ? width : Math.round((c.done / c.total) * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  return `[${bar}] ${c.done}/${c.total}${outcomesOf(c)}`;
}

/**
 * One line: "Sending [#####-------] 12/200 rows · 4.2 rows/s, about 45 s left · 10 ordered, 2 failed".
 * In a terminal the bar is 17 cells at 80 columns (its width follows the terminal's, so it does not
 * jump as the text grows), narrower when the text would not fit beside it, gone below 8 cells;
 * whatever still does not fit is cut at the end.
 */
export function progressLine(c: ProgressCounts, elapsedMs: number, options: ProgressOptions, tty: boolean, width = 80): string {
  const noun = options.noun ?? ['row', 'rows'];
  const outcomes = options.outcomes ? ` ·${outcomesOf(c).slice(1, -1).replace(/^\(/, ' ')}` : '';
  const tail = `${c.done}/${count(c.total, ...noun)} · ${pace(c, elapsedMs, noun)}${outcomes}`;
  if (!tty) return `${options.verb}: ${tail}`;
  // Narrower only when the text would not fit beside it: the counts matter more than the bar.
  const room = Math.min(24, width - 62, width - options.verb.length - stringWidth(tail) - 4);
  if (room < 8) return `${options.verb} ${tail}`;
  const filled = c.total === 0 ? room : Math.round((c.done / c.total) * room);
  return `${options.verb} [${'#'.repeat(filled)}${'-'.repeat(room - filled)}] ${tail}`;
}

export function createProgress(guarded: ProgressStream, options: ProgressOptions = {verb: 'Sending', outcomes: true}): Progress {
  // The redraw sequences are btalk's own; the line holds only counts and btalk's words.
  const stream = rawStream(guarded);
  const clock = options.clock ?? Date.now;
  const tty = stream.isTTY === true;
  const started = clock();
  const plainEveryMs = options.plainEveryMs ?? 5_000;
  let shown = false;
  let finished = false;
  let last: ProgressCounts | undefined;
  let lastPlainAt = started;
  let lastPlainDone = -1;

  const width = () => Math.max(20, (stream.columns ?? 80) - 1);
  const line = () => (last ? progressLine(last, clock() - started, options, tty, width()) : '');
  const draw = () => {
    if (!last || finished) return;
    if (tty) {
      stream.write(`\r\u001b[2K${truncateToWidth(line(), width())}`);
      shown = true;
      return;
    }
    const now = clock();
    if (now - lastPlainAt >= plainEveryMs) {
      stream.write(`${line()}\n`);
      lastPlainAt = now;
      lastPlainDone = last.done;
    }
  };
  const ticker = setInterval(draw, tty ? (options.tickMs ?? 1_000) : Math.min(1_000, plainEveryMs));
  ticker.unref?.();

  return {
    update(counts) {
      last = {...counts};
      draw();
    },
    clear() {
      if (tty && shown) stream.write('\r\u001b[2K');
      shown = false;
    },
    finish() {
      if (finished) return;
      clearInterval(ticker);
      if (last) {
        if (tty) stream.write(`\r\u001b[2K${truncateToWidth(line(), width())}\n`);
        else if (lastPlainDone !== last.done) stream.write(`${line()}\n`);
      }
      finished = true;
      shown = false;
    },
  };
}
