import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Command} from 'commander';
import {registerWizard} from '../../src/commands/wizard.js';
import {keys, press, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, testSessions} from '../helpers/session.js';
import {startWizard} from './wizard-harness.js';

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

  it('during the order POST, says the order was sent and may exist, and does not wait for its answer', async () => {
    const s = sandbox();
    const orders: Array<Promise<unknown>> = [];
    const w = startWizard(s, {
      wrapApi: (api) => ({
        ...api,
        orderVoicesite: (...args) => {
          const sent = api.orderVoicesite(...args);
          orders.push(sent);
          return sent;
        },
      }),
    });
    await waitForFrame(w.ui, '2 of 2 VPNs');
    await press(w.ui, keys.enter);
    await press(w.ui, 'F');
    await press(w.ui, 'R');
    await waitForFrame(w.ui, '› France (FR)');
    await press(w.ui, keys.enter);
    await waitForFrame(w.ui, 'available in France');
    await press(w.ui, keys.enter);
    await waitForFrame(w.ui, 'Name the site');
    for (let i = 0; i < 3; i++) await press(w.ui, keys.enter);
    await waitForFrame(w.ui, 'Review the order');
    // The answer would come only after the test's own timeout: the Ctrl+C cannot miss it.
    s.injectFault({route: 'POST /customers/:customerCode/orders', delayMs: 10 * WIZARD_TEST_TIMEOUT_MS});
    await press(w.ui, keys.enter);
    await waitForFrame(w.ui, 'Sending the order');
    await press(w.ui, keys.ctrlC);
    const exit = await w.exited;
    expect(exit.code).toBe(130);
    expect(exit.reason).toContain('the order WAS sent and may have been created');
    expect(exit.reason).toContain('btalk voicesites');
    // Once the wizard is gone (unmounted, then its flow stopped, as commands/wizard.tsx does), the
    // request is dropped rather than keeping the terminal waiting.
    w.ui.unmount();
    w.flow.stop();
    expect(orders).toHaveLength(1);
    await expect(orders[0]).rejects.toMatchObject({kind: 'cancelled'});
  });
});
