import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {keys, press, type, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import type {FaultSpec} from '../../src/emulator/types.js';
import {useEmulator} from '../helpers/emulator.js';
import type {WizardUnderTest} from './wizard-harness.js';
import {acceptSiteFields, chooseCountry, credentialsOf, startWizard, toReview} from './wizard-harness.js';

afterEach(() => cleanup());

describe('wizard: going back, refusals and failures', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('goes back with Esc step by step, keeping every answer, and forward again', async () => {
    const s = sandbox();
    const {ui} = startWizard(s);
    await waitForFrame(ui, '2 of 2 VPNs');
    await press(ui, keys.down);
    await press(ui, keys.enter);
    await chooseCountry(ui, 'FR', 'France');
    // Typing "FR" may prefetch the coverage of a country highlighted after "F" on a slow
    // machine; what matters is that going back and forth asks for no coverage again.
    const coverageReads = s.counters.byRoute['GET /countries/:iso2'];
    expect(coverageReads).toBeGreaterThanOrEqual(1);
    // A label of our own: the technical name follows it.
    await press(ui, '\u0015');
    await type(ui, 'Lyon office');
    await waitForFrame(ui, 'LYON_OFFICE');
    let frame = await acceptSiteFields(ui);
    expect(frame).toContain('My VPN 2 (id 3a45b33edf3)');

    await press(ui, keys.escape);
    frame = await waitForFrame(ui, 'Name the site');
    expect(frame).toContain('Lyon office');
    await press(ui, keys.escape);
    frame = await waitForFrame(ui, 'In which country');
    expect(frame).toContain('› France (FR)');
    await press(ui, keys.escape);
    frame = await waitForFrame(ui, 'Which VPN');
    expect(frame).toContain('› My VPN 2');

    // Forward again with Enter alone: every answer is still there.
    await press(ui, keys.enter);
    await waitForFrame(ui, '› France (FR)');
    await press(ui, keys.enter);
    await waitForFrame(ui, 'Business Talk Online is available in France');
    await press(ui, keys.enter);
    frame = await waitForFrame(ui, 'Name the site');
    expect(frame).toContain('Lyon office');
    expect(frame).toContain('LYON_OFFICE');
    frame = await acceptSiteFields(ui);
    expect(frame).toContain('LYON_OFFICE');
    expect(frame).toContain('My VPN 2 (id 3a45b33edf3)');
    // France's coverage came from the cache the second time.
    expect(s.counters.byRoute['GET /countries/:iso2']).toBe(coverageReads);
    expect(s.counters.ordersCreated).toBe(0);
  });

  it('edits one step from the review and comes back to it with the other answers kept', async () => {
    const {ui} = startWizard(sandbox());
    await toReview(ui);
    await press(ui, 'v');
    await waitForFrame(ui, '› My VPN 1');
    await press(ui, keys.down);
    await press(ui, keys.enter);
    // Straight back to the review: country, coverage and names are not asked again.
    const frame = await waitForFrame(ui, 'Review the order');
    expect(frame).toContain('My VPN 2 (id 3a45b33edf3)');
    expect(frame).toContain('France (FR)');
    expect(frame).toContain('VOICESITE_IN_FRANCE');
  });

  it('stops a read-only key at the access step and says how to get one that can order', async () => {
    const s = sandbox();
    const w: WizardUnderTest = startWizard(s, {credentials: credentialsOf(s.accounts.demoReadonly)});
    const frame = await waitForFrame(w.ui, 'read-only');
    expect(frame).toContain('rights profile "readonly"');
    expect(frame).toContain('Business Talk Online portal');
    expect(frame).toContain('Developer tab');
    expect(frame).toContain('Enter other credentials');
    await press(w.ui, 'q');
    const exit = await w.exited;
    expect(exit.code).toBe(1);
    expect(exit.reason).toContain('nothing was ordered');
    expect(s.counters.ordersCreated).toBe(0);
  });

  /** To the review on the demo account, then Enter, with `fault` on the order POST. */
  async function submitWith(fault: Omit<FaultSpec, 'route'>) {
    const s = sandbox();
    const wizard = startWizard(s);
    await toReview(wizard.ui);
    s.injectFault({route: 'POST /customers/:customerCode/orders', ...fault});
    await press(wizard.ui, keys.enter);
    return {s, ...wizard};
  }

  it('shows the site when the order was created but its answer was lost, without ordering twice', async () => {
    const {s, ui} = await submitWith({reset: 'after'});
    const frame = await waitForFrame(ui, /voiceSiteId\s+\S+/);
    expect(frame).toContain('the site exists');
    expect(frame).toContain('VOICESITE_IN_FRANCE');
    await waitForFrame(ui, 'GET /voicesites lists the new site');
    expect(s.counters.ordersCreated).toBe(1);
  });

  it('after a lost answer and a re-check window that finds nothing, says the order may still be processing and never offers a blind resend', async () => {
    const {s, ui} = await submitWith({reset: 'before'});
    const frame = await waitForFrame(ui, 'The order did not go through');
    expect(frame.replace(/\s+/g, ' ')).toContain('may still be processing');
    expect(frame).not.toContain('NOT created');
    expect(frame).not.toContain('Send the order again');
    expect(frame).toContain('Check again');
    expect(s.counters.ordersCreated).toBe(0);
    expect(s.counters.byRoute['POST /customers/:customerCode/orders']).toBe(1);
  });

  const POST = 'POST /customers/:customerCode/orders';

  it('"Send again" after a slow POST that landed late: the fresh check finds the site, reports it created, and sends nothing', async () => {
    const s = sandbox();
    // The POST gives up after 0.3 s; the site is created 3 s in, after the short re-check window.
    const {ui} = startWizard(s, {client: {orderTimeoutMs: 300}, recheck: {windowMs: 400, firstDelayMs: 50, maxDelayMs: 200}});
    await toReview(ui);
    s.injectFault({route: POST, delayMs: 3_000});
    await press(ui, keys.enter);
    let frame = await waitForFrame(ui, 'Nobody knows yet whether VOICESITE_IN_FRANCE was created');
    expect(frame).toContain('› Check again whether VOICESITE_IN_FRANCE exists (r)');
    expect(frame.replace(/\s+/g, ' ')).toContain('Send again: checks the whole list first; sends only if VOICESITE_IN_FRANCE is not there (s)');
    await expect.poll(() => s.counters.ordersCreated, {timeout: 15_000}).toBe(1);
    await press(ui, 's');
    frame = await waitForFrame(ui, /voiceSiteId\s+\S+/);
    expect(frame).toContain('the site exists');
    await waitForFrame(ui, 'GET /voicesites lists the new site');
    expect(s.counters.ordersCreated).toBe(1);
    expect(s.counters.byRoute[POST]).toBe(1);
  });

  it('"Send again" after a POST lost without creating anything: one more complete check, then exactly one more POST', async () => {
    const {s, ui} = await submitWith({reset: 'before'});
    await waitForFrame(ui, 'Nobody knows yet whether VOICESITE_IN_FRANCE was created');
    // "Check again" proves nothing either way: still unknown, still no blind resend.
    await press(ui, 'r');
    let frame = await waitForFrame(ui, 'read again in full, does not list VOICESITE_IN_FRANCE');
    expect(frame).not.toContain('NOT created');
    expect(frame).toContain('Send again: checks');
    expect(s.counters.byRoute[POST]).toBe(1);
    const reads = s.counters.byRoute['GET /voicesites'] ?? 0;
    await press(ui, 's');
    frame = await waitForFrame(ui, /voiceSiteId\s+\S+/);
    expect(frame).not.toContain('the site exists');
    expect(s.counters.byRoute[POST]).toBe(2);
    expect(s.counters.ordersCreated).toBe(1);
    // The whole list was read before that POST.
    expect(s.counters.byRoute['GET /voicesites'] ?? 0).toBeGreaterThan(reads);
  });

  it('"Send again" when the list cannot be read: nothing is sent, and the screen says so', async () => {
    const {s, ui} = await submitWith({reset: 'before'});
    await waitForFrame(ui, 'Nobody knows yet whether VOICESITE_IN_FRANCE was created');
    s.injectFault({route: 'GET /voicesites', status: 500, times: 100});
    await press(ui, 's');
    const frame = await waitForFrame(ui, 'Nothing was sent again');
    expect(frame).toContain('Nobody knows yet whether VOICESITE_IN_FRANCE was created');
    expect(s.counters.byRoute[POST]).toBe(1);
    expect(s.counters.ordersCreated).toBe(0);
  });

  it('shows the API message, code and request id of a refused order, with retry, edit and quit', async () => {
    const {ui, exited} = await submitWith({status: 400, json: {code: 27, message: 'Invalid body field', description: 'customerSiteLabel is refused'}});
    const frame = await waitForFrame(ui, 'The order did not go through');
    expect(frame).toContain('code 27');
    expect(frame).toContain('customerSiteLabel is refused');
    expect(frame).toMatch(/Request id: \S+/);
    expect(frame).toContain('Nothing was created for VOICESITE_IN_FRANCE');
    expect(frame).not.toMatch(/at .*\.js:\d+/);
    await press(ui, 'q');
    expect((await exited).code).toBe(1);
  });
});

describe('wizard: token expiry', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  // The emulator's clock moves on its own; the client still believes its token is fresh.
  let serverNow = Date.now();
  const sandbox = useEmulator(() => ({clock: () => serverNow, settings: {tokenLifetimeSeconds: 60}}));

  it('keeps going when the access token expires in the middle', async () => {
    serverNow = Date.now();
    const s = sandbox();
    const {ui} = startWizard(s);
    await waitForFrame(ui, '2 of 2 VPNs');
    const first = s.counters.tokenRequests;
    serverNow += 5 * 60_000;
    await press(ui, keys.enter);
    await chooseCountry(ui, 'FR', 'France');
    expect(s.counters.tokenRequests).toBe(first + 1);
    await acceptSiteFields(ui);
    serverNow += 5 * 60_000;
    await press(ui, keys.enter);
    // The order POST refused for its token is never replayed: the token is renewed, the person resends.
    await waitForFrame(ui, 'the order was not sent again');
    expect(s.counters.ordersCreated).toBe(0);
    expect(s.counters.tokenRequests).toBe(first + 2);
    await press(ui, 'r');
    await waitForFrame(ui, 'GET /voicesites lists the new site');
    expect(s.counters.ordersCreated).toBe(1);
    expect(s.counters.byRoute['POST /customers/:customerCode/orders']).toBe(2);
  });
});
