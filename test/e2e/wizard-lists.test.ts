import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {keys, press, type, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {chooseCountry, credentialsOf, startWizard} from './wizard-harness.js';

afterEach(() => cleanup());

describe('wizard: several customers, many VPNs, countries', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('lists several customers with type-to-filter, then every one of 45 VPNs with a filter', async () => {
    const s = sandbox();
    const {ui} = startWizard(s, {credentials: credentialsOf(s.accounts.multi)});
    let frame = await waitForFrame(ui, '3 of 3 customers');
    expect(frame).toContain('Which customer');
    expect(frame).toContain('Acme Americas (41002)');
    await type(ui, 'asia');
    frame = await waitForFrame(ui, '1 of 3 customers');
    expect(frame).toContain('› Acme Asia Pacific (41003)');
    expect(frame).not.toContain('Acme Americas');
    // Widen the filter again and pick the customer with 45 VPNs.
    for (let i = 0; i < 4; i++) await press(ui, keys.backspace);
    await type(ui, 'europe');
    // Its VPNs are fetched while it is highlighted, before Enter: the list says how many.
    await waitForFrame(ui, /› Acme Europe \(41001\) · direct\s+45 VPNs/);
    const before = ui.frames.length;
    await press(ui, keys.enter);

    frame = await waitForFrame(ui, '45 of 45 VPNs');
    // Straight to the list: not one frame waited on the network.
    expect(ui.frames.slice(before).some((f) => f.includes('Loading VPNs'))).toBe(false);
    expect(frame).toContain('✓ Customer: Acme Europe (41001)');
    expect(frame).toMatch(/↓ \d+ more/);
    // The last VPN is on the second page of the API: it must be there.
    await type(ui, 'VPN 45');
    frame = await waitForFrame(ui, '1 of 45 VPNs');
    expect(frame).toContain('› Acme EU VPN 45');
    await press(ui, keys.enter);
    frame = await waitForFrame(ui, 'In which country');
    expect(frame).toContain('✓ VPN: Acme EU VPN 45');
  });

  it('moves down a long list by scrolling, keeping the highlighted VPN in view', async () => {
    const s = sandbox();
    const {ui} = startWizard(s, {credentials: credentialsOf(s.accounts.multi)});
    await waitForFrame(ui, '› Acme Europe (41001)');
    await press(ui, keys.enter);
    await waitForFrame(ui, '45 of 45 VPNs');
    for (let i = 0; i < 20; i++) await press(ui, keys.down);
    const frame = await waitForFrame(ui, '› Acme EU VPN 21');
    expect(frame).toMatch(/↑ \d+ more/);
    expect(frame).not.toContain('Acme EU VPN 01');
    // Fits 24 rows.
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('explains an uncovered country, then accepts a covered one', async () => {
    const {ui} = startWizard(sandbox());
    await waitForFrame(ui, '2 of 2 VPNs');
    await press(ui, keys.enter);
    await waitForFrame(ui, 'In which country');
    await type(ui, 'antarc');
    await waitForFrame(ui, '› Antarctica (AQ)');
    await press(ui, keys.enter);
    let frame = await waitForFrame(ui, 'not available in Antarctica');
    expect(frame).toMatch(/Business Talk Online\s+No/);
    expect(frame.replace(/\s+/g, ' ')).toContain('Pick another country');
    // Enter does not go on from an uncovered country: it goes back to the list.
    await press(ui, keys.enter);
    frame = await waitForFrame(ui, 'In which country');
    expect(frame).toContain('not covered');
    for (let i = 0; i < 6; i++) await press(ui, keys.backspace);
    frame = await chooseCountry(ui, 'DE', 'Germany');
    expect(frame).toContain('✓ Country: Germany (DE)');
    expect(frame).toContain('VOICESITE_IN_GERMANY');
  });

  it('prefetches the highlighted country, so choosing it does not ask the server again', async () => {
    const s = sandbox();
    const {ui} = startWizard(s);
    await waitForFrame(ui, '2 of 2 VPNs');
    await press(ui, keys.enter);
    await type(ui, 'spain');
    // The list marks the highlighted country once its coverage arrived in the background.
    await waitForFrame(ui, /› Spain \(ES\)\s+covered/);
    // From now on the server fails every coverage request: only the cache can show the table.
    s.injectFault({route: 'GET /countries/:iso2', status: 503, times: 1000});
    const before = ui.frames.length;
    await press(ui, keys.enter);
    const frame = await waitForFrame(ui, 'Business Talk Online is available in Spain');
    expect(frame).toMatch(/Business Talk Online\s+Yes/);
    expect(ui.frames.slice(before).some((f) => f.includes('Checking coverage'))).toBe(false);
  });
});
