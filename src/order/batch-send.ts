/**
 * Sends a checked batch with bounded concurrency. Each row is one `placeOrder`, so an ambiguous
 * failure is checked, never blindly resent. A row is retried only when the API said it was rate
 * limited (429, or 403 code 53): the request was refused before it was processed. Rate limiting
 * pauses every worker, not just the one that was told, so the batch slows down as a whole.
 *
 * The pause is our own backoff or the server's Retry-After, whichever is longer: the server knows
 * when it will take orders again, and asking earlier only spends a row's attempts. A Retry-After
 * beyond `maxRetryAfterMs` (a quota for the day, not a burst) halts the batch instead of waiting
 * for hours: that row fails with the server's answer, no new row is sent, and the results file
 * says which rows to send again later.
 */
import {errorOneLine, toBtalkError, type BtalkError} from '../errors.js';
import {backoffMs, isRateLimitedAnswer} from '../api/retry-policy.js';
import type {BusinessTalkApi} from '../api/types.js';
import type {Timers} from '../timers.js';
import type {PlannedRow} from './batch-check.js';
import {placeThenRecord, type RecordOrder} from '../journal/record.js';
import {placeOrder, type RecheckSettings} from './place-order.js';
import type {RowResult} from './results-csv.js';

export interface BackoffSettings {
  /** First wait after a rate-limited answer, doubled each time (with backoffMs's jitter). */
  baseMs: number;
  maxMs: number;
  /** Attempts per row, the first one included. */
  maxAttempts: number;
  /** The longest Retry-After the batch waits out; a longer one halts it (default 10 minutes). */
  maxRetryAfterMs?: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = {baseMs: 1_000, maxMs: 30_000, maxAttempts: 6, maxRetryAfterMs: 10 * 60_000};

export interface SendOptions {
  api: BusinessTalkApi;
  rows: readonly PlannedRow[];
  concurrency: number;
  backoff?: BackoffSettings;
  /** Epoch ms, the backoff's jitter source and what pauses wait on (the Runtime's). */
  clock: () => number;
  random: () => number;
  timers: Timers;
  /** Called once per row sent (or abandoned mid-retry) as soon as its result is known, in completion order. */
  onResult: (result: RowResult) => void;
  /** Called when a row's POST answer was lost and the voicesites are being checked. */
  onChecking?: (row: PlannedRow) => void;
  onRetry?: (row: PlannedRow, waitMs: number, error: BtalkError) => void;
  /** The re-check window after an unknown outcome (default DEFAULT_RECHECK). */
  recheck?: RecheckSettings;
  /** Journals every POST sent (rate-limited ones included), with the file and row. */
  record?: RecordOrder;
  /** The CSV file's name, for the journal. */
  file?: string;
}

export interface BatchSender {
  /** Resolves when every started row has its result; rows not started are reported as not-sent. */
  done: Promise<RowResult[]>;
  /** Stops starting new rows (Ctrl+C). Rows in flight finish. */
  stop(): void;
  readonly stopped: boolean;
  /** Why the batch stopped sending by itself (the server asked for a wait too long to sit out). */
  readonly halted: string | undefined;
  inFlight(): number;
}

export function isRateLimited(error: BtalkError): boolean {
  if (error.outcomeUnknown) return false;
  return error.kind === 'rate-limited' || (error.api?.status !== undefined && isRateLimitedAnswer(error.api.status, error.api.code));
}

export function startBatch(options: SendOptions): BatchSender {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const maxRetryAfterMs = backoff.maxRetryAfterMs ?? DEFAULT_BACKOFF.maxRetryAfterMs!;
  const results: RowResult[] = [];
  let stopped = false;
  // Stops the re-check windows of rows in flight: their outcome is then said as unknown.
  const stopping = new AbortController();
  let halted: string | undefined;
  let next = 0;
  let inFlight = 0;
  let pausedUntil = 0;
  let wakeSleepers: Array<() => void> = [];

  // A sleep that Ctrl+C cuts short: a row waiting out a rate limit has not been sent.
  const {clock, random, timers} = options;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const cancel = timers.after(ms, done);
      function done() {
        cancel();
        wakeSleepers = wakeSleepers.filter((w) => w !== done);
        resolve();
      }
      wakeSleepers.push(done);
    });

  const finish = (result: RowResult) => {
    results.push(result);
    options.onResult(result);
  };

  // A row's line goes to the journal one turn of the event loop after its answer: by then the
  // worker's next POST is on the wire, so not even the start of the write (the line serialised,
  // the write queued) stands between two POSTs. The row still counts only once the line is written.
  const journal = options.record;
  const record: RecordOrder | undefined = journal && ((attempt) => new Promise<void>((resolve) => setImmediate(resolve)).then(() => journal(attempt)));

  /** A row's result, and its last attempt's journal line being written (the result counts once it is). */
  interface SentRow {
    result: RowResult;
    recorded: Promise<void>;
  }
  const written = Promise.resolve();

  async function sendRow(item: PlannedRow): Promise<SentRow> {
    const name = item.order.technicalSiteName;
    for (let attempt = 1; ; attempt++) {
      while (!stopped && !halted && clock() < pausedUntil) await sleep(pausedUntil - clock());
      if (halted && attempt > 1) return {result: {row: item.row, technicalSiteName: name, status: 'not-sent', error: `not sent: ${halted}`}, recorded: written};
      if (stopped && attempt > 1) return {result: {row: item.row, technicalSiteName: name, status: 'not-sent', error: 'interrupted while waiting out a rate limit'}, recorded: written};
      const {order} = item;
      const context = {
        source: 'batch' as const,
        customer: {code: order.customer.customerCode, name: order.customer.name},
        vpn: {id: order.vpn.vpnId, name: order.vpn.name},
        request: order.request,
        ...(options.file === undefined ? {} : {batch: {file: options.file, row: item.row}}),
      };
      const {outcome, recorded} = await placeThenRecord(record, context, (onRequestId) =>
        placeOrder(options.api, order.customer.customerCode, order.request, {
          onChecking: () => options.onChecking?.(item),
          onRequestId,
          // A row whose outcome stays unknown is never resent by the batch itself.
          stopChecking: stopping.signal,
          ...(options.recheck ? {recheck: options.recheck} : {}),
          clock,
          timers,
        }),
      );
      if ('placed' in outcome) {
        const {placed} = outcome;
        return {result: {row: item.row, technicalSiteName: name, status: 'ok', voiceSiteId: placed.voiceSiteId, recovered: placed.recovered}, recorded};
      }
      const error = toBtalkError(outcome.error);
      if (isRateLimited(error)) {
        const asked = error.api?.retryAfterMs;
        if (asked !== undefined && asked > maxRetryAfterMs && !halted) {
          // This row carries the server's answer (failed, exit 1); the others are simply not sent.
          halted = `the API asked to wait ${Math.ceil(asked / 1000)} s before taking more orders`;
          wakeAll();
        } else if (halted) {
          return {result: {row: item.row, technicalSiteName: name, status: 'not-sent', error: `not sent: ${halted}`}, recorded};
        } else if (attempt < backoff.maxAttempts && !stopped) {
          const ours = backoffMs(attempt, {baseMs: backoff.baseMs, capMs: backoff.maxMs}, random);
          const wait = Math.max(ours, asked ?? 0);
          pausedUntil = Math.max(pausedUntil, clock() + wait);
          options.onRetry?.(item, Math.round(wait), error);
          // The refused attempt's line comes before the next attempt's.
          await recorded;
          continue;
        }
      }
      const result: RowResult = {
        row: item.row,
        technicalSiteName: name,
        status: error.outcomeUnknown ? 'unknown' : 'failed',
        error: errorOneLine(error),
        ...(error.api?.requestId === undefined ? {} : {requestId: error.api?.requestId}),
      };
      return {result, recorded};
    }
  }

  function wakeAll(): void {
    for (const wake of [...wakeSleepers]) wake();
  }

  /**
   * One row after another. A row's result counts (is reported, printed, and in `done`) only once
   * its journal line is written; meanwhile the worker already sends its next row, so the line's
   * write is not a pause between two POSTs. At most one row per worker waits for its line: the
   * row after next is sent only once the previous one has counted, and stopping (Ctrl+C) waits
   * for the last line as for the rows in flight.
   */
  async function worker(): Promise<void> {
    let counted: Promise<void> = written;
    try {
      while (!stopped && !halted && next < options.rows.length) {
        const item = options.rows[next++]!;
        inFlight++;
        let sent: SentRow;
        try {
          sent = await sendRow(item);
        } catch (error) {
          inFlight--;
          throw error;
        }
        await counted;
        const count = () => {
          inFlight--;
          finish(sent.result);
        };
        // RecordOrder never rejects (the journal warns about a line it could not write); were one
        // to, the order's outcome would still be what the API said.
        counted = sent.recorded.then(count, count);
      }
    } finally {
      await counted;
    }
  }

  const workers = Array.from({length: Math.max(1, Math.min(options.concurrency, options.rows.length))}, () => worker());
  const done = Promise.all(workers).then(() => {
    // Rows never started go to the results file only: printing 150 "not sent" lines helps nobody.
    for (const item of options.rows.slice(next)) {
      results.push({row: item.row, technicalSiteName: item.order.technicalSiteName, status: 'not-sent', error: halted ? `not sent: ${halted}` : 'interrupted before it was sent'});
    }
    return results;
  });

  return {
    done,
    stop() {
      stopped = true;
      stopping.abort();
      wakeAll();
    },
    get stopped() {
      return stopped;
    },
    get halted() {
      return halted;
    },
    inFlight: () => inFlight,
  };
}
