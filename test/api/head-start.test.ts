/**
 * The token request sent before the client loads (api/head-start.ts) is read by the transport as
 * its first attempt: whatever the server does with it, the outcome, the --debug lines, the pauses
 * announced and the requests the server sees are those of a run without it. Each scenario runs
 * three ways against the same faults: no head start, a head start claimed at once, and one
 * claimed after its answer had time to arrive (as when btalk loads slower than the server answers).
 */
import http from 'node:http';
import {setTimeout as sleep} from 'node:timers/promises';
import {describe, expect, it} from 'vitest';
import {basicAuthorization} from '../../src/api/basic-auth.js';
import {gotAcceptEncoding, sendHeadStart, type HeadStart} from '../../src/api/head-start.js';
import type {ClientOptions} from '../../src/api/types.js';
import {tokenRequest, wireRequest} from '../../src/api/wire-request.js';
import type {FaultSpec, RunningEmulator} from '../../src/emulator/types.js';
import {tokenUrlFor} from '../../src/environments.js';
import {BtalkError} from '../../src/errors.js';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor} from './client-fixture.js';

const TOKEN = 'POST /oauth/v3/token';

function earlyToken(s: RunningEmulator, userAgent = 'btalk'): HeadStart {
  const wire = wireRequest(tokenRequest(basicAuthorization(s.demo.clientId, s.demo.clientSecret)), {
    baseUrl: s.baseUrl,
    tokenUrl: tokenUrlFor(s.baseUrl),
    userAgent,
    apiHeaders: {'x-bt-api-key': s.demo.apiKey},
  });
  const headStart = sendHeadStart(wire, http.request, gotAcceptEncoding(process.versions));
  if (!headStart) throw new Error('the head start was not sent');
  return headStart;
}

/** What a person or a script sees of one `me()` call, request ids and times left out. */
async function observe(s: RunningEmulator, faults: FaultSpec[], mode: 'none' | 'at once' | 'after its answer', client: Partial<ClientOptions> = {}, abortAfterMs?: number) {
  s.clearFaults();
  s.resetCounters();
  for (const fault of faults) s.injectFault(fault);
  const started = mode === 'none' ? undefined : earlyToken(s);
  let claimed = false;
  const headStart: HeadStart | undefined = started && {
    claim: (wire) => {
      const early = started.claim(wire);
      claimed ||= early !== undefined;
      return early;
    },
    discard: () => started.discard(),
  };
  if (mode === 'after its answer') await sleep(150);
  const debug: string[] = [];
  const waits: string[] = [];
  const controller = new AbortController();
  if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
  const api = clientFor(s, {
    debug: (line) => debug.push(line),
    onWait: (notice) => waits.push(`${notice.method} ${notice.path} ${notice.delayMs}ms ${notice.reason} ${notice.retry}/${notice.of}`),
    random: () => 0.5,
    signal: controller.signal,
    ...(headStart ? {headStart} : {}),
    ...client,
  });
  let outcome: unknown;
  try {
    outcome = {ok: await api.me()};
  } catch (error) {
    expect(error).toBeInstanceOf(BtalkError);
    outcome = {error: (error as BtalkError).toJSON()};
  }
  const blind = (text: string) => text.replace(/in \d+ms \(request id [^)]*\)/g, 'in Nms (request id)').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'UUID');
  return {
    outcome: JSON.parse(blind(JSON.stringify(outcome))) as unknown,
    debug: debug.map(blind).map((l) => l.replace(/in \d+ms \(no response\)/, 'in Nms (no response)')),
    waits,
    tokenRequests: s.counters.tokenRequests,
    requests: s.counters.requests,
    claimed,
  };
}

const UNAVAILABLE = {code: 5, message: 'Service unavailable', description: 'Try again later.'};

const SCENARIOS: Array<{name: string; faults: FaultSpec[]; client?: Partial<ClientOptions>; abortAfterMs?: number}> = [
  {name: 'a plain answer', faults: []},
  {name: 'a slow token (0.3 s)', faults: [{route: TOKEN, delayMs: 300}]},
  {name: '429 with Retry-After: 1, then the token', faults: [{route: TOKEN, status: 429, headers: {'retry-after': '1'}}], client: {maxRetryDelayMs: 5_000}},
  {name: '429 asking for longer than the request may take', faults: [{route: TOKEN, status: 429, headers: {'retry-after': '120'}, times: 5}], client: {maxRetryDelayMs: 5_000}},
  {name: '401 invalid_client', faults: [{route: TOKEN, status: 401, json: {error: 'invalid_client', error_description: 'The client credentials are invalid'}}]},
  {name: '503 twice, then the token', faults: [{route: TOKEN, status: 503, json: UNAVAILABLE, times: 2}]},
  {name: 'a reset before the answer, then the token', faults: [{route: TOKEN, reset: 'before'}]},
  {name: 'a reset every time', faults: [{route: TOKEN, reset: 'before', times: 10}]},
  {name: 'garbage instead of JSON', faults: [{route: TOKEN, status: 200, raw: '{"access_token": "abc", "expi'}]},
  {name: 'an HTML error page', faults: [{route: TOKEN, status: 502, html: '<html><body>Bad gateway</body></html>', times: 10}], client: {retries: 1}},
  {name: 'the token gzip-compressed', faults: [{route: TOKEN, encoding: 'gzip'}]},
  {name: 'the token deflate-compressed', faults: [{route: TOKEN, encoding: 'deflate'}]},
  {name: 'the token brotli-compressed', faults: [{route: TOKEN, encoding: 'br'}]},
  {name: 'the connection cut in the middle of the answer', faults: [{route: TOKEN, cutAfterBytes: 12, times: 10}], client: {retries: 1}},
  {name: 'an answer larger than the cap (Content-Length)', faults: [{route: TOKEN, status: 200, raw: `"${'x'.repeat(4000)}"`}], client: {maxBodyBytes: 1024}},
  {name: 'a gzip bomb', faults: [{route: TOKEN, gzipBombBytes: 4 * 1024 * 1024}], client: {maxBodyBytes: 1024 * 1024}},
  {name: 'a stall past the bound of the request', faults: [{route: TOKEN, stall: true, times: 5}], client: {timeoutMs: 1_000}},
  {name: 'the session ending while the token is awaited', faults: [{route: TOKEN, delayMs: 1_000}], abortAfterMs: 400},
];

describe('the token head start, read as the first attempt', () => {
  const sandbox = useEmulator();

  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: the same outcome, debug lines, pauses and requests as without it`, async () => {
      const s = sandbox();
      const without = await observe(s, scenario.faults, 'none', scenario.client, scenario.abortAfterMs);
      for (const mode of ['at once', 'after its answer'] as const) {
        const withIt = await observe(s, scenario.faults, mode, scenario.client, scenario.abortAfterMs);
        expect(withIt.claimed, mode).toBe(true);
        // A stall's "no answer within N s" counts what the attempt took; the bound is what matters.
        const fuzzy = (o: typeof without) => (scenario.name.startsWith('a stall') ? JSON.parse(JSON.stringify(o).replace(/within [\d.]+ s/g, 'within N s')) : o);
        expect(fuzzy({...withIt, claimed: false}), mode).toEqual(fuzzy({...without, claimed: false}));
      }
    }, 20_000);
  }

  it('is not taken by a client whose token request differs (another user agent): the client sends its own', async () => {
    const s = sandbox();
    const started = earlyToken(s, 'btalk/0.0.0-other');
    let taken = true;
    const api = clientFor(s, {headStart: {claim: (w) => {
      const early = started.claim(w);
      taken = early !== undefined;
      return early;
    }, discard: () => started.discard()}});
    expect((await api.me()).rightsProfile).toBe('admin');
    expect(taken).toBe(false);
  });

  it('is not taken through a proxy (it went direct): the client sends its own through the proxy', async () => {
    const s = sandbox();
    const started = earlyToken(s);
    let asked = false;
    const api = clientFor(s, {
      baseUrl: s.baseUrl.replace('127.0.0.1', 'localhost.invalid'),
      proxyEnv: {HTTP_PROXY: 'http://127.0.0.1:9'},
      retries: 0,
      headStart: {claim: (w) => ((asked = true), started.claim(w)), discard: () => started.discard()},
    });
    await expect(api.me()).rejects.toBeInstanceOf(BtalkError);
    expect(asked).toBe(false);
  });
});

describe('the head start on the wire', () => {
  it('sends what got sends for the token request: the same headers in the same order, the same body', async () => {
    const received: Array<{headers: string[]; body: string}> = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({headers: req.rawHeaders.filter((_, i, all) => all[i - (i % 2)] !== 'Host'), body});
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({access_token: 'tok', token_type: 'Bearer', expires_in: 3600}));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as {port: number}).port}/btalk/beta/v1`;
      const credentials = {clientId: 'id one', clientSecret: 'se:cr%et', apiKey: 'k'.repeat(40)};
      const {createBusinessTalkApi} = await import('../../src/api/client.js');
      await createBusinessTalkApi({baseUrl, credentials, userAgent: 'btalk/9.9.9'}).token();
      const wire = wireRequest(tokenRequest(basicAuthorization(credentials.clientId, credentials.clientSecret)), {baseUrl, tokenUrl: tokenUrlFor(baseUrl), userAgent: 'btalk/9.9.9', apiHeaders: {'x-bt-api-key': credentials.apiKey}});
      const early = sendHeadStart(wire, http.request, gotAcceptEncoding(process.versions))!;
      while (received.length < 2) await sleep(10);
      early.discard();
      expect(received[1]).toEqual(received[0]);
      expect(received[0]!.headers).toContain('authorization');
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });
});
