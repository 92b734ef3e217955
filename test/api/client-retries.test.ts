import {getEventListeners} from 'node:events';
import {describe, expect, it} from 'vitest';
import {useEmulator} from '../helpers/emulator.js';
import {waitLine} from '../../src/api/transport.js';
import {clientFor, failure, order} from './client-fixture.js';

const UNAVAILABLE = {code: 5, message: 'Service unavailable', description: 'Try again later.'};
const TOO_MANY = {code: 53, message: 'Too many requests', description: 'The application has made too many calls.'};

describe('client retries', () => {
  const sandbox = useEmulator();

  it('retries a GET after 503 and returns the data', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /customers', status: 503, json: UNAVAILABLE, times: 2});
    const customers = await clientFor(s).customers();
    expect(customers[0]?.customerCode).toBe('9999');
    expect(s.counters.byRoute['GET /customers']).toBe(3);
  });

  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', status: 429, json: TOO_MANY, headers: {'retry-after': '1'}});
    const lines: string[] = [];
    const me = await clientFor(s, {maxRetryDelayMs: 5_000, debug: (l) => lines.push(l)}).me();
    expect(me.rightsProfile).toBe('admin');
    expect(lines.find((l) => l.includes('-> 429'))).toMatch(/retry 1\/3 in 1000ms/);
  });

  it('gives up at once when Retry-After asks for longer than the cap, saying how long', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', status: 429, json: TOO_MANY, headers: {'retry-after': '120'}, times: 5});
    const error = await failure(clientFor(s, {maxRetryDelayMs: 5_000}).me());
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(/wait 120 s/);
    expect(s.counters.byRoute['GET /me']).toBe(1);
  });

  it('treats 403 code 53 as rate limiting: retried, then rate-limited after the retries are spent', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /voicesites', status: 403, json: TOO_MANY, times: 10});
    const error = await failure(clientFor(s, {retries: 2}).voicesites());
    expect(error.kind).toBe('rate-limited');
    expect(error.api?.code).toBe(53);
    expect(error.message).toMatch(/after 2 retries/);
    expect(s.counters.byRoute['GET /voicesites']).toBe(3);
  });

  it('retries a GET whose connection was reset', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', reset: 'before'});
    expect((await clientFor(s).me()).rightsProfile).toBe('admin');
    expect(s.counters.byRoute['GET /me']).toBe(2);
  });

  it('times out a GET that gets no answer and says the API did not answer, within the total bound', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', delayMs: 2_000, status: 200, json: {rightsProfile: 'late'}, times: 5});
    const error = await failure(clientFor(s, {timeoutMs: 200, retries: 1}).me());
    expect(error.kind).toBe('network');
    // The time it really waited: the 0.2 s bound, or more on a busy machine.
    const waited = /^The API did not answer GET \/me within ([\d.]+) s\.$/.exec(error.message);
    expect(waited, error.message).not.toBeNull();
    expect(Number(waited?.[1])).toBeGreaterThanOrEqual(0.2);
    expect(error.hint).toMatch(/--timeout/);
  });

  it('announces each retry pause before it starts', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', status: 429, json: TOO_MANY, headers: {'retry-after': '1'}});
    s.injectFault({route: 'GET /me', status: 503, json: UNAVAILABLE});
    const notices: string[] = [];
    const me = await clientFor(s, {maxRetryDelayMs: 5_000, onWait: (n) => notices.push(waitLine(n))}).me();
    expect(me.rightsProfile).toBe('admin');
    expect(notices[0]).toMatch(/^The API asked to wait 1\.0 s \(rate limited\) before GET \/me; retrying at \d\d:\d\d:\d\d \(retry 1 of 3\)\.$/);
    expect(notices[1]).toMatch(/^GET \/me: it answered 503; retrying in \d\.\d s \(retry 2 of 3\)\.$/);
  });

  it('does not start a Retry-After pause that would pass the total bound, and says so', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', status: 429, json: TOO_MANY, headers: {'retry-after': '3'}, times: 5});
    const error = await failure(clientFor(s, {maxRetryDelayMs: 30_000, timeoutMs: 1_000}).me());
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toMatch(/wait 3 s, longer than this request may still take \(1 s in all; --timeout raises it\)/);
    expect(s.counters.byRoute['GET /me']).toBe(1);
  });

  it("stops a read and its retries when the client's own signal aborts (the session closed)", async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', status: 503, json: UNAVAILABLE, delayMs: 1_000, times: 20});
    const ended = new AbortController();
    const notices: string[] = [];
    const client = clientFor(s, {signal: ended.signal, onWait: (n) => notices.push(waitLine(n))});
    const reading = failure(client.me());
    // Aborted while the first attempt waits for its answer.
    await expect.poll(() => s.counters.byRoute['GET /me'] ?? 0, {timeout: 10_000}).toBe(1);
    ended.abort();
    const error = await reading;
    expect(error.kind).toBe('cancelled');
    // No retry, no pause announced, and nothing more asked afterwards, by this read or a new one.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(s.counters.byRoute['GET /me']).toBe(1);
    expect(notices).toEqual([]);
    expect((await failure(client.customers())).kind).toBe('cancelled');
    expect(s.counters.byRoute['GET /customers'] ?? 0).toBe(0);
  });

  it('leaves no listener on a long-lived signal once its requests are done (a long run does not keep every request and answer)', async () => {
    const s = sandbox();
    const session = new AbortController();
    const client = clientFor(s, {signal: session.signal});
    const call = new AbortController();
    await Promise.all(Array.from({length: 15}, (_, i) => (i % 3 === 0 ? client.me({signal: call.signal}) : client.country('FR'))));
    s.injectFault({route: 'GET /customers', status: 404, json: {code: 60, message: 'Resource not found'}});
    await failure(client.customers({signal: call.signal}));
    expect(getEventListeners(session.signal, 'abort')).toHaveLength(0);
    expect(getEventListeners(call.signal, 'abort')).toHaveLength(0);
    // Still linked while a request runs: aborting the long-lived signal stops it.
    s.injectFault({route: 'GET /me', delayMs: 5_000});
    const reading = failure(client.me());
    await expect.poll(() => getEventListeners(session.signal, 'abort').length, {timeout: 10_000}).toBe(1);
    session.abort();
    expect((await reading).kind).toBe('cancelled');
  });

  it("prints no Node warning with more than 10 requests at once on the session's signal (an order's reads of a large account)", async () => {
    const s = sandbox();
    const session = new AbortController();
    const client = clientFor(s, {signal: session.signal});
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      s.injectFault({route: 'GET /countries/:iso2', delayMs: 200, times: 15});
      await Promise.all(Array.from({length: 15}, () => client.country('FR')));
      // Node emits its warnings on a later tick.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', onWarning);
    }
    expect(s.counters.byRoute['GET /countries/:iso2']).toBe(15);
    expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
  });
});

describe('the order POST is never retried', () => {
  const sandbox = useEmulator();

  it('does not re-POST after a reset once the order exists, and says the outcome is unknown', async () => {
    const s = sandbox();
    s.injectFault({route: 'POST /customers/:customerCode/orders', reset: 'after'});
    const error = await failure(clientFor(s).orderVoicesite('9999', order('BTALK_RESET')));
    expect(error.kind).toBe('network');
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/may have been created/);
    expect(error.hint).toMatch(/btalk voicesites/);
    expect(s.counters.ordersCreated).toBe(1);
    expect(s.counters.byRoute['POST /customers/:customerCode/orders']).toBe(1);
  });

  it('does not retry an order that got 503: outcome unknown', async () => {
    const s = sandbox();
    s.injectFault({route: 'POST /customers/:customerCode/orders', status: 503, json: UNAVAILABLE, times: 5});
    const error = await failure(clientFor(s).orderVoicesite('9999', order('BTALK_503')));
    expect(error.kind).toBe('server');
    expect(error.outcomeUnknown).toBe(true);
    expect(s.counters.byRoute['POST /customers/:customerCode/orders']).toBe(1);
  });

  it('does not retry an order that timed out: outcome unknown', async () => {
    const s = sandbox();
    s.injectFault({route: 'POST /customers/:customerCode/orders', delayMs: 2_000});
    const error = await failure(clientFor(s, {orderTimeoutMs: 200}).orderVoicesite('9999', order('BTALK_SLOW')));
    expect(error.outcomeUnknown).toBe(true);
    expect(error.kind).toBe('network');
    expect(s.counters.byRoute['POST /customers/:customerCode/orders']).toBe(1);
  });

  it('says a 400 on the order is safe to fix and send again', async () => {
    const s = sandbox();
    const error = await failure(clientFor(s).orderVoicesite('9999', order('bad name with spaces')));
    expect(error.kind).toBe('invalid-input');
    expect(error.outcomeUnknown).toBe(false);
    expect(error.hint).toMatch(/Nothing was ordered/);
    expect(s.counters.ordersCreated).toBe(0);
  });

  it('never replays an order refused with 401 code 41/42: the token is renewed and the refusal said', async () => {
    for (const code of [41, 42]) {
      const s = sandbox();
      s.resetCounters();
      s.injectFault({route: 'POST /customers/:customerCode/orders', status: 401, json: {code, message: 'Expired credentials'}});
      const error = await failure(clientFor(s).orderVoicesite('9999', order(`BTALK_NO_REPLAY_${code}`)));
      expect(error.message).toMatch(new RegExp(`401 code ${code}.*new token was fetched, and the order was not sent again`));
      expect(error.outcomeUnknown).toBe(false);
      expect(s.counters.byRoute['POST /customers/:customerCode/orders']).toBe(1);
      expect(s.counters.ordersCreated).toBe(0);
      expect(s.counters.tokenRequests).toBe(2);
    }
  });
});
