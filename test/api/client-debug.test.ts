import {describe, expect, it} from 'vitest';
import {basicAuthorization} from '../../src/api/basic-auth.js';
import {formatError} from '../../src/errors.js';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor, credentialsOf, failure, memoryTokenCache, order} from './client-fixture.js';

describe('--debug lines', () => {
  const sandbox = useEmulator();

  it('writes one line per request with method, path, status, time and request id', async () => {
    const s = sandbox();
    const lines: string[] = [];
    const api = clientFor(s, {debug: (l) => lines.push(l)});
    await api.me();
    await api.vpns('9999');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^POST \/oauth\/v3\/token -> 200 in \d+ms \(request id [\w-]+\)$/);
    expect(lines[1]).toMatch(/^GET \/btalk\/beta\/v1\/me -> 200 in \d+ms \(request id [\w-]+\)$/);
    expect(lines[2]).toMatch(/^GET \/btalk\/beta\/v1\/customers\/9999\/vpns\?offset=0&limit=1000 -> 200 in \d+ms/);
  });

  it('logs failures and retries too', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', reset: 'before'});
    s.injectFault({route: 'POST /customers/:customerCode/orders', status: 400, json: {code: 27, message: 'Invalid body field'}});
    const lines: string[] = [];
    const api = clientFor(s, {debug: (l) => lines.push(l)});
    await api.me();
    await failure(api.orderVoicesite('9999', order('BTALK_DEBUG')));
    expect(lines.some((l) => /^GET \/btalk\/beta\/v1\/me -> ECONNRESET in \d+ms \(no response\); retry 1\/3 in \d+ms$/.test(l))).toBe(true);
    expect(lines.some((l) => /^POST \/btalk\/beta\/v1\/customers\/9999\/orders -> 400 in \d+ms \(request id /.test(l))).toBe(true);
  });

  it('never shows the client secret, the API key, the Basic header or a token, in lines or errors', async () => {
    const s = sandbox();
    const credentials = credentialsOf(s.accounts.multi);
    const cache = memoryTokenCache();
    const lines: string[] = [];
    // A server that echoes the key and the token back in its error description.
    const api = clientFor(s, {debug: (l) => lines.push(l), tokenCache: cache, retries: 1}, credentials);
    await api.me();
    const token = cache.value?.accessToken ?? '';
    expect(token.length).toBeGreaterThan(8);
    s.injectFault({
      route: 'GET /voicesites',
      status: 400,
      json: {code: 26, message: 'Invalid header', description: `X-BT-API-KEY ${credentials.apiKey} with Authorization: Bearer ${token} refused`},
    });
    const error = await failure(api.voicesites());
    const keyError = await failure(clientFor(s, {debug: (l) => lines.push(l)}, {...credentials, apiKey: 'z'.repeat(40)}).customers());
    const secretError = await failure(clientFor(s, {debug: (l) => lines.push(l)}, {...credentials, clientSecret: `${credentials.clientSecret}!`}).me());

    const errors = [error, keyError, secretError].flatMap((e) => [...formatError(e), JSON.stringify(e.toJSON())]);
    const everything = [...lines, ...errors].join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const secret of [credentials.clientSecret, credentials.apiKey, token, basicAuthorization(credentials.clientId, credentials.clientSecret).slice(6), 'z'.repeat(40)]) {
      expect(everything).not.toContain(secret);
    }
    expect(error.api?.description).toContain('[redacted]');
  });
});
