import {describe, expect, it} from 'vitest';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor, credentialsOf, failure, order} from './client-fixture.js';

describe('client against the emulator: every endpoint', () => {
  const sandbox = useEmulator();

  it('reads me, customers, VPNs and a country as the getting-started page shows them', async () => {
    const api = clientFor(sandbox());
    expect(await api.me()).toEqual({rightsProfile: 'admin'});
    const customers = await api.customers();
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({name: 'My Customer', customerCode: '9999'});
    expect(await api.vpns('9999')).toEqual([
      {vpnId: 'aa76e66dfc63', name: 'My VPN 1', vpnCode: '1'},
      {vpnId: '3a45b33edf3', name: 'My VPN 2', vpnCode: '2'},
    ]);
    const france = await api.country('fr');
    expect(france).toMatchObject({name: 'France', iso2: 'FR', countryCode: '33'});
    expect(france.coverage.businessTalkOnline).toBe('Yes');
    expect(france.coverage['didNumberZone']).toBe('Zone1');
    expect((await api.country('AQ')).coverage.businessTalkOnline).toBe('No');
  });

  it('uses one token request for a whole run of calls', async () => {
    const api = clientFor(sandbox());
    await api.token();
    await api.me();
    await api.customers();
    await api.vpns('9999');
    await api.country('FR');
    await api.voicesites();
    expect(sandbox().counters.tokenRequests).toBe(1);
  });

  it('orders a voicesite that the voicesites list then shows', async () => {
    const api = clientFor(sandbox());
    const result = await api.orderVoicesite('9999', order('BTALK_TEST_1'));
    expect(result.voiceSiteId).toEqual(expect.any(String));
    expect(sandbox().counters.ordersCreated).toBe(1);
    const sites = await api.voicesites();
    expect(sites.find((s) => s.voiceSiteId === result.voiceSiteId)).toMatchObject({technicalSiteName: 'BTALK_TEST_1'});
  });

  it('returns all 45 VPNs of a customer, over several pages', async () => {
    const s = sandbox();
    const api = clientFor(s, {}, credentialsOf(s.accounts.multi));
    const customers = await api.customers();
    expect(customers.map((c) => c.customerCode)).toEqual(['41001', '41002', '41003']);
    const vpns = await api.vpns('41001');
    expect(vpns).toHaveLength(45);
    expect(new Set(vpns.map((v) => v.vpnId)).size).toBe(45);
    // One page of up to 1000 items is asked for.
    expect(s.counters.byRoute['GET /customers/:customerCode/vpns']).toBe(1);
  });

  it('reads every page of a server that serves fewer items than asked', async () => {
    const s = sandbox();
    s.settings.pageCap = 10;
    const vpns = await clientFor(s, {}, credentialsOf(s.accounts.multi)).vpns('41001');
    expect(vpns).toHaveLength(45);
    expect(s.counters.byRoute['GET /customers/:customerCode/vpns']).toBe(5);
  });

  it('gets a token with a client secret holding + % : / and a space (RFC 6749 2.3.1 encoding)', async () => {
    const s = sandbox();
    expect(s.accounts.multi.clientSecret).toMatch(/[+]/);
    expect(s.accounts.multi.clientSecret).toMatch(/[%:/ ]/);
    const api = clientFor(s, {}, credentialsOf(s.accounts.multi));
    await api.token();
    expect(await api.me()).toEqual({rightsProfile: 'admin'});
  });

  it('refuses an unknown country code with not-found', async () => {
    const error = await failure(clientFor(sandbox()).country('ZZ'));
    expect(error.kind).toBe('not-found');
    expect(error.api?.code).toBe(60);
    expect(error.api?.requestId).toEqual(expect.any(String));
  });

  it('says a read-only key may not order, and nothing is created', async () => {
    const s = sandbox();
    const api = clientFor(s, {}, credentialsOf(s.accounts.demoReadonly));
    const error = await failure(api.orderVoicesite('9999', order('BTALK_RO')));
    expect(error.kind).toBe('forbidden');
    expect(error.outcomeUnknown).toBe(false);
    expect(s.counters.ordersCreated).toBe(0);
  });

  it('reports an order the API refuses as invalid input that is safe to resend', async () => {
    const s = sandbox();
    const api = clientFor(s);
    await api.orderVoicesite('9999', order('BTALK_DUP'));
    const error = await failure(api.orderVoicesite('9999', order('BTALK_DUP')));
    expect(error.kind).toBe('invalid-input');
    expect(error.api?.status).toBe(400);
    expect(error.api?.code).toBe(27);
    expect(error.api?.description).toMatch(/already exists/);
    expect(error.outcomeUnknown).toBe(false);
    expect(s.counters.ordersCreated).toBe(1);
  });
});
