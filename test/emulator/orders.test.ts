import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {api, orderBody, tokenFor, useEmulator} from '../helpers/emulator.js';

type ApiErr = {code: number; message: string; description: string};

describe('POST /customers/{code}/orders', () => {
  const sandbox = useEmulator();

  it('creates a voicesite, answers 201 with the order, and GET /voicesites then lists it', async () => {
    const res = await api(sandbox(), '/customers/9999/orders', {json: orderBody()});
    expect(res.status).toBe(201);
    const order = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(order)).toEqual(['orderId', 'customerOrderReference', 'productReference', 'status', 'creationDate', 'customerCode', 'voiceSiteId', 'parameters']);
    expect(order).toMatchObject({
      customerOrderReference: 'myOrder',
      productReference: 'voicesite',
      status: 'completed',
      customerCode: '9999',
      parameters: {technicalSiteName: 'MY_VOICESITE', customerSiteLabel: 'My Voicesite in France', country: 'FR', vpnId: 'aa76e66dfc63'},
    });
    expect(order['voiceSiteId']).toMatch(/^vs[0-9a-f]{10}$/);
    expect(sandbox().counters.ordersCreated).toBe(1);

    const sites = (await (await api(sandbox(), '/voicesites')).json()) as Array<Record<string, unknown>>;
    expect(sites.find((s) => s['voiceSiteId'] === order['voiceSiteId'])).toEqual({
      voiceSiteId: order['voiceSiteId'],
      technicalSiteName: 'MY_VOICESITE',
      customerSiteLabel: 'My Voicesite in France',
      country: 'FR',
      vpnId: 'aa76e66dfc63',
      customerCode: '9999',
      status: 'active',
      creationDate: order['creationDate'],
    });
  });

  it('serves the same order at /orders/voicesite; the singular /customer/... path is 404 code 60', async () => {
    const res = await api(sandbox(), '/customers/9999/orders/voicesite', {json: orderBody({technicalSiteName: 'SITE_TWO'})});
    expect(res.status).toBe(201);
    expect(((await res.json()) as {voiceSiteId: string}).voiceSiteId).toBeTruthy();
    const singular = await api(sandbox(), '/customer/9999/orders/voicesite', {json: orderBody({technicalSiteName: 'SITE_THREE'})});
    expect(singular.status).toBe(404);
    expect(((await singular.json()) as ApiErr).code).toBe(60);
    expect(sandbox().counters.ordersCreated).toBe(1);
    expect(sandbox().counters.byRoute['POST /customers/:customerCode/orders/voicesite']).toBe(1);
  });

  it('lists a new site only for the key that owns the customer', async () => {
    const multi = EMULATOR_ACCOUNTS.multi;
    const token = await tokenFor(sandbox(), multi);
    const vpns = (await (await api(sandbox(), '/customers/41003/vpns', {token, apiKey: multi.apiKey})).json()) as Array<{vpnId: string}>;
    const res = await api(sandbox(), '/customers/41003/orders', {
      token,
      apiKey: multi.apiKey,
      json: orderBody({technicalSiteName: 'SINGAPORE_1', country: 'SG', vpnId: vpns[0]?.vpnId}),
    });
    expect(res.status).toBe(201);
    const multiSites = (await (await api(sandbox(), '/voicesites', {token, apiKey: multi.apiKey})).json()) as Array<{technicalSiteName: string}>;
    expect(multiSites.map((s) => s.technicalSiteName)).toContain('SINGAPORE_1');
    const demoSites = (await (await api(sandbox(), '/voicesites')).json()) as Array<{technicalSiteName: string}>;
    expect(demoSites.map((s) => s.technicalSiteName)).not.toContain('SINGAPORE_1');
  });

  it('refuses a technicalSiteName that already exists for the customer (400 code 27)', async () => {
    expect((await api(sandbox(), '/customers/9999/orders', {json: orderBody()})).status).toBe(201);
    const again = await api(sandbox(), '/customers/9999/orders', {json: orderBody({customerSiteLabel: 'Another label'})});
    expect(again.status).toBe(400);
    const body = (await again.json()) as ApiErr;
    expect(body.code).toBe(27);
    expect(body.description).toMatch(/technicalSiteName/);
    expect(body.description).toMatch(/already exists/);
    const preexisting = await api(sandbox(), '/customers/9999/orders', {json: orderBody({technicalSiteName: 'PARIS_HQ'})});
    expect(((await preexisting.json()) as ApiErr).description).toMatch(/already exists/);
    expect(sandbox().counters.ordersCreated).toBe(1);
  });

  it('refuses the read-only key with 403 code 52 saying it is read-only', async () => {
    const res = await api(sandbox(), '/customers/9999/orders', {apiKey: EMULATOR_ACCOUNTS.demoReadonly.apiKey, json: orderBody()});
    expect(res.status).toBe(403);
    const body = (await res.json()) as ApiErr;
    expect(body.code).toBe(52);
    expect(body.description).toMatch(/read-only/);
    expect(sandbox().counters.ordersCreated).toBe(0);
  });

  it('refuses a customer the key does not manage with 403 code 52', async () => {
    const res = await api(sandbox(), '/customers/41001/orders', {json: orderBody()});
    expect(res.status).toBe(403);
    expect(((await res.json()) as ApiErr).code).toBe(52);
  });

  it.each([
    ['technicalSiteName', {technicalSiteName: 'my site'}],
    ['technicalSiteName', {technicalSiteName: 'AB'}],
    ['customerSiteLabel', {customerSiteLabel: ' padded '}],
    ['customerSiteLabel', {customerSiteLabel: 'x'.repeat(81)}],
    ['country', {country: 'fr'}],
    ['country', {country: 'ZZ'}],
    ['country', {country: 'KP'}],
    ['vpnId', {vpnId: 'not-my-vpn'}],
    ['vpnId', {vpnId: ''}],
    ['technicalSiteName', {technicalSiteName: 42}],
  ])('400 code 27 naming %s for %j', async (field, parameters) => {
    const res = await api(sandbox(), '/customers/9999/orders', {json: orderBody(parameters)});
    expect(res.status).toBe(400);
    const body = (await res.json()) as ApiErr;
    expect(body.code).toBe(27);
    expect(body.description).toContain(`parameters.${field}`);
    expect(sandbox().counters.ordersCreated).toBe(0);
  });

  it('an uncovered country is refused saying it is not covered', async () => {
    const res = await api(sandbox(), '/customers/9999/orders', {json: orderBody({country: 'AQ'})});
    expect(((await res.json()) as ApiErr).description).toMatch(/Antarctica \(AQ\) is not covered/);
  });

  it('400 code 27 naming customerOrderReference when it is blank', async () => {
    const res = await api(sandbox(), '/customers/9999/orders', {json: orderBody({}, '  ')});
    const body = (await res.json()) as ApiErr;
    expect(body.code).toBe(27);
    expect(body.description).toContain('customerOrderReference');
  });

  it.each(['customerOrderReference', 'parameters', 'parameters.technicalSiteName', 'parameters.customerSiteLabel', 'parameters.country', 'parameters.vpnId'])(
    '400 code 26 when %s is missing',
    async (field) => {
      const body = orderBody();
      const [outer, inner] = field.split('.');
      if (inner === undefined) delete body[outer as string];
      else delete (body['parameters'] as Record<string, unknown>)[inner];
      const res = await api(sandbox(), '/customers/9999/orders', {json: body});
      expect(res.status).toBe(400);
      const error = (await res.json()) as ApiErr;
      expect(error.code).toBe(26);
      expect(error.description).toContain(field);
    },
  );

  it('415 code 68 without Content-Type application/json; 400 code 21 for a body that is not a JSON object', async () => {
    const token = await tokenFor(sandbox());
    const form = await api(sandbox(), '/customers/9999/orders', {token, method: 'POST', rawBody: 'a=b', headers: {'content-type': 'application/x-www-form-urlencoded'}});
    expect(form.status).toBe(415);
    expect(((await form.json()) as ApiErr).code).toBe(68);
    for (const rawBody of ['{not json', '[1,2]', '"text"', '']) {
      const res = await api(sandbox(), '/customers/9999/orders', {token, method: 'POST', rawBody, headers: {'content-type': 'application/json'}});
      expect(res.status, rawBody).toBe(400);
      expect(((await res.json()) as ApiErr).code).toBe(21);
    }
    expect(sandbox().counters.ordersCreated).toBe(0);
  });
});
