/** `btalk order --country` takes the names people type, in English or French, and codes of both lengths. */
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
