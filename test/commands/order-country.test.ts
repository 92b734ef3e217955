/** `btalk order --country` takes the names people type, in English or French, and codes of both lengths. */
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {btalk} from '../order/harness.js';

describe('btalk order --sandbox --dry-run --country', () => {
  it.each([
    ['Allemagne', 'DE'],
    ['Royaume-Uni', 'GB'],
    ['UK', 'GB'],
    ['USA', 'US'],
    ['Turkey', 'TR'],
    ['GBR', 'GB'],
  ])('%s resolves to %s in the printed request', async (input, iso2) => {
    const r = await btalk(undefined, ['order', '--sandbox', '--dry-run', '--yes', '--country', input, '--vpn', 'My VPN 1', '--label', 'Bureau régional']);
    expect(r.stderr).toContain('Dry run: every check passed');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"country": "${iso2}"`);
    expect(r.stdout).toContain('"customerSiteLabel": "Bureau régional"');
  });

  it('an ambiguous name lists the candidates; an unknown one suggests; both with the VPN checked in the same run', async () => {
    const congo = await btalk(undefined, ['order', '--sandbox', '--dry-run', '--yes', '--country', 'Congo', '--vpn', 'No such VPN', '--label', 'Kinshasa']);
    expect(congo.code).toBe(2);
    expect(congo.stderr).toContain('"Congo" names 2 countries:');
    expect(congo.stderr).toContain('(CD)');
    expect(congo.stderr).toContain('(CG)');
    expect(congo.stderr).toContain('no VPN with id, code or name "No such VPN"');
    const partial = await btalk(undefined, ['order', '--sandbox', '--dry-run', '--yes', '--country', 'Allem', '--vpn', 'My VPN 1', '--label', 'Berlin']);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('did you mean Germany (DE)?');
  });
});

describe('btalk order review in a terminal', () => {
  it('shows the country coverage in full, the comment wrapped at 80 columns, before asking', async () => {
    const r = await btalk(undefined, ['order', '--sandbox', '--country', 'France', '--vpn', 'My VPN 1', '--label', 'Siège Paris'], {interactive: true, stdin: 'n\n'});
    expect(r.code).toBe(130);
    const lines = r.stderr.split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const text = r.stderr.replace(/\s+/g, ' ');
    expect(text).toContain('Coverage in France (FR):');
    expect(text).toContain('Comment: (1) Fax are supported only with VISIT certified fax designs. Contact Product for further information');
    expect(text).toMatch(/Off-net international destinations +Yes/);
    expect(text).toMatch(/DID number zone +Zone1/);
    expect(text).toContain('Site label Siège Paris');
  });
});
