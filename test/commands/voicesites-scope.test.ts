/**
 * `btalk voicesites --customer/--vpn/--country` on the built CLI against the emulator's account
 * with three customers (41001 Acme Europe: SIEGE_PARIS and LYON_PART_DIEU in France; 41002 Acme
 * Americas: NEW_YORK_OFFICE; 41003 Acme Asia Pacific: TOKYO_HQ and SUPPORT_DESK).
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {credentialEnv, useEmulator} from '../helpers/emulator.js';
import {runBuiltCli} from '../helpers/built-cli.js';

describe('btalk voicesites, narrowed by the answers', () => {
  const sandbox = useEmulator();
  const run = (args: string[], env: Record<string, string> = {}) =>
    runBuiltCli(args, {
      cwd: mkdtempSync(path.join(tmpdir(), 'btalk-vs-scope-')),
      env: {BTALK_BASE_URL: sandbox().baseUrl, ...credentialEnv(sandbox().accounts.multi), NO_COLOR: '1', ...env},
    });
  const names = (stdout: string) => (JSON.parse(stdout) as Array<{technicalSiteName: string}>).map((s) => s.technicalSiteName).sort();

  it('--customer lists that customer\'s sites alone, by code or by name, and says so', async () => {
    const byCode = await run(['voicesites', '--customer', '41003']);
    expect(byCode.code).toBe(0);
    expect(byCode.stdout).toContain('TOKYO_HQ');
    expect(byCode.stdout).toContain('SUPPORT_DESK');
    expect(byCode.stdout).not.toContain('SIEGE_PARIS');
    expect(byCode.stderr).toBe('2 voicesites of customer 41003 (Acme Asia Pacific)\n');
    const byName = await run(['--json', 'voicesites', '--customer', 'acme europe']);
    expect(names(byName.stdout)).toEqual(['LYON_PART_DIEU', 'SIEGE_PARIS']);
  });

  it('--country takes a code or a French name, and goes with --customer and --vpn', async () => {
    const everyone = await run(['--json', 'voicesites']);
    expect(names(everyone.stdout)).toHaveLength(5);
    expect(names((await run(['--json', 'voicesites', '--country', 'Japon'])).stdout)).toEqual(['TOKYO_HQ']);
    expect(names((await run(['--json', 'voicesites', '--customer', '41001', '--country', 'FR'])).stdout)).toEqual(['LYON_PART_DIEU', 'SIEGE_PARIS']);
    expect(names((await run(['--json', 'voicesites', '--customer', '41002', '--vpn', 'Acme Americas VPN 01'])).stdout)).toEqual(['NEW_YORK_OFFICE']);
    const none = await run(['voicesites', '--customer', '41002', '--country', 'Allemagne']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No voicesites of customer 41002 (Acme Americas), Germany (DE) yet.\n');
  });

  it('--csv is narrowed too', async () => {
    const csv = await run(['voicesites', '--csv', '--customer', '41003']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(3);
    expect(csv.stderr).toBe('2 voicesites of customer 41003 (Acme Asia Pacific)\n');
  });

  it('an answer that fits nothing is a usage error that says what fits, not the whole list', async () => {
    const customer = await run(['voicesites', '--customer', '99']);
    expect(customer.code).toBe(2);
    expect(customer.stdout).toBe('');
    expect(customer.stderr).toContain('--customer: no customer "99"; choose one of 41001 (Acme Europe), 41002 (Acme Americas), 41003 (Acme Asia Pacific)');
    // A VPN is one customer's: with three customers, which one must be said.
    const vpn = await run(['voicesites', '--vpn', 'Acme Americas VPN 01']);
    expect(vpn.code).toBe(2);
    expect(vpn.stderr).toContain('--customer: missing: this key has 3 customers');
    const country = await run(['voicesites', '--country', 'Atlantis']);
    expect(country.code).toBe(2);
    expect(country.stderr).toContain('--country: "Atlantis" is not a country code or a country name in English or French');
  });

  it('an order-only answer is refused before any request, not ignored', async () => {
    sandbox().resetCounters();
    const r = await run(['voicesites', '--label', 'Paris office']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--label: an answer for an order; btalk voicesites does not take it');
    expect(sandbox().counters.requests).toBe(0);
  });

  it('the answers\' environment variables, set for orders, do not narrow the list', async () => {
    const r = await run(['--json', 'voicesites'], {BTALK_CUSTOMER: '41003', BTALK_COUNTRY: 'JP', BTALK_LABEL: 'x'});
    expect(r.code).toBe(0);
    expect(names(r.stdout)).toHaveLength(5);
  });
});
