import {request as httpRequest} from 'node:http';
import {gunzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {api, orderBody, tokenFor, useEmulator, type RunningEmulator} from '../helpers/emulator.js';

/** A raw GET with node:http: the chunks as they arrive and the headers, without any decompression. */
function rawGet(sandbox: RunningEmulator, path: string, token: string, maxBytes = Infinity): Promise<{status: number; headers: Record<string, unknown>; chunks: Buffer[]}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(sandbox.baseUrl + path, {headers: {authorization: `Bearer ${token}`, 'x-bt-api-key': sandbox.demo.apiKey}}, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= maxBytes) {
          req.destroy();
          resolve({status: res.statusCode ?? 0, headers: res.headers, chunks});
        }
      });
      res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, chunks}));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('hostile faults', () => {
  const sandbox = useEmulator();

  it('a stall accepts the request and never sends headers', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /countries/:iso2', stall: true});
    const started = Date.now();
    const aborted = await fetch(sandbox().baseUrl + '/countries/FR', {
      headers: {authorization: `Bearer ${token}`, 'x-bt-api-key': sandbox().demo.apiKey},
      signal: AbortSignal.timeout(300),
    }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(aborted).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('a drip sends the real answer a few bytes at a time', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /me', drip: {bytes: 3, everyMs: 5}});
    const {status, chunks} = await rawGet(sandbox(), '/me', token);
    expect(status).toBe(200);
    expect(chunks.length).toBeGreaterThan(5);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual({rightsProfile: 'admin'});
  });

  it('a huge body is a valid JSON array of the size asked, streamed', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'GET /voicesites', hugeBodyBytes: 300_000});
    const {status, chunks} = await rawGet(sandbox(), '/voicesites', token);
    const body = Buffer.concat(chunks);
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThanOrEqual(300_000);
    const sites = JSON.parse(body.toString('utf8')) as Array<{voiceSiteId: string}>;
    expect(sites.length).toBeGreaterThan(1000);
    expect(sites[0]?.voiceSiteId).toMatch(/^vshuge/);
    // 100 MB is not built in memory: the first megabyte arrives and the client can hang up.
    sandbox().injectFault({route: 'GET /voicesites', hugeBodyBytes: 100_000_000});
    const start = await rawGet(sandbox(), '/voicesites', token, 1_000_000);
    expect(Buffer.concat(start.chunks).subarray(0, 16).toString()).toBe('[{"voiceSiteId":');
  });

  it('a gzip bomb is a small gzip body that inflates to the size asked', async () => {
    const token = await tokenFor(sandbox());
    const inflated = 8 * 1024 * 1024;
    sandbox().injectFault({route: 'GET /voicesites', gzipBombBytes: inflated});
    const {headers, chunks} = await rawGet(sandbox(), '/voicesites', token);
    const wire = Buffer.concat(chunks);
    expect(headers['content-encoding']).toBe('gzip');
    expect(wire.length).toBeLessThan(inflated / 100);
    const text = gunzipSync(wire).toString('utf8');
    expect(text.length).toBeGreaterThanOrEqual(inflated);
    expect(JSON.parse(text)).toEqual([]);
  });

  it('an order held by delayMs creates the site later, even after the client gave up', async () => {
    const token = await tokenFor(sandbox());
    sandbox().injectFault({route: 'POST /customers/:code/orders', delayMs: 400});
    const giveUp = new AbortController();
    const sent = fetch(sandbox().baseUrl + '/customers/9999/orders', {
      method: 'POST',
      headers: {authorization: `Bearer ${token}`, 'x-bt-api-key': sandbox().demo.apiKey, 'content-type': 'application/json'},
      body: JSON.stringify(orderBody({technicalSiteName: 'LYON_OFFICE'})),
      signal: giveUp.signal,
    }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    // The client gives up once the server holds the request, before the site exists.
    await until(() => sandbox().counters.byRoute['POST /customers/:customerCode/orders'] === 1, 'the POST to arrive');
    giveUp.abort();
    expect(await sent).toBe('AbortError');
    expect(sandbox().counters.ordersCreated).toBe(0);
    await until(() => sandbox().counters.ordersCreated === 1, 'the held order to complete');
    const sites = (await (await api(sandbox(), '/voicesites?limit=1000', {token})).json()) as Array<{technicalSiteName: string}>;
    expect(sites.map((s) => s.technicalSiteName)).toContain('LYON_OFFICE');
  });
});

describe('paging settings', () => {
  const sandbox = useEmulator(() => ({voicesites: 95}));

  async function page(offset: number, limit: number): Promise<{status: number; total: string | null; names: string[]}> {
    const res = await api(sandbox(), `/voicesites?offset=${offset}&limit=${limit}`);
    const body = (await res.json()) as Array<{technicalSiteName: string}> | {code: number};
    return {status: res.status, total: res.headers.get('x-total-count'), names: Array.isArray(body) ? body.map((s) => s.technicalSiteName) : [`code ${body.code}`]};
  }

  it('seeds sites, accepts limit 1000 and refuses more with 400 code 23', async () => {
    const all = await page(0, 1000);
    expect(all.names.length).toBe(96); // the demo customer's fixture site + 95 seeded
    expect(all.total).toBe('96');
    expect(await page(0, 1001)).toMatchObject({status: 400, names: ['code 23']});
  });

  it('pageCap serves fewer items than asked, silently', async () => {
    sandbox().settings.pageCap = 10;
    const first = await page(0, 1000);
    expect(first.names.length).toBe(10);
    expect(first.total).toBe('96');
  });

  it('repeat-page, lying-total and endless misbehave as named', async () => {
    sandbox().settings.pagination = 'repeat-page';
    expect((await page(40, 40)).names).toEqual((await page(0, 40)).names);
    sandbox().settings.pagination = 'lying-total';
    expect(await page(1000, 40)).toMatchObject({total: '1000', names: []});
    sandbox().settings.pagination = 'endless';
    const far = await page(5_000_000, 3);
    expect(far.names).toEqual(['ENDLESS_5000000', 'ENDLESS_5000001', 'ENDLESS_5000002']);
    expect(far.total).toBe('1000000000');
  });

  it('the control endpoint changes settings, queues faults and reports counters', async () => {
    const patch = await fetch(`${sandbox().url}/_emulator/settings`, {method: 'PATCH', body: JSON.stringify({pageCap: 7})});
    expect(patch.status).toBe(200);
    expect(sandbox().settings.pageCap).toBe(7);
    const bad = await fetch(`${sandbox().url}/_emulator/settings`, {method: 'PATCH', body: JSON.stringify({pagination: 'sideways'})});
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as {error: string}).error).toMatch(/repeat-page/);
    const fault = await fetch(`${sandbox().url}/_emulator/faults`, {method: 'POST', body: JSON.stringify({route: 'GET /me', status: 503})});
    expect(fault.status).toBe(201);
    expect((await api(sandbox(), '/me')).status).toBe(503);
    await fetch(`${sandbox().url}/_emulator/voicesites`, {method: 'POST', body: JSON.stringify({count: 3})});
    expect((await page(0, 1000)).total).toBe('99');
    const counters = (await (await fetch(`${sandbox().url}/_emulator/counters`)).json()) as {byRoute: Record<string, number>};
    expect(counters.byRoute['GET /me']).toBe(1);
  });
});
