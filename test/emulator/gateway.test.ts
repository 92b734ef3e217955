import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {api, tokenFor, useEmulator} from '../helpers/emulator.js';

async function errorOf(res: Response): Promise<{code: number; message: string; description: string}> {
  return (await res.json()) as {code: number; message: string; description: string};
}

describe('gateway checks on /btalk/beta/v1', () => {
  let now = Date.parse('2026-01-01T10:00:00Z');
  const sandbox = useEmulator(() => ({clock: () => now}));

  it('401 code 40 without a bearer token, 41 for an unknown one', async () => {
    const missing = await api(sandbox(), '/me', {token: null});
    expect(missing.status).toBe(401);
    expect((await errorOf(missing)).code).toBe(40);
    const basic = await api(sandbox(), '/me', {token: null, headers: {authorization: 'Basic Zm9vOmJhcg=='}});
    expect((await errorOf(basic)).code).toBe(40);
    const unknown = await api(sandbox(), '/me', {token: 'not-a-token'});
    expect(unknown.status).toBe(401);
    const body = await errorOf(unknown);
    expect(body.code).toBe(41);
    expect(body.message).toBe('Invalid credentials');
  });

  it('401 code 42 once tokenLifetimeSeconds have passed on the server clock, and a new token works', async () => {
    sandbox().settings.tokenLifetimeSeconds = 60;
    const token = await tokenFor(sandbox());
    now += 59_000;
    expect((await api(sandbox(), '/me', {token})).status).toBe(200);
    now += 1_000;
    const expired = await api(sandbox(), '/me', {token});
    expect(expired.status).toBe(401);
    expect((await errorOf(expired)).code).toBe(42);
    expect((await api(sandbox(), '/me')).status).toBe(200);
  });

  it('a missing or unknown API key is 401 code 41 by default', async () => {
    for (const apiKey of [null, 'x'.repeat(40)]) {
      const res = await api(sandbox(), '/me', {apiKey});
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe(41);
    }
  });

  it('a missing or unknown API key is 403 code 50 when apiKeyError is 403', async () => {
    sandbox().settings.apiKeyError = 403;
    for (const apiKey of [null, 'x'.repeat(40)]) {
      const res = await api(sandbox(), '/me', {apiKey});
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe(50);
    }
  });

  it('406 code 62 for an explicit non-JSON Accept; absent, */* and application/json are fine', async () => {
    const xml = await api(sandbox(), '/me', {headers: {accept: 'application/xml'}});
    expect(xml.status).toBe(406);
    expect((await errorOf(xml)).code).toBe(62);
    for (const accept of ['*/*', 'application/json', 'text/html, application/json;q=0.9']) {
      expect((await api(sandbox(), '/me', {headers: {accept}})).status).toBe(200);
    }
    const token = await tokenFor(sandbox());
    // fetch adds "Accept: */*" by itself; node:http sends no Accept at all.
    const {request} = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${sandbox().baseUrl}/me`, {headers: {authorization: `Bearer ${token}`, 'x-bt-api-key': sandbox().demo.apiKey}}, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it('unknown paths and the singular /customer/... are 404 code 60; a wrong method is 405 code 61', async () => {
    for (const path of ['/nothing', '/customer/9999/orders/voicesite', '/customer/9999/orders', '/customers/9999/vpns/extra']) {
      const res = await api(sandbox(), path, {method: path.includes('orders') ? 'POST' : 'GET'});
      expect(res.status, path).toBe(404);
      const body = await errorOf(res);
      expect(body).toMatchObject({code: 60, message: 'Resource not found'});
      expect(body.description.length).toBeGreaterThan(0);
    }
    const outside = await fetch(`${sandbox().url}/btalk/v1/me`);
    expect(outside.status).toBe(404);
    const wrong = await api(sandbox(), '/me', {method: 'DELETE'});
    expect(wrong.status).toBe(405);
    expect((await errorOf(wrong)).code).toBe(61);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('every response carries its own X-OAPI-Request-Id', async () => {
    const responses = [
      await api(sandbox(), '/me'),
      await api(sandbox(), '/me', {token: null}),
      await api(sandbox(), '/nothing'),
      await fetch(sandbox().tokenUrl, {method: 'POST'}),
      await api(sandbox(), '/customers/9999/orders', {json: {}}),
    ];
    const ids = responses.map((r) => r.headers.get('x-oapi-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the read-only key reads but its profile says readonly', async () => {
    const me = await api(sandbox(), '/me', {apiKey: EMULATOR_ACCOUNTS.demoReadonly.apiKey});
    expect(await me.json()).toEqual({rightsProfile: 'readonly'});
  });
});
