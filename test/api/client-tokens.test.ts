import {describe, expect, it} from 'vitest';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor, failure, memoryTokenCache} from './client-fixture.js';

const EXPIRED = {code: 42, message: 'Expired credentials', description: 'The requested service needs credentials, and the ones provided were out-of-date.'};

describe('client tokens', () => {
  const sandbox = useEmulator({tokenLifetimeSeconds: 600});

  it('reuses the token until shortly before expires_in, then fetches a new one (injected clock)', async () => {
    let now = 1_000_000;
    const api = clientFor(sandbox(), {clock: () => now});
    await api.me();
    now += 500_000; // 500 s of a 600 s token: still usable
    await api.me();
    expect(sandbox().counters.tokenRequests).toBe(1);
    now += 60_000; // 40 s before expiry: inside the safety margin
    await api.me();
    expect(sandbox().counters.tokenRequests).toBe(2);
  });

  it('shares one token request among 10 concurrent calls', async () => {
    const s = sandbox();
    s.settings.latencyMs = 30; // keeps the token request in flight while the others arrive
    const api = clientFor(s);
    const results = await Promise.all(Array.from({length: 10}, () => api.me()));
    expect(results.every((r) => r.rightsProfile === 'admin')).toBe(true);
    expect(s.counters.tokenRequests).toBe(1);
  });

  it('keeps the token in the given cache and reuses it in the next run', async () => {
    const s = sandbox();
    const cache = memoryTokenCache();
    let now = Date.now();
    await clientFor(s, {tokenCache: cache, clock: () => now}).me();
    expect(cache.value?.accessToken).toEqual(expect.any(String));
    expect(cache.value?.expiresAt).toBeGreaterThan(now);
    await clientFor(s, {tokenCache: cache, clock: () => now}).customers();
    expect(s.counters.tokenRequests).toBe(1);
    now += 3_600_000; // the cached token has expired: the next run fetches a new one
    await clientFor(s, {tokenCache: cache, clock: () => now}).me();
    expect(s.counters.tokenRequests).toBe(2);
  });

  it('accepts expires_in as a numeric string and keeps the token until 60 s before it expires', async () => {
    const s = sandbox();
    const now = 5_000_000;
    s.injectFault({route: 'POST /oauth/v3/token', status: 200, json: {token_type: 'Bearer', access_token: 'string-expiry-token', expires_in: '3600'}});
    const cache = memoryTokenCache();
    await clientFor(s, {tokenCache: cache, clock: () => now}).token();
    expect(cache.value).toEqual({accessToken: 'string-expiry-token', expiresAt: now + 3_600_000 - 60_000});
  });

  it('names the missing field when the token answer has no access_token', async () => {
    const s = sandbox();
    s.injectFault({route: 'POST /oauth/v3/token', status: 200, json: {token_type: 'Bearer', expires_in: 3600}});
    const error = await failure(clientFor(s).me());
    expect(error.kind).toBe('server');
    expect(error.message).toContain('token response.access_token: missing');
  });

  it('gets one fresh token and replays once when the API answers 401 code 42', async () => {
    const s = sandbox();
    const cache = memoryTokenCache();
    const api = clientFor(s, {tokenCache: cache});
    await api.token();
    const first = cache.value?.accessToken;
    s.injectFault({route: 'GET /me', status: 401, json: EXPIRED});
    expect(await api.me()).toEqual({rightsProfile: 'admin'});
    expect(s.counters.tokenRequests).toBe(2);
    expect(s.counters.byRoute['GET /me']).toBe(2);
    expect(cache.value?.accessToken).not.toBe(first);
  });

  it('does not loop on a persistent 401 code 42: one replay, then an auth error', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', status: 401, json: EXPIRED, times: 50});
    const error = await failure(clientFor(s).me());
    expect(error.kind).toBe('auth');
    expect(error.api?.code).toBe(42);
    expect(s.counters.tokenRequests).toBe(2);
    expect(s.counters.byRoute['GET /me']).toBe(2);
  });

  it('says the client id or secret is wrong when the token endpoint refuses them', async () => {
    const s = sandbox();
    const error = await failure(clientFor(s, {}, {...s.demo, clientSecret: 'not-the-secret'}).me());
    expect(error.kind).toBe('auth');
    expect(error.api?.status).toBe(401);
    expect(error.api?.message).toBe('invalid_client');
    expect(error.message).toMatch(/client id or client secret/);
    expect(error.hint).toMatch(/Orange Developer portal.*My Apps/);
    expect(s.counters.tokenRequests).toBe(1); // a refused client is not retried
  });

  it('blames the API key when a fresh token still gets 401 code 41', async () => {
    const s = sandbox();
    const error = await failure(clientFor(s, {}, {...s.demo, apiKey: 'x'.repeat(40)}).customers());
    expect(error.kind).toBe('auth');
    expect(error.api?.code).toBe(41);
    expect(error.message).toMatch(/API key/);
    expect(error.hint).toMatch(/Business Talk Online portal \(Developer tab\)/);
    expect(s.counters.tokenRequests).toBe(2);
  });

  it('says access is denied, naming the API key, when the server answers a wrong key with 403 code 50', async () => {
    const s = sandbox();
    s.settings.apiKeyError = 403;
    const error = await failure(clientFor(s, {}, {...s.demo, apiKey: 'y'.repeat(40)}).me());
    expect(error.kind).toBe('forbidden');
    expect(error.api?.code).toBe(50);
    expect(error.hint).toMatch(/API key/);
    expect(s.counters.tokenRequests).toBe(1);
  });
});

describe('client tokens against a server whose clock moves on', () => {
  let serverNow = Date.UTC(2030, 0, 1);
  const sandbox = useEmulator(() => ({settings: {tokenLifetimeSeconds: 120}, clock: () => serverNow}));

  it('recovers when the server expires the token earlier than the client expected', async () => {
    const s = sandbox();
    const clientNow = Date.UTC(2030, 0, 1);
    const api = clientFor(s, {clock: () => clientNow}); // the client's clock stands still
    await api.me();
    serverNow += 121_000; // the server's token has expired (401 code 42)
    expect(await api.customers()).toHaveLength(1);
    expect(s.counters.tokenRequests).toBe(2);
  });
});
