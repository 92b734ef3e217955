import {describe, expect, it} from 'vitest';
import {allCountries} from '../../src/domain/countries.js';
import {COVERED_COUNTRIES} from '../../src/emulator/coverage.js';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {api, tokenFor, useEmulator} from '../helpers/emulator.js';
import page from './getting-started-page.json' with {type: 'json'};

// The getting-started page's example answers, verbatim, kept apart from the emulator's own data
// (src/emulator/fixtures.ts, coverage.ts) so the emulator is checked against the page, not itself.
const {customers: PAGE_CUSTOMERS, vpns: PAGE_VPNS, france: PAGE_FRANCE} = page;

describe('Business Talk endpoints, as the getting-started page shows them', () => {
  const sandbox = useEmulator();

  it('GET /me answers the rights profile of the demo key', async () => {
    const res = await api(sandbox(), '/me');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({rightsProfile: 'admin'});
  });

  it('GET /customers and /customers/9999/vpns answer the page JSON exactly, with count headers', async () => {
    const customers = await api(sandbox(), '/customers');
    expect(await customers.json()).toEqual(PAGE_CUSTOMERS);
    expect(customers.headers.get('x-total-count')).toBe('1');
    expect(customers.headers.get('x-result-count')).toBe('1');
    const vpns = await api(sandbox(), '/customers/9999/vpns');
    expect(await vpns.json()).toEqual(PAGE_VPNS);
    expect(vpns.headers.get('x-total-count')).toBe('2');
  });

  it('GET /countries/FR answers the documented France, key for key', async () => {
    const res = await api(sandbox(), '/countries/FR');
    const body = await res.json();
    expect(body).toEqual(PAGE_FRANCE);
    expect(Object.keys(body as object)).toEqual(Object.keys(PAGE_FRANCE));
    expect(await (await api(sandbox(), '/countries/fr')).json()).toEqual(PAGE_FRANCE);
  });

  it('covered countries have every coverage key and "Yes"; others say "No" with a reason', async () => {
    for (const iso2 of ['DE', 'GB', 'ES', 'IT', 'BE', 'NL', 'CH', 'US', 'CA', 'SG', 'AU']) {
      expect(COVERED_COUNTRIES).toContain(iso2);
      const body = (await (await api(sandbox(), `/countries/${iso2}`)).json()) as typeof PAGE_FRANCE;
      expect(body.iso2).toBe(iso2);
      expect(Object.keys(body.coverage).sort()).toEqual(Object.keys(PAGE_FRANCE.coverage).sort());
      expect(body.coverage.businessTalkOnline).toBe('Yes');
    }
    const token = await tokenFor(sandbox());
    for (const iso2 of ['AQ', 'KP', 'BR']) {
      const res = await api(sandbox(), `/countries/${iso2}`, {token});
      expect(res.status).toBe(200);
      const body = (await res.json()) as typeof PAGE_FRANCE;
      expect(body.coverage.businessTalkOnline).toBe('No');
      expect(body.coverage.comment).toMatch(/not covered/);
      expect(Object.keys(body.coverage).sort()).toEqual(Object.keys(PAGE_FRANCE.coverage).sort());
    }
    expect(((await (await api(sandbox(), '/countries/KP', {token})).json()) as {name: string}).name).toBe('North Korea');
  });

  it('answers every ISO country and 404 code 60 for what is not one', async () => {
    const token = await tokenFor(sandbox());
    const statuses = await Promise.all(allCountries().map(async ({iso2}) => (await api(sandbox(), `/countries/${iso2}`, {token})).status));
    expect(statuses.every((s) => s === 200)).toBe(true);
    for (const code of ['ZZ', 'XX', 'FRA', '1']) {
      const res = await api(sandbox(), `/countries/${code}`, {token});
      expect(res.status, code).toBe(404);
      expect(((await res.json()) as {code: number}).code).toBe(60);
    }
  });

  it('45 VPNs come in two pages of 40 and 5, with X-Total-Count 45', async () => {
    const multi = EMULATOR_ACCOUNTS.multi;
    const token = await tokenFor(sandbox(), multi);
    const first = await api(sandbox(), '/customers/41001/vpns', {token, apiKey: multi.apiKey});
    const page1 = (await first.json()) as Array<{vpnId: string}>;
    expect(page1).toHaveLength(40);
    expect(first.headers.get('x-total-count')).toBe('45');
    expect(first.headers.get('x-result-count')).toBe('40');
    const second = await api(sandbox(), '/customers/41001/vpns?offset=40&limit=40', {token, apiKey: multi.apiKey});
    const page2 = (await second.json()) as Array<{vpnId: string}>;
    expect(page2).toHaveLength(5);
    expect(second.headers.get('x-result-count')).toBe('5');
    expect(new Set([...page1, ...page2].map((v) => v.vpnId)).size).toBe(45);
    const beyond = await api(sandbox(), '/customers/41001/vpns?offset=100', {token, apiKey: multi.apiKey});
    expect(await beyond.json()).toEqual([]);
    expect(beyond.headers.get('x-total-count')).toBe('45');
  });

  it('bad offset or limit is 400 code 23 naming the parameter', async () => {
    const token = await tokenFor(sandbox());
    for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'offset=-1', 'offset=1.5']) {
      const res = await api(sandbox(), `/customers?${query}`, {token});
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as {code: number; description: string};
      expect(body.code).toBe(23);
      expect(body.description).toContain(query.split('=')[0]);
    }
    const small = await api(sandbox(), '/customers/9999/vpns?limit=1&offset=1', {token});
    expect(await small.json()).toEqual([PAGE_VPNS[1]]);
  });

  it('the multi key sees its three customers; a customer of another key is 403 code 52', async () => {
    const multi = EMULATOR_ACCOUNTS.multi;
    const token = await tokenFor(sandbox(), multi);
    const customers = (await (await api(sandbox(), '/customers', {token, apiKey: multi.apiKey})).json()) as Array<{customerCode: string}>;
    expect(customers.map((c) => c.customerCode)).toEqual(['41001', '41002', '41003']);
    const foreign = await api(sandbox(), '/customers/9999/vpns', {token, apiKey: multi.apiKey});
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as {code: number}).code).toBe(52);
  });

  it('GET /voicesites lists the demo customer\'s pre-existing site, with the voicesite fields', async () => {
    const res = await api(sandbox(), '/voicesites');
    const sites = (await res.json()) as Array<Record<string, unknown>>;
    expect(sites).toHaveLength(1);
    expect(Object.keys(sites[0] ?? {})).toEqual(['voiceSiteId', 'technicalSiteName', 'customerSiteLabel', 'country', 'vpnId', 'customerCode', 'status', 'creationDate']);
    expect(sites[0]).toMatchObject({technicalSiteName: 'PARIS_HQ', customerCode: '9999', country: 'FR'});
    expect(res.headers.get('x-total-count')).toBe('1');
  });
});
