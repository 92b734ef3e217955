import {describe, expect, it} from 'vitest';
import {checkLocalAnswers, resolveCustomer, resolveVpn} from '../../src/order/resolve-inputs.js';

const now = new Date(2026, 10, 29, 14, 32);
const customers = [
  {name: 'Acme Europe', customerCode: '41001'},
  {name: 'Acme Americas', customerCode: '41002'},
];
const vpns = [
  {vpnId: 'aa76e66dfc63', name: 'My VPN 1', vpnCode: '1'},
  {vpnId: '3a45b33edf3', name: 'My VPN 2', vpnCode: '2'},
  {vpnId: 'ffff00001111', name: 'Shared', vpnCode: '3'},
  {vpnId: 'eeee00001111', name: 'Shared', vpnCode: '4'},
];

describe('checkLocalAnswers', () => {
  it('lists every missing answer at once', () => {
    const checked = checkLocalAnswers({}, now);
    expect(checked.problems?.map((p) => p.answer)).toEqual(['vpn', 'country', 'label']);
  });

  it('derives the technical name from the label and the reference from the date', () => {
    const checked = checkLocalAnswers({vpn: 'v', country: 'france', label: 'Café de Lyon'}, now);
    expect(checked.ok).toMatchObject({
      technicalSiteName: 'CAFE_DE_LYON',
      customerOrderReference: 'btalk-20261129-1432',
      country: {iso2: 'FR', name: 'France'},
    });
  });

  it('names bad names and an unknown country, and says a derived name came from the label', () => {
    // No Latin letter or digit in the label, so nothing valid is derived from it.
    const checked = checkLocalAnswers({vpn: 'v', country: 'Atlantis', label: '東京', reference: ' x'}, now);
    const byAnswer = Object.fromEntries((checked.problems ?? []).map((p) => [p.answer, p.message]));
    expect(byAnswer['country']).toContain('Atlantis');
    expect(byAnswer['siteName']).toContain('give --site-name');
    expect(byAnswer['reference']).toContain('Order reference');
  });
});

describe('resolveCustomer', () => {
  it('needs a code when the key has several, and lists them', () => {
    expect(resolveCustomer(customers, undefined)).toMatchObject({answer: 'customer', message: expect.stringContaining('41001 (Acme Europe), 41002 (Acme Americas)')});
    expect(resolveCustomer(customers, '41002')).toMatchObject({customerCode: '41002'});
    expect(resolveCustomer([customers[0]!], undefined)).toMatchObject({customerCode: '41001'});
    expect(resolveCustomer(customers, '5')).toMatchObject({answer: 'customer'});
  });
});

describe('resolveVpn', () => {
  it('finds a VPN by id, code or exact name', () => {
    expect(resolveVpn(vpns, 'aa76e66dfc63', '9999')).toMatchObject({vpnId: 'aa76e66dfc63'});
    expect(resolveVpn(vpns, '2', '9999')).toMatchObject({vpnId: '3a45b33edf3'});
    expect(resolveVpn(vpns, 'My VPN 1', '9999')).toMatchObject({vpnId: 'aa76e66dfc63'});
    expect(resolveVpn(vpns, 'my vpn 2', '9999')).toMatchObject({vpnId: '3a45b33edf3'});
  });

  it('refuses a name two VPNs share, listing both ids', () => {
    const problem = resolveVpn(vpns, 'Shared', '9999');
    expect(problem).toMatchObject({answer: 'vpn'});
    expect((problem as {message: string}).message).toMatch(/ffff00001111.*eeee00001111/);
  });

  it('says which VPNs exist when none matches', () => {
    expect(resolveVpn(vpns, 'nope', '9999')).toMatchObject({message: expect.stringContaining('it has My VPN 1 (id aa76e66dfc63, code 1), My VPN 2 (id 3a45b33edf3, code 2)')});
  });
});
