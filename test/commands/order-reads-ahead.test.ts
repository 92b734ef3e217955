/**
 * `btalk order` reads ahead (the VPNs of a guessed customer, the coverage, the voicesites) while it
 * checks the answers. When the run ends before one of them is needed (a usage error), that read
 * stops with it: no retry, no pause line on stderr, nothing asked of the server afterwards.
 */
import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {useEmulator} from '../helpers/emulator.js';
import {btalk, credentialEnv, orderFlags} from '../order/harness.js';

const VPNS = 'GET /customers/:customerCode/vpns';

describe('btalk order: reads started ahead end with the command', () => {
  const sandbox = useEmulator();

  it('after a usage error, the VPN read of a wrong customer is not retried once the command is over', async () => {
    const s = sandbox();
    // Each VPN read is slow and then refused with a 503 that would be retried.
    s.injectFault({route: VPNS, status: 503, json: {code: 5, message: 'Service unavailable'}, delayMs: 400, times: 20});
    const r = await btalk(s, ['order', ...orderFlags({'--customer': '1234'}), '--yes'], {env: credentialEnv(EMULATOR_ACCOUNTS.demo)});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no customer "1234"');
    // Long enough for the slow answer and a retry, had the read gone on: the one request sent
    // ahead (it may reach the server just after the command ended) is the only one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(s.counters.byRoute[VPNS] ?? 0).toBeLessThanOrEqual(1);
    expect(r.runtime.err()).not.toMatch(/retrying/);
    expect(r.runtime.err()).toBe(r.stderr);
  });

  it('reads the VPNs of the key\'s only customer as soon as the customer list names it, without waiting for /me', async () => {
    const s = sandbox();
    // /me never answers: the order fails on it, after the VPNs were asked for.
    s.injectFault({route: 'GET /me', stall: true, times: 5});
    const r = await btalk(s, ['order', ...orderFlags(), '--yes', '--timeout', '1'], {env: credentialEnv(EMULATOR_ACCOUNTS.demo)});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/GET \/me/);
    expect(s.counters.byRoute[VPNS]).toBe(1);
  });
});
