import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {api, basicAuth, requestToken, useEmulator} from '../helpers/emulator.js';

describe('POST /oauth/v3/token', () => {
  const sandbox = useEmulator();

  it('issues a Bearer token with expires_in from the settings', async () => {
    sandbox().settings.tokenLifetimeSeconds = 120;
    const res = await requestToken(sandbox(), EMULATOR_ACCOUNTS.demo);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oapi-request-id')).toBeTruthy();
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body['token_type']).toBe('Bearer');
    expect(body['expires_in']).toBe(120);
    expect(typeof body['access_token']).toBe('string');
    expect(sandbox().counters.tokenRequests).toBe(1);
  });

  it('decodes Basic per RFC 6749 2.3.1: a secret with + % : / and a space works when form-encoded', async () => {
    const multi = EMULATOR_ACCOUNTS.multi;
    expect(multi.clientSecret).toMatch(/\+/);
    expect(multi.clientSecret).toMatch(/%/);
    expect(multi.clientSecret).toMatch(/:/);
    expect(multi.clientSecret).toMatch(/\//);
    expect(multi.clientSecret).toMatch(/ /);
    const ok = await requestToken(sandbox(), multi);
    expect(ok.status).toBe(200);

    // The same secret sent without form-encoding ('+' decodes to a space, '%od' is not an escape) fails.
    const raw = 'Basic ' + Buffer.from(`${multi.clientId}:${multi.clientSecret}`).toString('base64');
    const refused = await fetch(sandbox().tokenUrl, {
      method: 'POST',
      headers: {authorization: raw, 'content-type': 'application/x-www-form-urlencoded'},
      body: 'grant_type=client_credentials',
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as {error: string}).error).toBe('invalid_client');
  });

  it('a token from the multi account works on the API with the multi key', async () => {
    const res = await requestToken(sandbox(), EMULATOR_ACCOUNTS.multi);
    const {access_token} = (await res.json()) as {access_token: string};
    const me = await api(sandbox(), '/customers', {token: access_token, apiKey: EMULATOR_ACCOUNTS.multi.apiKey});
    expect(me.status).toBe(200);
    expect(((await me.json()) as unknown[]).length).toBe(3);
  });

  it.each([
    ['a wrong secret', basicAuth(EMULATOR_ACCOUNTS.demo.clientId, 'nope')],
    ['an unknown client', basicAuth('someone-else', EMULATOR_ACCOUNTS.demo.clientSecret)],
    ['no Authorization header', undefined],
    ['a Bearer instead of Basic', 'Bearer abc'],
    ['undecodable base64', 'Basic ***'],
    ['no colon in the credentials', 'Basic ' + Buffer.from('justanid').toString('base64')],
    ['a bad percent escape', 'Basic ' + Buffer.from('%zz:%zz').toString('base64')],
  ])('refuses %s with 401 invalid_client and WWW-Authenticate: Basic', async (_label, authorization) => {
    const headers: Record<string, string> = {'content-type': 'application/x-www-form-urlencoded'};
    if (authorization !== undefined) headers['authorization'] = authorization;
    const res = await fetch(sandbox().tokenUrl, {method: 'POST', headers, body: 'grant_type=client_credentials'});
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="Authorization Required"');
    expect(res.headers.get('x-oapi-request-id')).toBeTruthy();
    const body = (await res.json()) as {error: string; error_description: string};
    expect(body.error).toBe('invalid_client');
    expect(body.error_description.length).toBeGreaterThan(0);
  });

  it('answers 400 unsupported_grant_type for another grant, invalid_request when it is missing', async () => {
    const other = await requestToken(sandbox(), EMULATOR_ACCOUNTS.demo, 'grant_type=password');
    expect(other.status).toBe(400);
    expect(((await other.json()) as {error: string}).error).toBe('unsupported_grant_type');
    const missing = await requestToken(sandbox(), EMULATOR_ACCOUNTS.demo, 'scope=x');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as {error: string}).error).toBe('invalid_request');
  });

  it('wants a form-urlencoded body', async () => {
    const res = await fetch(sandbox().tokenUrl, {
      method: 'POST',
      headers: {authorization: basicAuth(EMULATOR_ACCOUNTS.demo.clientId, EMULATOR_ACCOUNTS.demo.clientSecret), 'content-type': 'application/json'},
      body: JSON.stringify({grant_type: 'client_credentials'}),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as {error: string}).error).toBe('invalid_request');
  });

  it('counts every token request, refused ones included, and GET is not allowed', async () => {
    await requestToken(sandbox(), EMULATOR_ACCOUNTS.demo);
    await requestToken(sandbox(), {clientId: 'x', clientSecret: 'y'});
    expect(sandbox().counters.tokenRequests).toBe(2);
    expect(sandbox().counters.byRoute['POST /oauth/v3/token']).toBe(2);
    const get = await fetch(sandbox().tokenUrl);
    expect(get.status).toBe(405);
    expect(((await get.json()) as {code: number}).code).toBe(61);
  });
});
