import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Command} from 'commander';
import {registerWizard} from '../../src/commands/wizard.js';
import {keys, press, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, testSessions} from '../helpers/session.js';
import type {ClientOptions} from '../../src/api/types.js';
import type {RunningEmulator} from '../../src/emulator/types.js';
import type {InterruptSignal} from '../../src/errors.js';
import type {OrderAttempt} from '../../src/journal/entry.js';
import type {RecheckSettings} from '../../src/order/place-order.js';
import {startWizard, toReview} from './wizard-harness.js';

afterEach(() => cleanup());

describe('btalk (the wizard command)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  it('does not start without a terminal: exit 2, naming btalk order and its flags', async () => {
    const setup = await testSessions({interactive: false});
    const ctx = commandContext(setup, {sandbox: true});
    const program = new Command().exitOverride();
    registerWizard(program, ctx);
    await program.parseAsync([], {from: 'user'});
    expect(ctx.exitCode()).toBe(2);
    const err = setup.runtime.err();
    expect(err).toContain('needs a terminal');
    // The command to copy keeps the flags of this run: here the emulator, not the real API.
    expect(err).toContain('btalk order --sandbox');
    for (const flag of ['--customer', '--vpn', '--country', '--site-name', '--label', '--reference', '--yes']) expect(err).toContain(flag);
    expect(setup.runtime.out()).toBe('');
  });

  it('quotes the flags it keeps, so the command to copy is the one meant', async () => {
    const setup = await testSessions({interactive: false});
    const ctx = commandContext(setup, {profile: 'bad name', baseUrl: 'https://api.example.com/x?a=1&b=2'});
    const program = new Command().exitOverride();
    registerWizard(program, ctx);
    await program.parseAsync([], {from: 'user'});
    const err = setup.runtime.err();
    expect(err).toContain(`btalk order --profile 'bad name' --base-url 'https://api.example.com/x?a=1&b=2' --customer`);
  });
});

describe('wizard: Ctrl+C', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('exits with 130 before the order, saying nothing was ordered', async () => {
    const w = startWizard(sandbox());
    await waitForFrame(w.ui, '2 of 2 VPNs');
    await press(w.ui, keys.ctrlC);
    const exit = await w.exited;
    expect(exit.code).toBe(130);
    expect(exit.reason).toBe('Interrupted: nothing was ordered.');
  });

  /** The wizard at the review, its order POSTs and journal lines recorded, its interrupts in the test's hands. */
  async function atReview(s: RunningEmulator, options: {client?: Partial<ClientOptions>; recheck?: RecheckSettings} = {}) {
    const orders: Array<Promise<unknown>> = [];
    const journal: OrderAttempt[] = [];
    let interrupt: ((signal: InterruptSignal) => void) | undefined;
    const w = startWizard(s, {
      ...options,
      wrapApi: (api) => ({
        ...api,
        orderVoicesite: (...args) => {
          const sent = api.orderVoicesite(...args);
          orders.push(sent);
          sent.catch(() => undefined);
          return sent;
        },
      }),
      recordOrder: async (attempt) => {
        journal.push(attempt);
      },
      onInterrupt: (handler) => {
        interrupt = handler;
        return () => (interrupt = undefined);
      },
    });
    await toReview(w.ui);
    return {w, orders, journal, signal: (name: InterruptSignal) => interrupt?.(name)};
  }

  it('during the order POST: says at once it waits for the answer, does not cancel the POST, then prints the voiceSiteId and exits 130', async () => {
    const s = sandbox();
    const {w, orders, journal} = await atReview(s);
    // Long enough that the Ctrl+C surely comes while the POST is on its way, short enough to wait for.
    s.injectFault({route: 'POST /customers/:customerCode/orders', delayMs: 1500});
    await press(w.ui, keys.enter);
    await waitForFrame(w.ui, 'Sending the order');
    await press(w.ui, keys.ctrlC);
    const frame = await waitForFrame(w.ui, 'Ctrl+C: the order is on its way; waiting for its answer');
    expect(frame.replace(/\s+/g, ' ')).toContain('so it is never sent twice, then saying what happened.');
    // Said while the POST was still unanswered: nothing created yet, the wizard still there.
    expect(s.counters.ordersCreated).toBe(0);
    // A second Ctrl+C while waiting changes nothing (as in btalk order): the answer is still awaited.
    await press(w.ui, keys.ctrlC);
    expect(w.ui.lastFrame()).toContain('waiting for its answer');
    const exit = await w.exited;
    expect(orders).toHaveLength(1);
    const answer = (await orders[0]) as {voiceSiteId: string};
    expect(s.counters.ordersCreated).toBe(1);
    expect(exit.code).toBe(130);
    expect(exit.stream).toBe('stderr');
    expect(exit.summary).toEqual([`voiceSiteId: ${answer.voiceSiteId}  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)`]);
    expect(exit.reason).toBe(`Interrupted (Ctrl+C) while the order for VOICESITE_IN_FRANCE was on its way; waited for its answer: the order was delivered, voiceSiteId ${answer.voiceSiteId}.`);
    expect(journal).toEqual([expect.objectContaining({outcome: 'ordered', voiceSiteId: answer.voiceSiteId, technicalSiteName: 'VOICESITE_IN_FRANCE'})]);
  });

  it('SIGTERM during the order POST: the same wait, then exit 143', async () => {
    const s = sandbox();
    const {w, orders, signal} = await atReview(s);
    s.injectFault({route: 'POST /customers/:customerCode/orders', delayMs: 1500});
    await press(w.ui, keys.enter);
    await waitForFrame(w.ui, 'Sending the order');
    signal('SIGTERM');
    await waitForFrame(w.ui, 'SIGTERM: the order is on its way; waiting for its answer');
    expect(s.counters.ordersCreated).toBe(0);
    const exit = await w.exited;
    const answer = (await orders[0]) as {voiceSiteId: string};
    expect(exit.code).toBe(143);
    expect(exit.summary).toEqual([expect.stringContaining(`voiceSiteId: ${answer.voiceSiteId}`)]);
    expect(exit.reason).toContain('Interrupted (SIGTERM)');
  });

  it('the POST past its bound after a Ctrl+C: the search for it is cut short, its outcome said as unknown, exit 130', async () => {
    const s = sandbox();
    // A re-check window far longer than the test: only the interrupt can end the search this soon.
    const {w, journal} = await atReview(s, {client: {orderTimeoutMs: 800}, recheck: {windowMs: 10 * WIZARD_TEST_TIMEOUT_MS, firstDelayMs: 10 * WIZARD_TEST_TIMEOUT_MS, maxDelayMs: 10 * WIZARD_TEST_TIMEOUT_MS}});
    s.injectFault({route: 'POST /customers/:customerCode/orders', delayMs: 10 * WIZARD_TEST_TIMEOUT_MS});
    await press(w.ui, keys.enter);
    await waitForFrame(w.ui, 'Sending the order');
    await press(w.ui, keys.ctrlC);
    await waitForFrame(w.ui, 'waiting for its answer');
    const exit = await w.exited;
    expect(exit.code).toBe(130);
    expect(exit.reason).toMatch(/^Interrupted \(Ctrl\+C\) while the order for VOICESITE_IN_FRANCE was on its way; waited for its answer:\n/);
    expect(exit.reason).toContain('the search was stopped after 1 check of GET /voicesites');
    expect(exit.reason).toContain('may have been created: run "btalk voicesites"');
    expect(s.counters.ordersCreated).toBe(0);
    expect(journal).toEqual([expect.objectContaining({outcome: 'unknown'})]);
  });
});
