/**
 * startBatch's promise about the journal: a row's result counts (reported, and in `done`) only
 * once its journal line is written, even though the worker sends its next row meanwhile; Ctrl+C
 * waits for a line still being written; a rate-limited attempt's line comes before the retry.
 * The API and the journal are hand-driven fakes of their seams, so every step is awaited, not timed.
 */
import {describe, expect, it} from 'vitest';
import type {BusinessTalkApi, OrderRequest, OrderResult} from '../../src/api/types.js';
import {BtalkError} from '../../src/errors.js';
import type {OrderAttempt} from '../../src/journal/entry.js';
import type {PlannedRow} from '../../src/order/batch-check.js';
import {startBatch, type SendOptions} from '../../src/order/batch-send.js';
import type {RowResult} from '../../src/order/results-csv.js';
import {manualTimers} from '../helpers/manual-timers.js';

interface Pending<T> {
  name: string;
  settle: (value: T) => void;
  fail: (error: unknown) => void;
}

function defer<T>(list: Array<Pending<T>>, name: string): Promise<T> {
  return new Promise<T>((settle, fail) => list.push({name, settle, fail}));
}

/** An API whose order POSTs are answered by the test, in the order it chooses. */
function handDrivenApi() {
  const posts: Array<Pending<OrderResult>> = [];
  const api = {
    orderVoicesite: (_customer: string, order: OrderRequest) => defer(posts, order.parameters.technicalSiteName),
  } as unknown as BusinessTalkApi;
  return {api, posts};
}

/** A journal whose lines are written when the test says so. */
function handDrivenJournal() {
  const lines: Array<Pending<void> & {attempt: OrderAttempt}> = [];
  const record = (attempt: OrderAttempt) =>
    new Promise<void>((settle, fail) => lines.push({name: attempt.technicalSiteName, attempt, settle, fail}));
  return {record, lines};
}

function rows(count: number): PlannedRow[] {
  return Array.from({length: count}, (_, k) => {
    const name = `SITE_${k + 1}`;
    const request: OrderRequest = {customerOrderReference: `PO-${k + 1}`, parameters: {technicalSiteName: name, customerSiteLabel: `Site ${k + 1}`, country: 'FR', vpnId: 'aa76e66dfc63'}};
    return {
      row: k + 2,
      order: {
        customer: {customerCode: '9999', name: 'ACME'},
        vpn: {vpnId: 'aa76e66dfc63', name: 'My VPN 1'},
        country: {iso2: 'FR', name: 'France'},
        technicalSiteName: name,
        customerSiteLabel: `Site ${k + 1}`,
        customerOrderReference: `PO-${k + 1}`,
        request,
      },
    } as PlannedRow;
  });
}

/** Lets every promise callback that can run, run (bounded: the fakes never answer by themselves). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

async function until(what: string, test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise<void>((resolve) => setImmediate(resolve));
  if (!test()) throw new Error(`never happened: ${what}`);
}

function batch(count: number, extra: Partial<SendOptions> = {}) {
  const {api, posts} = handDrivenApi();
  const {record, lines} = handDrivenJournal();
  const reported: RowResult[] = [];
  const time = manualTimers(1_000_000);
  const sender = startBatch({
    api,
    rows: rows(count),
    concurrency: 1,
    clock: time.clock,
    random: () => 0.5,
    timers: time.timers,
    record,
    file: '/tmp/sites.csv',
    onResult: (r) => reported.push(r),
    ...extra,
  });
  let finished: RowResult[] | undefined;
  void sender.done.then((r) => (finished = r));
  return {sender, posts, lines, reported, time, finished: () => finished};
}

const answer = (id: string): OrderResult => ({voiceSiteId: id, orderId: `o-${id}`});

describe('startBatch and the journal', () => {
  it("counts a row only once its line is written, while its worker already sends the next row; never two rows ahead", async () => {
    const b = batch(3);
    await until('row 1 sent', () => b.posts.length === 1);
    b.posts[0]!.settle(answer('v1'));
    await until("row 1's line started", () => b.lines.length === 1);
    expect(b.lines[0]!.attempt).toMatchObject({technicalSiteName: 'SITE_1', outcome: 'ordered', voiceSiteId: 'v1', batch: {file: '/tmp/sites.csv', row: 2}});
    // The next POST does not wait for the disk ...
    await until('row 2 sent while row 1 is being journalled', () => b.posts.length === 2);
    // ... but row 1's result does.
    await settle();
    expect(b.reported).toEqual([]);
    expect(b.sender.inFlight()).toBe(2);

    // Row 2 answered while row 1's line is still pending: row 3 waits (one row per worker ahead).
    b.posts[1]!.settle(answer('v2'));
    await settle();
    expect(b.posts).toHaveLength(2);
    expect(b.reported).toEqual([]);

    b.lines[0]!.settle();
    await until('row 1 reported', () => b.reported.length === 1);
    expect(b.reported[0]).toMatchObject({row: 2, status: 'ok', voiceSiteId: 'v1'});
    await until('row 3 sent', () => b.posts.length === 3);
    await settle();
    // Row 2's line is not written yet, so row 2 has not counted.
    expect(b.reported).toHaveLength(1);
    await until("row 2's line started", () => b.lines.length === 2);
    b.lines[1]!.settle();
    await until('row 2 reported', () => b.reported.length === 2);

    b.posts[2]!.settle(answer('v3'));
    await until("row 3's line started", () => b.lines.length === 3);
    await settle();
    expect(b.finished()).toBeUndefined();
    b.lines[2]!.settle();
    await until('the batch done', () => b.finished() !== undefined);
    expect(b.finished()!.map((r) => [r.row, r.status, r.voiceSiteId])).toEqual([
      [2, 'ok', 'v1'],
      [3, 'ok', 'v2'],
      [4, 'ok', 'v3'],
    ]);
    expect(b.reported).toEqual(b.finished());
    expect(b.sender.inFlight()).toBe(0);
  });

  it('a refused row, too, counts only after its line', async () => {
    const b = batch(1);
    await until('row 1 sent', () => b.posts.length === 1);
    b.posts[0]!.fail(new BtalkError('invalid-input', 'The API refused the order: bad VPN.', {api: {status: 400}}));
    await until("row 1's line started", () => b.lines.length === 1);
    expect(b.lines[0]!.attempt.outcome).toBe('refused');
    await settle();
    expect(b.reported).toEqual([]);
    expect(b.finished()).toBeUndefined();
    b.lines[0]!.settle();
    await until('the batch done', () => b.finished() !== undefined);
    expect(b.reported.map((r) => r.status)).toEqual(['failed']);
  });

  it('Ctrl+C while a line is being written: no new row, and done waits for that line', async () => {
    const b = batch(4);
    await until('row 1 sent', () => b.posts.length === 1);
    b.posts[0]!.settle(answer('v1'));
    await until('row 2 sent', () => b.posts.length === 2);
    b.sender.stop();
    await until("row 1's line started", () => b.lines.length === 1);
    b.lines[0]!.settle();
    await until('row 1 reported', () => b.reported.length === 1);
    b.posts[1]!.settle(answer('v2'));
    await until("row 2's line started", () => b.lines.length === 2);
    await settle();
    // The last row's answer is in, its line is not: it has not counted, and the batch is not done.
    expect(b.reported.map((r) => r.row)).toEqual([2]);
    expect(b.finished()).toBeUndefined();
    expect(b.sender.inFlight()).toBe(1);
    b.lines[1]!.settle();
    await until('the batch done', () => b.finished() !== undefined);
    expect(b.posts).toHaveLength(2);
    expect(b.finished()!.map((r) => [r.row, r.status])).toEqual([
      [2, 'ok'],
      [3, 'ok'],
      [4, 'not-sent'],
      [5, 'not-sent'],
    ]);
    expect(b.reported.map((r) => r.row)).toEqual([2, 3]);
  });

  it("a rate-limited attempt's line is written before the row is sent again", async () => {
    const b = batch(1, {backoff: {baseMs: 100, maxMs: 100, maxAttempts: 3}});
    await until('attempt 1 sent', () => b.posts.length === 1);
    b.posts[0]!.fail(new BtalkError('rate-limited', 'Too many requests.', {api: {status: 429}}));
    await until("attempt 1's line started", () => b.lines.length === 1);
    expect(b.lines[0]!.attempt.outcome).toBe('refused');
    b.time.advance(10_000);
    await settle();
    expect(b.posts).toHaveLength(1);
    b.lines[0]!.settle();
    await settle();
    b.time.advance(10_000);
    await until('attempt 2 sent', () => b.posts.length === 2);
    b.posts[1]!.settle(answer('v1'));
    await until("attempt 2's line started", () => b.lines.length === 2);
    b.lines[1]!.settle();
    await until('the batch done', () => b.finished() !== undefined);
    expect(b.reported.map((r) => [r.status, r.voiceSiteId])).toEqual([['ok', 'v1']]);
  });
});
