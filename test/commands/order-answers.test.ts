/**
 * `btalk order` lists every missing or invalid answer in one run: those it can check alone (missing
 * flags, name rules, country names) and, when some were given, what the API says about them (an
 * unknown VPN, an uncovered country, a missing customer among several), before anything is ordered.
 */
import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {useEmulator} from '../helpers/emulator.js';
import {btalk, credentialEnv} from '../order/harness.js';

const POST = 'POST /customers/:customerCode/orders';

describe('btalk order with several wrong answers', () => {
  const sandbox = useEmulator();

  it('names a missing label, an unknown VPN and an uncovered country together, and --yes last (exit 2, nothing sent)', async () => {
    const r = await btalk(sandbox(), ['order', '--vpn', 'No such VPN', '--country', 'AQ', '--site-name', 'ANTARCTICA_1'], {env: credentialEnv(EMULATOR_ACCOUNTS.demo)});
    expect(r.code).toBe(2);
    const listed = r.stderr.split('\n').filter((l) => l.startsWith('  - '));
    expect(listed).toEqual([
      '  - --label (BTALK_LABEL): missing: the customer site label, e.g. "Paris office"',
      expect.stringContaining('  - --vpn (BTALK_VPN): no VPN with id, code or name "No such VPN" for customer 9999'),
      '  - --country (BTALK_COUNTRY): Antarctica (AQ) is not covered by Business Talk Online',
      '  - --yes (BTALK_YES=1): required when stdin/stdout is not a terminal: nothing can be confirmed',
    ]);
    expect(sandbox().counters.byRoute[POST] ?? 0).toBe(0);
  });

  it('with several customers and no --customer, says so alongside a missing country', async () => {
    const r = await btalk(sandbox(), ['order', '--vpn', 'Acme EU VPN 45', '--label', 'Lyon', '--yes'], {env: credentialEnv(EMULATOR_ACCOUNTS.multi)});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--country (BTALK_COUNTRY): missing');
    expect(r.stderr).toMatch(/--customer \(BTALK_CUSTOMER\): missing: this key has 3 customers, choose one of 41001/);
  });

  it('refused for --yes alone (answers all fine locally), it sends no request at all', async () => {
    const r = await btalk(sandbox(), ['order', '--vpn', 'No such VPN', '--country', 'FR', '--label', 'Lyon'], {env: credentialEnv(EMULATOR_ACCOUNTS.demo)});
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  - '))).toEqual([
      '  - --yes (BTALK_YES=1): required when stdin/stdout is not a terminal: nothing can be confirmed',
    ]);
    expect(sandbox().counters.requests).toBe(0);
  });

  it('without credentials still lists what it can check alone, exit 2 rather than 4', async () => {
    const r = await btalk(sandbox(), ['order', '--vpn', 'No such VPN', '--country', 'FR', '--yes'], {env: {}});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--label (BTALK_LABEL): missing');
    expect(r.stderr).not.toContain('--vpn (BTALK_VPN)');
    expect(sandbox().counters.requests).toBe(0);
  });
});
