import {describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import {formatError} from '../../src/errors.js';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor, failure, order} from './client-fixture.js';

describe('error bodies', () => {
  const sandbox = useEmulator();

  it('reads an Orange error object: code, message, description and request id', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', status: 400, json: {code: 25, message: 'Missing header', description: 'The X-Something header is missing.'}});
    const error = await failure(clientFor(s).me());
    expect(error).toMatchObject({kind: 'invalid-input', api: {status: 400, code: 25, message: 'Missing header', description: 'The X-Something header is missing.'}});
    expect(error.api?.requestId).toMatch(/\S{8,}/);
  });

  it('reads an array of errors: the first one, with the others kept in the description', async () => {
    const s = sandbox();
    s.injectFault({
      route: 'GET /customers/:customerCode/vpns',
      status: 400,
      json: [
        {code: 27, message: 'Invalid body field', description: 'offset must be a number'},
        {code: 28, message: 'Invalid query-string parameter', description: 'limit is too large'},
      ],
    });
    const error = await failure(clientFor(s).vpns('9999'));
    expect(error.api?.code).toBe(27);
    expect(error.api?.message).toBe('Invalid body field');
    expect(error.api?.description).toContain('offset must be a number');
    expect(error.api?.description).toContain('code 28: Invalid query-string parameter: limit is too large');
  });

  it('says a 502 HTML gateway page is an HTML page, not JSON, with no stack trace', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /customers', status: 502, html: '<html><body><h1>502 Bad Gateway</h1></body></html>', times: 10});
    const error = await failure(clientFor(s, {retries: 1}).customers());
    expect(error.kind).toBe('server');
    expect(error.message).toBe('The server answered 502 with an HTML page instead of JSON (after 1 retry).');
    expect(formatError(error).join('\n')).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('says a malformed JSON error body is not valid JSON', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /countries/:iso2', status: 500, raw: '{"code": 1, "message": "Internal', headers: {'content-type': 'application/json'}});
    const error = await failure(clientFor(s).country('FR'));
    expect(error.kind).toBe('server');
    expect(error.message).toBe('The server answered 500 with a body that is not valid JSON.');
    expect(error.api?.requestId).toEqual(expect.any(String));
  });

  it('names the field when a 200 answer does not match the expected shape', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /customers', status: 200, json: [{name: 'My Customer', customerCode: true}]});
    const error = await failure(clientFor(s).customers());
    expect(error.kind).toBe('server');
    expect(error.message).toContain('customers[0].customerCode: expected string or number, received boolean');
  });

  it('names a missing field', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', status: 200, json: {}});
    const error = await failure(clientFor(s).me());
    expect(error.message).toContain('me.rightsProfile: missing');
  });

  it('says a 200 order answer that is not JSON may hide a created order', async () => {
    const s = sandbox();
    s.injectFault({route: 'POST /customers/:customerCode/orders', status: 200, raw: 'OK'});
    const error = await failure(clientFor(s).orderVoicesite('9999', order('BTALK_RAW')));
    expect(error.kind).toBe('server');
    expect(error.outcomeUnknown).toBe(true);
  });

  it('does not follow redirects', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', status: 302, headers: {location: 'https://example.com/elsewhere'}, raw: ''});
    const error = await failure(clientFor(s).me());
    expect(error.kind).toBe('server');
    expect(error.api?.status).toBe(302);
    expect(error.hint).toMatch(/base URL/);
  });
});

describe('base URL rules', () => {
  it('refuses http on a non-loopback host with a usage error, before any request', async () => {
    const lines: string[] = [];
    const api = createBusinessTalkApi({
      baseUrl: 'http://api.orange.com/btalk/beta/v1',
      credentials: {clientId: 'id', clientSecret: 'secret', apiKey: 'k'.repeat(40)},
      debug: (l) => lines.push(l),
    });
    const error = await failure(api.me());
    expect(error.kind).toBe('usage');
    expect(error.message).toMatch(/only https/);
    expect((await failure(api.token())).kind).toBe('usage');
    expect(lines).toEqual([]);
  });
});

describe('cancellation and a failing token cache', () => {
  const sandbox = useEmulator();

  it('turns an aborted call into a cancelled error', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', delayMs: 1_000, status: 200, json: {rightsProfile: 'late'}});
    const controller = new AbortController();
    const pending = clientFor(s).me({signal: controller.signal});
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).kind).toBe('cancelled');
  });

  it('still works when the token cache cannot be read or written (e.g. a locked keychain)', async () => {
    const s = sandbox();
    const broken = {
      get: () => Promise.reject(new Error('keychain locked')),
      set: () => Promise.reject(new Error('keychain locked')),
      clear: () => Promise.reject(new Error('keychain locked')),
    };
    expect((await clientFor(s, {tokenCache: broken}).me()).rightsProfile).toBe('admin');
  });
});
