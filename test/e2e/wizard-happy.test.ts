import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {keys, press, type, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {keychainError} from '../../src/secrets/keychain-errors.js';
import {NO_DBUS_MESSAGE} from '../secrets/no-dbus-keychain.js';
import {acceptSiteFields, shownId, startWizard, toReview} from './wizard-harness.js';

afterEach(() => cleanup());

describe('wizard against the emulator: one customer', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator({latencyMs: 20});

  it('reaches a voiceSiteId with Enter and typing alone, and leaves a summary line', async () => {
    const {ui, exited} = startWizard(sandbox());
    let frame = await waitForFrame(ui, '2 of 2 VPNs');
    expect(frame).toContain('Which VPN of My Customer');
    expect(frame).toContain('SANDBOX');
    expect(frame).toContain('✓ Access: rights profile admin');
    expect(frame).toContain('✓ Customer: My Customer (9999), the only customer of this key');
    await press(ui, keys.enter);
    await waitForFrame(ui, 'In which country');
    await type(ui, 'fra');
    await waitForFrame(ui, '› France (FR)');
    await press(ui, keys.enter);
    frame = await waitForFrame(ui, 'Business Talk Online is available in France');
    expect(frame).toMatch(/Business Talk Online\s+Yes/);
    expect(frame).toMatch(/DID number zone\s+Zone1/);
    await press(ui, keys.enter);
    frame = await waitForFrame(ui, 'Name the site');
    expect(frame).toContain('VOICESITE_IN_FRANCE');
    frame = await acceptSiteFields(ui);
    expect(frame).toContain('My VPN 1 (id aa76e66dfc63)');
    expect(frame).toContain('France (FR)');
    await press(ui, 'j');
    frame = await waitForFrame(ui, 'POST /customers/9999/orders');
    expect(frame).toContain('"technicalSiteName": "VOICESITE_IN_FRANCE"');
    expect(frame).toContain('"vpnId": "aa76e66dfc63"');
    expect(sandbox().counters.ordersCreated).toBe(0);

    // Enter twice: the second one lands on "submitting" and must not order again.
    await press(ui, keys.enter);
    await waitForFrame(ui, 'Sending the order for VOICESITE_IN_FRANCE');
    await press(ui, keys.enter);
    frame = await waitForFrame(ui, 'GET /voicesites lists the new site');
    const id = /voiceSiteId\s+(\S+)/.exec(frame)?.[1];
    expect(id).toBeTruthy();
    expect(sandbox().counters.ordersCreated).toBe(1);
    // One GET /voicesites at start (names taken) and one after the order, which both tells that
    // the site is listed and refreshes the taken names.
    expect(sandbox().counters.byRoute['GET /voicesites']).toBe(2);

    await press(ui, 'q');
    const exit = await exited;
    expect(exit.code).toBe(0);
    expect(exit.stream).toBe('stdout');
    expect(exit.reason).toBe(`voiceSiteId: ${id}  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)`);
  });

  it('asks for credentials when there are none, and saves them only once the access check passed', async () => {
    const s = sandbox();
    const w = startWizard(s, {credentials: undefined});
    await waitForFrame(w.ui, 'Client ID');
    await type(w.ui, s.demo.clientId);
    await press(w.ui, keys.enter);
    await type(w.ui, 'not-the-secret');
    await press(w.ui, keys.enter);
    await press(w.ui, s.demo.apiKey);
    await press(w.ui, keys.enter);
    let frame = await waitForFrame(w.ui, /✗/);
    expect(w.saved).toEqual([]);
    expect(frame).not.toContain('not-the-secret');
    expect(frame).toMatch(/Request id: \S+/);
    // What was typed is still there (the key masked); only the refused secret is to retype.
    expect(frame).toContain(`Client ID      ${s.demo.clientId}`);
    expect(frame).toContain('40/40');
    expect(frame).toMatch(/› Client secret *\n/);

    await press(w.ui, s.demo.clientSecret);
    await press(w.ui, keys.enter);
    await waitForFrame(w.ui, /› API key/);
    await press(w.ui, keys.enter);
    frame = await waitForFrame(w.ui, 'Which VPN of My Customer');
    expect(w.saved).toEqual([{clientId: s.demo.clientId, clientSecret: s.demo.clientSecret, apiKey: s.demo.apiKey}]);
    expect(frame).not.toContain(s.demo.clientSecret);
    expect(frame).toContain('✓ Credentials: checked and saved');
  });

  it('without a keychain, says typed credentials serve this run only, then still reaches a voiceSiteId', async () => {
    const s = sandbox();
    const keychainProblem = keychainError(new Error(NO_DBUS_MESSAGE), 'linux');
    const w = startWizard(s, {credentials: undefined, keychainProblem});
    let frame = await waitForFrame(w.ui, 'Client ID');
    const flat = frame.replace(/\s+/g, ' ');
    expect(flat).toContain('No OS keychain, so the credentials are used for this run only.');
    expect(flat).toContain('No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): this looks like an SSH or headless session');
    expect(flat).toContain('Next: Run btalk under `dbus-run-session -- bash`');
    expect(flat).not.toContain('Platform failure');
    await type(w.ui, s.demo.clientId);
    await press(w.ui, keys.enter);
    await type(w.ui, s.demo.clientSecret);
    await press(w.ui, keys.enter);
    await press(w.ui, s.demo.apiKey);
    await press(w.ui, keys.enter);
    frame = await waitForFrame(w.ui, 'Which VPN of My Customer');
    expect(w.saved).toEqual([]);
    expect(frame).toMatch(/Could not save the credentials .*they\s+are\s+used\s+for\s+this\s+run\s+only/s);
    await toReview(w.ui);
    await press(w.ui, 's');
    frame = await waitForFrame(w.ui, 'voiceSiteId');
    expect(shownId(frame)).toMatch(/^vs/);
    expect(s.counters.ordersCreated).toBe(1);
  });
});
