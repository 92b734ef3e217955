/**
 * The wizard's busy line against the emulator's slow and rate-limiting faults: it names what it
 * waits for, counts the seconds past 2 s, and shows the API's retry pause on screen.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {startWizard} from './wizard-harness.js';

afterEach(() => cleanup());

const VPNS = 'GET /customers/:customerCode/vpns';
const flat = (frame: string) => frame.replace(/\s+/g, ' ');

describe('wizard: the busy line', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('a slow VPN list: the line names it and counts the seconds', async () => {
    const s = sandbox();
    s.injectFault({route: VPNS, delayMs: 3_500});
    const {ui} = startWizard(s);
    const frame = await waitForFrame(ui, (f) => /Loading VPNs of My Customer \(every page of GET \/customers\/…\/vpns\)… [2-9] s/.test(flat(f)));
    expect(frame).not.toContain('waiting up to');
    await waitForFrame(ui, '2 of 2 VPNs');
    expect(s.counters.byRoute[VPNS]).toBe(1);
  });

  it('Retry-After on the VPN list: the pause the API asked for is on screen, then the list', async () => {
    const s = sandbox();
    s.injectFault({route: VPNS, status: 429, json: {code: 53, message: 'Too many requests'}, headers: {'retry-after': '3'}});
    const {ui} = startWizard(s, {client: {maxRetryDelayMs: 10_000}});
    const frame = await waitForFrame(ui, (f) => flat(f).includes('The API asked to wait 3.0 s (rate limited) before GET /customers/9999/vpns?offset=0&limit=1000; retrying at'));
    expect(flat(frame)).toContain('Loading VPNs of My Customer');
    expect(flat(frame)).toMatch(/retrying at \d\d:\d\d:\d\d \(retry 1 of 3\)\./);
    await waitForFrame(ui, '2 of 2 VPNs');
    expect(s.counters.byRoute[VPNS]).toBe(2);
  });
});
