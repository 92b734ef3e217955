/**
 * The VPN list from its first page on, against the emulator with the real client: a later page
 * that stalls leaves the rows in usable and the screen saying how many of how many are in, a
 * filter that finds nothing among them says the rest are still loading (never "no VPN matches"),
 * and when that page fails for good the list says it is incomplete, a listed VPN can still be
 * chosen, and Ctrl+R reads the whole list again.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {keys, press, type, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {credentialsOf, startWizard} from './wizard-harness.js';

afterEach(() => cleanup());

describe('wizard: a VPN list whose later page stalls', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('shows the pages in, says it is still loading, then incomplete; a listed VPN can be chosen', async () => {
    const s = sandbox();
    // 45 VPNs, 10 a page: the third page (offset 20) never answers, every attempt.
    s.settings.pageCap = 10;
    s.injectFault({route: 'GET /customers/:code/vpns', query: {offset: '20'}, stall: true, times: 1000});
    const {ui} = startWizard(s, {credentials: credentialsOf(s.accounts.multi), client: {timeoutMs: 2_500, attemptTimeoutMs: 800}});
    await waitForFrame(ui, '› Acme Europe (41001)');
    await press(ui, keys.enter);

    // Pages 1 and 2 are in; 4 and 5 may be too, but wait behind the stalled third.
    let frame = await waitForFrame(ui, 'Still loading: 20 of 45 VPNs loaded…');
    expect(frame).toContain('20 of the 20 VPNs so far');
    expect(frame).toContain('› Acme EU VPN 01');
    expect(frame).toContain('Acme EU VPN 02');
    await type(ui, 'VPN 35');
    frame = await waitForFrame(ui, '0 of the 20 VPNs so far');
    expect(frame).toContain('None of the 20 VPNs in so far match "VPN 35"; the rest are still loading…');
    expect(frame).not.toMatch(/No VPNs? match/);

    // The stalled page's read runs out of time: the rows stay, and the screen says what is missing.
    frame = await waitForFrame(ui, 'The list is incomplete: only 20 of 45 VPNs were read.', {timeoutMs: 20_000});
    expect(frame).toContain('None of the 20 VPNs read match "VPN 35"; the list is incomplete.');
    expect(frame).not.toContain('Still loading');
    expect(frame).toContain('Ctrl+R try again');
    for (let i = 0; i < 'VPN 35'.length; i++) await press(ui, keys.backspace);
    await waitForFrame(ui, '20 of the 20 VPNs read');
    await press(ui, keys.down);
    await waitForFrame(ui, '› Acme EU VPN 02');

    // Read again, the server healed: the whole list, the loading and failure notes gone.
    s.clearFaults();
    await press(ui, '\u0012');
    frame = await waitForFrame(ui, '45 of 45 VPNs');
    expect(frame).not.toContain('incomplete');
    expect(frame).not.toContain('Still loading');
    await type(ui, 'VPN 35');
    frame = await waitForFrame(ui, '1 of 45 VPNs');
    await press(ui, keys.enter);
    frame = await waitForFrame(ui, 'In which country');
    expect(frame).toContain('✓ VPN: Acme EU VPN 35');
  });

  it('chooses a VPN among the pages in while a later one stalls, without waiting for it', async () => {
    const s = sandbox();
    s.settings.pageCap = 10;
    s.injectFault({route: 'GET /customers/:code/vpns', query: {offset: '30'}, stall: true, times: 1000});
    const {ui} = startWizard(s, {credentials: credentialsOf(s.accounts.multi), client: {timeoutMs: 60_000, attemptTimeoutMs: 30_000}});
    await waitForFrame(ui, '› Acme Europe (41001)');
    await press(ui, keys.enter);
    await waitForFrame(ui, 'Still loading: 30 of 45 VPNs loaded…');
    await type(ui, 'VPN 12');
    await waitForFrame(ui, '1 of the 30 VPNs so far');
    await press(ui, keys.enter);
    const frame = await waitForFrame(ui, 'In which country');
    expect(frame).toContain('✓ VPN: Acme EU VPN 12');
  });
});
