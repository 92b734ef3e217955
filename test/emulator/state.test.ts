/**
 * The emulator's sites in list order: the initial ones, the large customer's 5,000 (built the
 * first time that customer is looked at), then those seeded and ordered.
 */
import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS, LARGE_CUSTOMER_CODE, LARGE_SITES, LARGE_VPNS, VPNS_BY_CUSTOMER} from '../../src/emulator/fixtures.js';
import {EmulatorState} from '../../src/emulator/state.js';

const site = (customerCode: string, technicalSiteName: string) => ({technicalSiteName, customerSiteLabel: 'x', country: 'FR', vpnId: 'v', customerCode});

describe('EmulatorState sites', () => {
  it('lists the large customer\'s 5,000 sites before those ordered, whenever they were ordered', () => {
    const state = new EmulatorState(() => 0);
    // An order for that customer before its list was ever read still comes after the 5,000.
    state.addVoicesite(site(LARGE_CUSTOMER_CODE, 'NEW_ONE'));
    const sites = state.voicesitesOf(EMULATOR_ACCOUNTS.large);
    expect(sites).toHaveLength(LARGE_SITES + 1);
    expect(sites[0]?.technicalSiteName).toBe('LARGE_SITE_00001');
    expect(sites[LARGE_SITES - 1]?.technicalSiteName).toBe('LARGE_SITE_05000');
    expect(sites[LARGE_SITES]?.technicalSiteName).toBe('NEW_ONE');
    // The same objects each time: an answer does not rebuild them.
    expect(state.voicesitesOf(EMULATOR_ACCOUNTS.large)[0]).toBe(sites[0]);
    expect(state.siteNameTaken(LARGE_CUSTOMER_CODE, 'LARGE_SITE_04999')).toBe(true);
    expect(state.siteNameTaken('9999', 'LARGE_SITE_04999')).toBe(false);
  });

  it('keeps the other accounts\' lists free of them, initial sites first, then seeded and ordered', () => {
    const state = new EmulatorState(() => 0);
    state.seedVoicesites(2);
    state.addVoicesite(site('9999', 'MINE'));
    const names = state.voicesitesOf(EMULATOR_ACCOUNTS.demo).map((s) => s.technicalSiteName);
    expect(names.slice(-3)).toEqual(['SITE_000001', 'SITE_000002', 'MINE']);
    expect(names.some((n) => n.startsWith('LARGE_'))).toBe(false);
  });

  it('gives the large customer its 10,000 VPNs, the same list on every read', () => {
    const vpns = VPNS_BY_CUSTOMER[LARGE_CUSTOMER_CODE]!;
    expect(vpns).toHaveLength(LARGE_VPNS);
    expect(vpns[0]?.name).toBe('Large VPN 00001');
    expect(VPNS_BY_CUSTOMER[LARGE_CUSTOMER_CODE]).toBe(vpns);
    expect(Object.keys(VPNS_BY_CUSTOMER)).toContain(LARGE_CUSTOMER_CODE);
  });
});
