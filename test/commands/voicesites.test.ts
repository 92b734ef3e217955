import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {useEmulator} from '../helpers/emulator.js';
import {btalk, credentialEnv, orderFlags} from '../order/harness.js';

describe('btalk voicesites', () => {
  const sandbox = useEmulator();
  const env = () => credentialEnv(EMULATOR_ACCOUNTS.demo);

  it('shows a table with id, technical name, label, country and VPN name', async () => {
    const r = await btalk(sandbox(), ['voicesites'], {env: env()});
    expect(r.code).toBe(0);
    const [header, row] = r.stdout.split('\n');
    expect(header).toMatch(/^ID\s+TECHNICAL NAME\s+LABEL\s+COUNTRY\s+VPN$/);
    expect(row).toMatch(/^vs3c9e1a7f02\s+PARIS_HQ\s+Paris headquarters\s+FR\s+My VPN 1 \(aa76e66dfc63\)$/);
  });

  it('--json gives an array a script can read, and --filter narrows it ignoring case', async () => {
    await btalk(sandbox(), ['order', ...orderFlags({'--site-name': 'BERLIN_01', '--country': 'DE', '--label': 'Berlin'}), '--yes'], {env: env()});
    const all = JSON.parse((await btalk(sandbox(), ['--json', 'voicesites'], {env: env()})).stdout) as Array<{technicalSiteName: string}>;
    expect(all.map((s) => s.technicalSiteName).sort()).toEqual(['BERLIN_01', 'PARIS_HQ']);
    const berlin = JSON.parse((await btalk(sandbox(), ['--json', 'voicesites', '--filter', 'berlin'], {env: env()})).stdout) as Array<{
      technicalSiteName: string;
      country: string;
    }>;
    expect(berlin).toEqual([expect.objectContaining({technicalSiteName: 'BERLIN_01', country: 'DE'})]);
  });

  it('says so plainly when nothing matches', async () => {
    const r = await btalk(sandbox(), ['voicesites', '--filter', 'nowhere'], {env: env()});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No voicesites match "nowhere".\n');
  });

  it('fails with exit 4 when the key is refused', async () => {
    const r = await btalk(sandbox(), ['voicesites'], {env: {...env(), BTALK_API_KEY: 'x'.repeat(40)}});
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
  });
});
