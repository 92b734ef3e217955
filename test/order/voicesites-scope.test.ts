import {describe, expect, it} from 'vitest';
import type {Customer, VoiceSite, Vpn} from '../../src/api/types.js';
import {scopeText, sitesInScope} from '../../src/order/voicesites-scope.js';

const site = (name: string, fields: Partial<VoiceSite>): VoiceSite => ({voiceSiteId: `vs-${name}`, technicalSiteName: name, ...fields}) as VoiceSite;
const customer = {name: 'Acme Europe', customerCode: '41001'} as Customer;

describe('sitesInScope', () => {
  const sites = [
    site('NAMED', {customerCode: '41001', vpnId: 'v1', country: 'FR'}),
    site('OTHER', {customerCode: '41002', vpnId: 'v9', country: 'FR'}),
    // No customer code: its VPN says whose it is.
    site('BY_VPN', {vpnId: 'v2', country: 'de'}),
    site('OTHER_VPN', {vpnId: 'v9', country: 'FR'}),
    // Neither: it cannot be placed.
    site('NOWHERE', {country: 'FR'}),
  ];

  it('--customer: a site by its customer code, else by its VPN; a site with neither is counted, not kept', () => {
    const scoped = sitesInScope(sites, {customer, customerVpnIds: new Set(['v1', 'v2'])});
    expect(scoped.sites.map((s) => s.technicalSiteName)).toEqual(['NAMED', 'BY_VPN']);
    expect(scoped.unplaced).toBe(1);
  });

  it('--country by ISO code, whatever the case the server writes it in; --vpn by id', () => {
    expect(sitesInScope(sites, {country: {iso2: 'DE', name: 'Germany'}}).sites.map((s) => s.technicalSiteName)).toEqual(['BY_VPN']);
    expect(sitesInScope(sites, {vpn: {vpnId: 'v9', name: 'VPN 9'} as Vpn}).sites.map((s) => s.technicalSiteName)).toEqual(['OTHER', 'OTHER_VPN']);
  });

  it('no scope keeps every site and counts none as unplaced', () => {
    expect(sitesInScope(sites, {})).toEqual({sites, unplaced: 0});
  });
});

describe('scopeText', () => {
  it('names what the list was narrowed to, in the order of the questions', () => {
    expect(scopeText({customer, vpn: {vpnId: 'v1', name: 'My VPN 1'} as Vpn, country: {iso2: 'FR', name: 'France'}})).toBe(
      'customer 41001 (Acme Europe), VPN My VPN 1, France (FR)',
    );
    expect(scopeText({})).toBe('');
  });
});
