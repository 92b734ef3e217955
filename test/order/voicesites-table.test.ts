import {describe, expect, it} from 'vitest';
import {filterSites, renderTable, toRow} from '../../src/order/voicesites-table.js';

const sites = [
  {voiceSiteId: 'vs1', technicalSiteName: 'PARIS_HQ', customerSiteLabel: 'Paris headquarters with a long label', country: 'FR', vpnId: 'aa76e66dfc63'},
  {voiceSiteId: 'vs2', technicalSiteName: 'BERLIN_01', customerSiteLabel: 'Berlin', country: 'DE', vpnId: '3a45b33edf3'},
];

describe('voicesites table', () => {
  it('filters on id, name, label or country ignoring case', () => {
    expect(filterSites(sites, 'paris').map((s) => s.voiceSiteId)).toEqual(['vs1']);
    expect(filterSites(sites, 'de').map((s) => s.voiceSiteId)).toEqual(['vs2']);
    expect(filterSites(sites, 'VS2').map((s) => s.voiceSiteId)).toEqual(['vs2']);
    expect(filterSites(sites, undefined)).toHaveLength(2);
  });

  it('shows VPN names when known and fits a narrow terminal without cutting ids', () => {
    const rows = sites.map((s) => toRow(s, new Map([['aa76e66dfc63', 'My VPN 1']])));
    const wide = renderTable(rows);
    expect(wide[1]).toContain('Paris headquarters with a long label');
    expect(wide[1]).toContain('My VPN 1 (aa76e66dfc63)');
    const narrow = renderTable(rows, 60);
    for (const line of narrow) expect(line.length).toBeLessThanOrEqual(60);
    expect(narrow[1]).toContain('vs1');
    expect(narrow[1]).toContain('…');
  });
});

describe('renderTable on a very large account', () => {
  it('fits 200,000 rows without overflowing the stack', () => {
    const rows = Array.from({length: 200_000}, (_, i) => ({id: `vs${i}`, name: `SITE_${i}`, label: 'x', country: 'FR', vpn: 'v'}));
    const lines = renderTable(rows, 80);
    expect(lines).toHaveLength(200_001);
    expect(lines.at(-1)).toMatch(/^vs199999\s+SITE_199999/);
  });
});
