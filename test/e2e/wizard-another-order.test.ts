/**
 * Support staff order many sites in a sitting: "n" on the done screen starts the next one with the
 * same credentials, customer, VPN and country, fresh names and reference, and every site of the run
 * is listed on exit. No keystroke may send an earlier order again.
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {keys, press, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {acceptSiteFields, chooseCountry, shownId, startWizard, toReview} from './wizard-harness.js';

afterEach(() => cleanup());

// One minute for the whole run: both orders get the same dated reference unless the wizard says otherwise.
const clock = () => new Date(2026, 10, 29, 14, 32).getTime();

describe('wizard: several sites in one run', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('orders a second site with "n" and Enter alone: free names, a new reference, both listed on exit', async () => {
    const s = sandbox();
    const {ui, exited} = startWizard(s, {clock});
    await toReview(ui);
    await press(ui, 's');
    let frame = await waitForFrame(ui, 'GET /voicesites lists the new site');
    const first = shownId(frame);
    expect(frame).toContain('1 site ordered in this run');
    expect(frame).toContain('n order another site');

    await press(ui, 'n');
    frame = await waitForFrame(ui, 'Name the site');
    // Credentials, customer, VPN and country kept; the first site is taken, so the defaults move on.
    expect(frame).toContain('✓ Customer: My Customer (9999)');
    expect(frame).toContain('✓ VPN: My VPN 1');
    expect(frame).toContain('✓ Country: France (FR)');
    expect(frame).toContain(`✓ Ordered in this run: 1 site: VOICESITE_IN_FRANCE (${first})`);
    expect(frame).toContain('Voicesite in France 2');
    expect(frame).toContain('VOICESITE_IN_FRANCE_2');
    expect(frame).toContain('btalk-20261129-1432-2');
    expect(frame).not.toContain('already exists');
    frame = await acceptSiteFields(ui);
    expect(frame).toContain('VOICESITE_IN_FRANCE_2');
    expect(s.counters.ordersCreated).toBe(1);

    await press(ui, 's');
    await waitForFrame(ui, '2 sites ordered in this run');
    await waitForFrame(ui, 'GET /voicesites lists the new site');
    const second = shownId(ui.lastFrame() ?? '');
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect(s.counters.ordersCreated).toBe(2);

    await press(ui, 'q');
    const exit = await exited;
    expect(exit.code).toBe(0);
    expect(exit.stream).toBe('stdout');
    expect(exit.reason.split('\n')).toEqual([
      `voiceSiteId: ${first}  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)`,
      `voiceSiteId: ${second}  (VOICESITE_IN_FRANCE_2, FR, My VPN 1, customer 9999)`,
    ]);
  });

  it('changes the VPN and the country of the next site with Esc', async () => {
    const s = sandbox();
    const {ui, exited} = startWizard(s, {clock});
    await toReview(ui);
    await press(ui, 's');
    const first = shownId(await waitForFrame(ui, /voiceSiteId\s+vs\S+/));
    await press(ui, 'n');
    await waitForFrame(ui, 'Name the site');
    await press(ui, keys.escape);
    let frame = await waitForFrame(ui, 'In which country');
    expect(frame).toContain('› France (FR)');
    await press(ui, keys.escape);
    frame = await waitForFrame(ui, 'Which VPN');
    expect(frame).toContain('› My VPN 1');
    await press(ui, keys.down);
    await press(ui, keys.enter);
    await waitForFrame(ui, 'In which country');
    frame = await chooseCountry(ui, 'DE', 'Germany');
    expect(frame).toContain('VOICESITE_IN_GERMANY');
    frame = await acceptSiteFields(ui);
    expect(frame).toContain('My VPN 2 (id 3a45b33edf3)');
    expect(frame).toContain('Germany (DE)');
    await press(ui, 's');
    const second = shownId(await waitForFrame(ui, '2 sites ordered in this run'));
    await press(ui, 'q');
    expect((await exited).reason.split('\n')).toEqual([
      `voiceSiteId: ${first}  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)`,
      `voiceSiteId: ${second}  (VOICESITE_IN_GERMANY, DE, My VPN 2, customer 9999)`,
    ]);
    expect(s.counters.ordersCreated).toBe(2);
  });

  it('after a lost answer on the second order, finds the second site, not the first', async () => {
    const s = sandbox();
    const {ui} = startWizard(s, {clock});
    await toReview(ui);
    await press(ui, 's');
    const first = shownId(await waitForFrame(ui, /voiceSiteId\s+vs\S+/));
    await press(ui, 'n');
    await waitForFrame(ui, 'VOICESITE_IN_FRANCE_2');
    await acceptSiteFields(ui);
    s.injectFault({route: 'POST /customers/:customerCode/orders', reset: 'after'});
    await press(ui, 's');
    const frame = await waitForFrame(ui, /the site exists[\s\S]*2 sites ordered in this run/);
    expect(frame).toContain('VOICESITE_IN_FRANCE_2');
    expect(shownId(frame)).not.toBe(first);
    expect(s.counters.ordersCreated).toBe(2);
  });

  it('Ctrl+C during the next site exits 130 and still leaves the delivered one listed', async () => {
    const {ui, exited} = startWizard(sandbox(), {clock});
    await toReview(ui);
    await press(ui, 's');
    const first = shownId(await waitForFrame(ui, /voiceSiteId\s+vs\S+/));
    await press(ui, 'n');
    await waitForFrame(ui, 'Name the site');
    await press(ui, keys.ctrlC);
    expect(await exited).toEqual({
      code: 130,
      stream: 'stderr',
      reason: 'Interrupted: nothing more was ordered.',
      summary: [`voiceSiteId: ${first}  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)`],
    });
  });
});
