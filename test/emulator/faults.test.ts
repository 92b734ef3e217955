import http from 'node:http';
import {brotliDecompressSync, gunzipSync, inflateSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {startEmulator} from '../../src/emulator/server.js';
import {api, orderBody, tokenFor, useEmulator} from '../helpers/emulator.js';

/** The error a fetch ends with when the server drops the connection. */
async function socketError(promise: Promise<Response>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as {cause?: {code?: string; message?: string}}).cause;
    return cause?.code ?? cause?.message ?? String(error);
  }
  throw new Error('expected the request to fail');
}

describe('injected faults', () => {
  const sandbox = useEmulator();

  it('answers a status with a JSON body and headers (e.g. 503 with Retry-After), then recovers', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /me', status: 503, json: {code: 5, message: 'Service unavailable', description: 'try later'}, headers: {'retry-after': '2'}});
    const failed = await api(sandbox(), '/me', {token});
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect(failed.headers.get('x-oapi-request-id')).toBeTruthy();
    expect(await failed.json()).toEqual({code: 5, message: 'Service unavailable', description: 'try later'});
    expect((await api(sandbox(), '/me', {token})).status).toBe(200);
  });

  it('a status alone gets a plausible gateway body', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /voicesites', status: 429});
    const res = await api(sandbox(), '/voicesites', {token});
    expect(res.status).toBe(429);
    expect(((await res.json()) as {code: number}).code).toBe(53);
  });

  it('with `query`, hits only the requests of that query (one page of a list), and refuses a query that is not strings', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /voicesites', query: {offset: '1'}, status: 503});
    expect((await api(sandbox(), '/voicesites?offset=0&limit=1', {token})).status).toBe(200);
    expect((await api(sandbox(), '/voicesites?limit=1', {token})).status).toBe(200);
    expect((await api(sandbox(), '/voicesites?offset=1&limit=1', {token})).status).toBe(503);
    expect((await api(sandbox(), '/voicesites?offset=1&limit=1', {token})).status).toBe(200);
    expect(() => sandbox().injectFault({route: 'GET /voicesites', query: {offset: 1} as never})).toThrow(/FaultSpec.query must be an object of strings/);
  });

  it('counts down `times` and matches routes whatever the parameter is called', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /customers/:code/vpns', status: 500, times: 2});
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api(sandbox(), '/customers/9999/vpns', {token})).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('serves an HTML gateway page and a malformed JSON body as given', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /me', status: 502, html: '<html><body>Bad Gateway</body></html>'});
    const html = await api(sandbox(), '/me', {token});
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toBe('<html><body>Bad Gateway</body></html>');
    sandbox().injectFault({route: 'GET /me', status: 200, raw: '{"rightsProfile": '});
    const raw = await api(sandbox(), '/me', {token});
    expect(raw.status).toBe(200);
    await expect(raw.json()).rejects.toThrow();
  });

  it('faults the token endpoint too', async () => {
    sandbox().injectFault({route: 'POST /oauth/v3/token', status: 503});
    await expect(tokenFor(sandbox())).rejects.toThrow(/503/);
    expect(await tokenFor(sandbox())).toBeTruthy();
    expect(sandbox().counters.tokenRequests).toBe(2);
  });

  it("'*' hits any route", async () => {
    sandbox().injectFault({route: '*', status: 500, times: 2});
    expect((await fetch(sandbox().tokenUrl, {method: 'POST'})).status).toBe(500);
    expect((await fetch(`${sandbox().baseUrl}/me`)).status).toBe(500);
    expect((await fetch(`${sandbox().baseUrl}/me`)).status).toBe(401);
  });

  it('reset before: the client sees a socket error and no order is created', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'POST /customers/:customerCode/orders', reset: 'before'});
    const error = await socketError(api(sandbox(), '/customers/9999/orders', {token, json: orderBody()}));
    expect(error).toMatch(/ECONNRESET|socket|closed|terminated/i);
    expect(sandbox().counters.ordersCreated).toBe(0);
    const sites = (await (await api(sandbox(), '/voicesites', {token})).json()) as Array<{technicalSiteName: string}>;
    expect(sites.map((s) => s.technicalSiteName)).not.toContain('MY_VOICESITE');
  });

  it('reset after: the order exists (counter 1, listed) although the client saw a socket error', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'POST /customers/:customerCode/orders', reset: 'after'});
    const error = await socketError(api(sandbox(), '/customers/9999/orders', {token, json: orderBody()}));
    expect(error).toMatch(/ECONNRESET|socket|closed|terminated/i);
    expect(sandbox().counters.ordersCreated).toBe(1);
    const sites = (await (await api(sandbox(), '/voicesites', {token})).json()) as Array<{technicalSiteName: string}>;
    expect(sites.map((s) => s.technicalSiteName)).toContain('MY_VOICESITE');
    // Sending it again is refused: the name exists now.
    const again = await api(sandbox(), '/customers/9999/orders', {token, json: orderBody()});
    expect(((await again.json()) as {description: string}).description).toMatch(/already exists/);
    expect(sandbox().counters.ordersCreated).toBe(1);
  });

  it('delayMs holds the answer back: a client with a short deadline gives up, a patient one gets it', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /me', delayMs: 30_000});
    const impatient = fetch(`${sandbox().baseUrl}/me`, {
      headers: {authorization: `Bearer ${token}`, 'x-bt-api-key': sandbox().demo.apiKey},
      signal: AbortSignal.timeout(100),
    });
    await expect(impatient).rejects.toThrow(/abort|timeout/i);
    sandbox().injectFault({route: 'GET /me', delayMs: 20, status: 504});
    expect((await api(sandbox(), '/me', {token})).status).toBe(504);
  });

  it('latencyMs applies to every request until set back to 0', async () => {
    const token = await tokenFor(sandbox());
    sandbox().settings.latencyMs = 30_000;
    const slow = fetch(`${sandbox().baseUrl}/me`, {headers: {authorization: `Bearer ${token}`, 'x-bt-api-key': sandbox().demo.apiKey}, signal: AbortSignal.timeout(100)});
    await expect(slow).rejects.toThrow(/abort|timeout/i);
    sandbox().settings.latencyMs = 0;
    expect((await api(sandbox(), '/me', {token})).status).toBe(200);
  });

  it('takes a route written with the base path, or the literal path of an unknown route', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /btalk/beta/v1/me', status: 500});
    expect((await api(sandbox(), '/me', {token})).status).toBe(500);
    sandbox().injectFault({route: 'POST /customer/9999/orders/voicesite', status: 418});
    expect((await api(sandbox(), '/customer/9999/orders/voicesite', {token, json: {}})).status).toBe(418);
    expect(() => sandbox().injectFault({route: 'GET /me', times: 0})).toThrow(/times/);
  });

  it('clearFaults removes queued faults', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /me', status: 500, times: 5});
    sandbox().clearFaults();
    expect((await api(sandbox(), '/me', {token})).status).toBe(200);
  });
});

describe('counters and lifecycle', () => {
  const sandbox = useEmulator();

  it('counts requests per route pattern and resets', async () => {
    const token = await tokenFor(sandbox());
    await api(sandbox(), '/customers/9999/vpns', {token});
    await api(sandbox(), '/customers/9999/vpns', {token});
    await api(sandbox(), '/nowhere', {token});
    await api(sandbox(), '/customers/9999/orders', {token, json: orderBody()});
    const c = sandbox().counters;
    expect(c).toMatchObject({tokenRequests: 1, ordersCreated: 1, requests: 5});
    expect(c.byRoute).toEqual({
      'POST /oauth/v3/token': 1,
      'GET /customers/:customerCode/vpns': 2,
      unmatched: 1,
      'POST /customers/:customerCode/orders': 1,
    });
    sandbox().resetCounters();
    expect(sandbox().counters).toEqual({tokenRequests: 0, ordersCreated: 0, requests: 0, byRoute: {}});
  });

  it('close() ends requests still in flight instead of hanging', async () => {
    const own = await startEmulator();
    own.injectFault({route: 'GET /me', delayMs: 60_000});
    const pending = fetch(`${own.baseUrl}/me`).then(
      () => 'answered',
      () => 'failed',
    );
    // Wait until the server holds the request, then close.
    while (own.counters.requests === 0) await new Promise((r) => setImmediate(r));
    await own.close();
    expect(await pending).toBe('failed');
    await expect(fetch(`${own.baseUrl}/me`)).rejects.toThrow();
  });

  it('sends an answer compressed (gzip, deflate, br) with its Content-Encoding, the real answer or the fault\'s', async () => {
    const s = sandbox();
    const decode = {gzip: gunzipSync, deflate: inflateSync, br: brotliDecompressSync};
    for (const encoding of ['gzip', 'deflate', 'br'] as const) {
      s.injectFault({route: 'GET /me', encoding});
      const raw = await rawGet(`${s.baseUrl}/me`, {authorization: `Bearer ${await tokenFor(s)}`, 'x-bt-api-key': s.demo.apiKey});
      expect(raw.status).toBe(200);
      expect(raw.headers['content-encoding']).toBe(encoding);
      expect(JSON.parse(decode[encoding](raw.body).toString('utf8'))).toMatchObject({rightsProfile: 'admin'});
    }
    s.injectFault({route: 'GET /me', status: 503, json: {code: 5}, encoding: 'gzip'});
    const failed = await rawGet(`${s.baseUrl}/me`, {});
    expect([failed.status, JSON.parse(gunzipSync(failed.body).toString('utf8'))]).toEqual([503, {code: 5}]);
  });

  it('cuts an answer after some bytes of its body: the client sees the headers, then a lost connection', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', cutAfterBytes: 5});
    const raw = await rawGet(`${s.baseUrl}/me`, {authorization: `Bearer ${await tokenFor(s)}`, 'x-bt-api-key': s.demo.apiKey});
    expect(raw.status).toBe(200);
    expect(raw.body.length).toBe(5);
    expect(Number(raw.headers['content-length'])).toBeGreaterThan(5);
    expect(raw.complete).toBe(false);
  });

  it('refuses an encoding it does not know', () => {
    expect(() => sandbox().injectFault({route: 'GET /me', encoding: 'zip' as 'gzip'})).toThrow(/encoding/);
  });
});

/** A GET over node:http, the body as bytes (undecoded), and whether it arrived whole. */
function rawGet(url: string, headers: Record<string, string>): Promise<{status: number; headers: http.IncomingHttpHeaders; body: Buffer; complete: boolean}> {
  return new Promise((resolve, reject) => {
    http.get(url, {headers}, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      const done = () => resolve({status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete: res.complete});
      res.on('end', done);
      res.on('error', done);
    }).on('error', reject);
  });
}
