/**
 * The emulator's VPN ids: the numbered customers' VPNs are built when first read, their ids the
 * first 12 hex digits of sha256("<customer>-<n>"), and the initial sites, whose ids are written
 * out so the emulator starts without hashing, name those same VPNs.
 */
import {createHash} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {INITIAL_VOICESITES, LARGE_CUSTOMER_CODE, LARGE_VPNS, VPNS_BY_CUSTOMER} from '../../src/emulator/fixtures.js';

const hashedId = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 12);

describe('the emulator fixtures\' VPN ids', () => {
  it('gives the numbered customers VPNs 1 to n with ids hashed from the customer and the number', () => {
    for (const [customer, count] of [['41001', 45], ['41002', 3], ['41003', 1], [LARGE_CUSTOMER_CODE, LARGE_VPNS]] as const) {
      const vpns = VPNS_BY_CUSTOMER[customer]!;
      expect(vpns.map((v) => v.vpnCode)).toEqual(Array.from({length: count}, (_, i) => String(i + 1)));
      expect(vpns.map((v) => v.vpnId)).toEqual(Array.from({length: count}, (_, i) => hashedId(`${customer}-${i + 1}`)));
      // The same list on every read.
      expect(VPNS_BY_CUSTOMER[customer]).toBe(vpns);
    }
  });

  it('puts every initial site on a VPN of its own customer, the written-out ids equal to the hashes', () => {
    for (const site of INITIAL_VOICESITES) {
      expect(VPNS_BY_CUSTOMER[site.customerCode]?.map((v) => v.vpnId), site.technicalSiteName).toContain(site.vpnId);
    }
    const onNumbered = INITIAL_VOICESITES.filter((s) => /^4100[123]$/.test(s.customerCode)).map((s) => [s.technicalSiteName, s.vpnId]);
    expect(onNumbered).toEqual([
      ['SIEGE_PARIS', hashedId('41001-1')],
      ['LYON_PART_DIEU', hashedId('41001-2')],
      ['TOKYO_HQ', hashedId('41003-1')],
      ['SUPPORT_DESK', hashedId('41003-1')],
      ['NEW_YORK_OFFICE', hashedId('41002-1')],
    ]);
  });

  it('lists every customer\'s VPNs among its keys, the lists built on first read included', () => {
    expect(Object.keys(VPNS_BY_CUSTOMER)).toEqual(expect.arrayContaining(['9999', '41001', '41002', '41003', LARGE_CUSTOMER_CODE, '66600']));
  });
});
