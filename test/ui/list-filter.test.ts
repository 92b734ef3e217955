/** The customer and VPN filter (matchingAny): any field, any case, never across two fields. */
import {describe, expect, it} from 'vitest';
import {matchingAny} from '../../src/ui/screens/list-screen.js';

type Vpn = {name: string; vpnId: string; vpnCode?: string};
const filter = matchingAny<Vpn>((v) => [v.name, v.vpnId, v.vpnCode]);

describe('matchingAny', () => {
  const vpns: Vpn[] = Array.from({length: 10_000}, (_, i) => ({name: `Large VPN ${String(i + 1).padStart(5, '0')}`, vpnId: `id${i}`, ...(i % 2 ? {vpnCode: String(i)} : {})}));

  it('keeps the items whose name, id or code contains the text, in order, whatever the case', () => {
    expect(filter(vpns, '')).toBe(vpns);
    expect(filter(vpns, 'large vpn 0999').map((v) => v.name)).toEqual(Array.from({length: 10}, (_, i) => `Large VPN 0999${i}`));
    expect(filter(vpns, ' ID9999 ').map((v) => v.vpnId)).toEqual(['id9999']);
    expect(filter(vpns, '9997').map((v) => v.name)).toEqual(['Large VPN 09997', 'Large VPN 09998']);
  });

  it('does not match text that spans two fields, and sees an item added later', () => {
    const two = [{name: 'Paris', vpnId: 'abc'}];
    expect(filter(two, 'parisabc')).toEqual([]);
    expect(filter(two, 'sab')).toEqual([]);
    const more = [...two, {name: 'Lyon', vpnId: 'def'}];
    expect(filter(more, 'lyon').map((v) => v.vpnId)).toEqual(['def']);
  });
});
