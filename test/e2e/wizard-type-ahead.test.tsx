/**
 * Type-ahead: keys typed while the wizard shows a wait ("Checking access…", a coverage check)
 * reach the first screen that takes them, in order, as a terminal's type-ahead does; Ctrl+C still
 * acts at once; a screen that says the wait went wrong drops them; keys typed while the order is
 * sent act on nothing. The whole wizard, keys through the key-paced stdin as in `btalk`, against
 * the emulator, each wait held open by the test until it lets the answer through.
 */
import React from 'react';
import {describe, expect, it} from 'vitest';
import type {BusinessTalkApi} from '../../src/api/types.js';
import {BtalkError} from '../../src/errors.js';
import {givenAnswers, type GivenAnswers} from '../../src/flow/given.js';
import {App} from '../../src/ui/app.js';
import {themeFor} from '../../src/ui/theme.js';
import type {WizardExit} from '../../src/ui/wizard-deps.js';
import {useEmulator} from '../helpers/emulator.js';
import {keys, press, renderPaced, type, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {startTestFlow} from '../helpers/wizard-flow.js';
import {acceptSiteFields, chooseCountry, credentialsOf, emulatorSession, type WizardOptions} from './wizard-harness.js';

/** An answer held back until `open` (or `fail`) is called: the screen waits as long as the test needs. */
function gate() {
  let open: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const opened = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return {opened, open: () => open(), fail: (error: Error) => fail(error)};
}

/** `laterVpnPages`: the VPN pages after the first are asked for once it settles. */
type Held = Partial<Record<'me' | 'country' | 'orderVoicesite' | 'laterVpnPages', Promise<void>>>;

/** The wizard on the emulator's demo account (or `options.credentials`'); each call named in `held` waits for its promise. */
function wizard(sandbox: ReturnType<ReturnType<typeof useEmulator>>, held: Held, options: Pick<WizardOptions, 'credentials' | 'client'> & {given?: GivenAnswers} = {}) {
  const wrapApi = (api: BusinessTalkApi): BusinessTalkApi => ({
    ...api,
    me: async (options) => {
      await held.me;
      return api.me(options);
    },
    vpns: (code, options) => api.vpns(code, held.laterVpnPages ? {...options, laterPages: Promise.all([options?.laterPages, held.laterVpnPages])} : options),
    country: async (iso2, options) => {
      await held.country;
      return api.country(iso2, options);
    },
    orderVoicesite: async (code, order, options) => {
      await held.orderVoicesite;
      return api.orderVoicesite(code, order, options);
    },
  });
  const exits: WizardExit[] = [];
  const session = emulatorSession(sandbox, {...options, wrapApi});
  const flow = startTestFlow(session, options.given ? {given: options.given} : {});
  const ui = renderPaced(<App session={session} clock={() => Date.now()} theme={themeFor({NO_COLOR: '1'})} onExit={(exit) => exits.push(exit)} flow={flow} />);
  return {ui, exits};
}

/** Lets the key stream take in what was written (a PassThrough delivers on a later tick). */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 50));

/** The large account, 10 VPNs a page, its later pages held: "VPN 00015", Enter, "fr" typed during the access check, which then ends. */
async function typedAheadOnLargeList(s: ReturnType<ReturnType<typeof useEmulator>>) {
  s.settings.pageCap = 10;
  const me = gate();
  const later = gate();
  const {ui} = wizard(s, {me: me.opened, laterVpnPages: later.opened}, {credentials: credentialsOf(s.accounts.large)});
  await waitForFrame(ui, 'Checking access');
  ui.write(`VPN 00015${keys.enter}fr`);
  await delivered();
  me.open();
  return {ui, later};
}

/** The wizard at "Checking coverage in <name>" (the first VPN, then `code` typed and chosen), the coverage's answer held. */
async function atCoverageCheck(sandbox: ReturnType<ReturnType<typeof useEmulator>>, code: string, name: string) {
  const coverage = gate();
  const {ui} = wizard(sandbox, {country: coverage.opened});
  await waitForFrame(ui, '2 of 2 VPNs');
  await press(ui, keys.enter);
  await type(ui, code);
  await press(ui, keys.enter);
  await waitForFrame(ui, `Checking coverage in ${name}`);
  return {ui, coverage};
}

describe('wizard: keys typed ahead of the screen that takes them', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('Down, Enter typed during "Checking access" choose on the VPN list; the keys after Enter filter the countries', async () => {
    const me = gate();
    const {ui} = wizard(sandbox(), {me: me.opened});
    await waitForFrame(ui, 'Checking access');
    ui.write(keys.down);
    ui.write(keys.enter);
    ui.write('fr');
    await delivered();
    expect(ui.lastFrame()).toContain('Checking access');
    me.open();
    const frame = await waitForFrame(ui, /Filter: fr\b/u);
    expect(frame).toContain('✓ VPN: My VPN 2');
    expect(frame).toContain('› France (FR)');
  });

  it('Down, Down, Enter typed during the check choose the third VPN of a list whose later pages are still loading', async () => {
    const s = sandbox();
    // The large account's 10,000 VPNs, 10 a page; the second page never answers.
    s.settings.pageCap = 10;
    s.injectFault({route: 'GET /customers/:code/vpns', query: {offset: '10'}, stall: true, times: 1000});
    const me = gate();
    const {ui} = wizard(s, {me: me.opened}, {credentials: credentialsOf(s.accounts.large), client: {timeoutMs: 60_000, attemptTimeoutMs: 30_000}});
    await waitForFrame(ui, 'Checking access');
    ui.write(`${keys.down}${keys.down}${keys.enter}`);
    await delivered();
    me.open();
    const frame = await waitForFrame(ui, 'In which country');
    expect(frame).toContain('✓ VPN: Large VPN 00003');
    expect(ui.frames.join('\n')).toContain('Still loading: 10 of 10,000 VPNs loaded');
  });

  it('an Enter typed ahead with a filter that matches nothing in yet waits for the row it finds; the keys after it go to the next screen', async () => {
    const {ui, later} = await typedAheadOnLargeList(sandbox());
    let frame = await waitForFrame(ui, 'Enter: the first VPN that matches "VPN 00015" is chosen once it is in');
    expect(frame).toContain('Still loading: 10 of 10,000 VPNs loaded');
    later.open();
    frame = await waitForFrame(ui, /Filter: fr\b/u);
    expect(frame).toContain('✓ VPN: Large VPN 00015');
  });

  it('Esc lets go of an Enter held for a row not in yet, and the list takes keys again', async () => {
    const s = sandbox();
    s.settings.pageCap = 10;
    const later = gate();
    const {ui} = wizard(s, {laterVpnPages: later.opened}, {credentials: credentialsOf(s.accounts.large)});
    await waitForFrame(ui, 'Still loading: 10 of 10,000 VPNs loaded');
    await type(ui, 'VPN 00015');
    await press(ui, keys.enter);
    await waitForFrame(ui, 'is chosen once it is in');
    await press(ui, keys.escape);
    await waitForFrame(ui, 'None of the 10 VPNs in so far match "VPN 00015"');
    await press(ui, keys.backspace);
    await waitForFrame(ui, /Filter: VPN 0001\b/u);
    later.open();
    // The row comes in, and nothing chooses it: the Enter was let go.
    await waitForFrame(ui, '› Large VPN 00010');
    expect(ui.lastFrame()).toContain('Which VPN');
  });

  it('Esc lets go of a held Enter with keys typed after it waiting: they are dropped, and the row that comes in is not chosen', async () => {
    const {ui, later} = await typedAheadOnLargeList(sandbox());
    await waitForFrame(ui, 'is chosen once it is in (Esc: not yet)');
    // What the screen offers: Esc, pressed now, behind the "fr" that waits for the next screen.
    ui.write(keys.escape);
    await waitForFrame(ui, 'None of the 10 VPNs in so far match "VPN 00015"');
    later.open();
    await waitForFrame(ui, '› Large VPN 00015');
    await delivered();
    const frame = ui.lastFrame();
    expect(frame).toContain('Which VPN');
    expect(frame).toMatch(/Filter: VPN 00015\s/u);
    expect(frame).not.toContain('In which country');
  });

  it('with --vpn given, a list still loading is not offered: Down, Down, Enter typed meanwhile do not choose another VPN', async () => {
    const s = sandbox();
    s.settings.pageCap = 1000;
    const me = gate();
    const later = gate();
    const {ui} = wizard(s, {me: me.opened, laterVpnPages: later.opened}, {credentials: credentialsOf(s.accounts.large), given: givenAnswers({vpn: '1'}, new Date())});
    await waitForFrame(ui, 'Checking access');
    ui.write(`${keys.down}${keys.down}${keys.enter}`);
    await delivered();
    me.open();
    await waitForFrame(ui, 'Loading VPNs of Large Customer');
    await delivered();
    expect(ui.lastFrame()).not.toContain('Large VPN 00002');
    later.open();
    const frame = await waitForFrame(ui, 'In which country');
    expect(frame).toContain('✓ VPN: Large VPN 00001');
    expect(ui.frames.join('\n')).not.toContain('Still loading');
  });

  it('a --vpn that fits no VPN opens the list saying why, and drops the keys typed meanwhile: Down, Enter do not choose past the reason', async () => {
    const me = gate();
    const {ui} = wizard(sandbox(), {me: me.opened}, {given: givenAnswers({vpn: 'My VPN 9', country: 'FR'}, new Date())});
    await waitForFrame(ui, 'Checking access');
    ui.write(`${keys.down}${keys.enter}`);
    await delivered();
    me.open();
    await waitForFrame(ui, '--vpn "My VPN 9"');
    await delivered();
    const frame = ui.lastFrame();
    expect(frame).toContain('Which VPN');
    expect(frame).toContain('› My VPN 1');
    // Keys typed once the reason is on screen are the list's.
    await press(ui, keys.down);
    await waitForFrame(ui, '› My VPN 2');
  });

  it('a held Enter whose list then fails is let go, and the keys typed after it are dropped, not typed into the filter', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /customers/:code/vpns', query: {offset: '10'}, status: 500, json: {code: 1, message: 'Internal error'}, times: 1000});
    const {ui, later} = await typedAheadOnLargeList(s);
    await waitForFrame(ui, 'is chosen once it is in');
    later.open();
    let frame = await waitForFrame(ui, 'The list is incomplete');
    await delivered();
    frame = ui.lastFrame();
    expect(frame).toMatch(/Filter: VPN 00015\s/u);
    expect(frame).toContain('None of the 10 VPNs read match "VPN 00015"');
    // The list takes the keys typed on it.
    await press(ui, keys.backspace);
    await waitForFrame(ui, /Filter: VPN 0001\s/u);
  });

  it('an Enter typed while the coverage is checked waits for it, then continues to the names', async () => {
    const coverage = gate();
    const {ui} = wizard(sandbox(), {country: coverage.opened});
    await waitForFrame(ui, '2 of 2 VPNs');
    await press(ui, keys.enter);
    await type(ui, 'FR');
    await waitForFrame(ui, '› France (FR)');
    // Choose France, then "continue" at once, in one read.
    ui.write(`${keys.enter}${keys.enter}`);
    await waitForFrame(ui, 'Checking coverage in France');
    await delivered();
    coverage.open();
    await waitForFrame(ui, 'Name the site');
  });

  it('a country found not covered drops the keys typed while its coverage was read: the Enter and names meant for later stay on the explanation', async () => {
    const {ui, coverage} = await atCoverageCheck(sandbox(), 'AQ', 'Antarctica');
    ui.write(`${keys.enter}Paris`);
    await delivered();
    coverage.open();
    await waitForFrame(ui, 'not available in Antarctica');
    await delivered();
    const frame = ui.lastFrame();
    expect(frame).toContain('not available in Antarctica');
    expect(frame).not.toContain('Filter: Paris');
    // A key pressed on it now is its own: Enter goes back to pick another.
    await press(ui, keys.enter);
    await waitForFrame(ui, 'In which country');
  });

  it('Esc still leaves the coverage check while it waits', async () => {
    const {ui, coverage} = await atCoverageCheck(sandbox(), 'FR', 'France');
    await press(ui, keys.escape);
    await waitForFrame(ui, 'In which country');
    coverage.open();
  });

  it('Ctrl+C typed ahead acts at once, before the check ends', async () => {
    const me = gate();
    const {ui, exits} = wizard(sandbox(), {me: me.opened});
    await waitForFrame(ui, 'Checking access');
    ui.write(`${keys.down}${keys.down}${keys.ctrlC}`);
    const started = Date.now();
    while (exits.length === 0 && Date.now() - started < 30_000) await delivered();
    expect(exits[0]?.code).toBe(130);
    me.open();
  });

  it('drops them when the check fails: Down, Down, Enter do not choose Quit on its menu', async () => {
    const me = gate();
    const {ui, exits} = wizard(sandbox(), {me: me.opened});
    await waitForFrame(ui, 'Checking access');
    ui.write(`${keys.down}${keys.down}${keys.enter}`);
    await delivered();
    me.fail(new BtalkError('network', 'The API did not answer.'));
    let frame = await waitForFrame(ui, 'The access check failed');
    expect(frame).toContain('› Try again');
    await delivered();
    expect(exits).toEqual([]);
    // Keys typed on the menu itself act.
    await press(ui, keys.down);
    frame = await waitForFrame(ui, '› Enter other credentials');
    expect(exits).toEqual([]);
  });

  it('keys typed while the order is sent act on nothing: "q" does not leave the done screen', async () => {
    const order = gate();
    const {ui, exits} = wizard(sandbox(), {orderVoicesite: order.opened});
    await waitForFrame(ui, '2 of 2 VPNs');
    await press(ui, keys.enter);
    await chooseCountry(ui, 'FR', 'France');
    await acceptSiteFields(ui);
    await press(ui, 's');
    await waitForFrame(ui, 'Sending the order');
    ui.write('q');
    await delivered();
    order.open();
    await waitForFrame(ui, /voiceSiteId\s+vs/u);
    await delivered();
    expect(exits).toEqual([]);
    // The done screen's own keys still act.
    await press(ui, 'q');
    const started = Date.now();
    while (exits.length === 0 && Date.now() - started < 30_000) await delivered();
    expect(exits[0]?.code).toBe(0);
  });
});
