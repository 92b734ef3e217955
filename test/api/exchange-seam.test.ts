/**
 * The `exchange` seam plays the network for the client: the requests it sees are the ones got
 * would send (URL, headers, body), and its answers go through the same cap and decoding.
 */
import {describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import type {WireRequest} from '../../src/api/types.js';
import {failure} from './client-fixture.js';

const credentials = {clientId: 'id-1', clientSecret: 'secret-1', apiKey: 'k'.repeat(40)};
const json = (status: number, value: unknown) => ({status, headers: {'content-type': 'application/json'}, body: Buffer.from(JSON.stringify(value))});

describe('the exchange seam', () => {
  it('sees the token POST and the API call as got would send them', async () => {
    const seen: WireRequest[] = [];
    const api = createBusinessTalkApi({
      baseUrl: 'http://127.0.0.1:9/bt/v1',
      credentials,
      exchange: async (request) => {
        seen.push(request);
        return request.url.endsWith('/oauth/v3/token') ? json(200, {access_token: 'tok-1', expires_in: 3600}) : {...json(200, [{vpnId: 1, name: 'Paris'}]), headers: {'content-type': 'application/json', 'x-total-count': '1'}};
      },
    });
    expect(await api.vpns('C 1')).toEqual([{vpnId: '1', name: 'Paris'}]);
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['POST http://127.0.0.1:9/oauth/v3/token', 'GET http://127.0.0.1:9/bt/v1/customers/C%201/vpns?offset=0&limit=1000']);
    expect(seen[0]).toMatchObject({body: 'grant_type=client_credentials', headers: {'content-type': 'application/x-www-form-urlencoded', authorization: expect.stringMatching(/^Basic /)}});
    expect(seen[0]?.headers['x-bt-api-key']).toBeUndefined();
    expect(seen[1]?.headers).toMatchObject({authorization: 'Bearer tok-1', 'x-bt-api-key': credentials.apiKey, accept: 'application/json', 'user-agent': 'btalk'});
  });

  it('applies the body cap and decodes bytes as UTF-8, invalid sequences included', async () => {
    const answer = (body: Buffer) => async (request: WireRequest) =>
      request.url.endsWith('/token') ? json(200, {access_token: 'tok-1', expires_in: 3600}) : {status: 200, headers: {}, body};
    const big = createBusinessTalkApi({baseUrl: 'http://127.0.0.1:9/bt/v1', credentials, maxBodyBytes: 100, exchange: answer(Buffer.alloc(200, 0x20))});
    expect((await failure(big.me())).message).toMatch(/its answer is larger than 0 MB, the most btalk reads in one answer/);
    const bytes = Buffer.concat([Buffer.from('{"rightsProfile":"a'), Buffer.from([0xff, 0xc3]), Buffer.from('"}')]);
    const odd = createBusinessTalkApi({baseUrl: 'http://127.0.0.1:9/bt/v1', credentials, exchange: answer(bytes)});
    expect(await odd.me()).toEqual({rightsProfile: 'a\ufffd\ufffd'});
  });
});
