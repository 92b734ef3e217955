/**
 * The wizard's flow started before Ink (flow/start.ts, as commands/wizard.tsx does once the
 * session is open): the reads it makes while Ink loads lead it on, and Ink's first frame is where
 * they led (the VPN list of the demo account's one customer), not "Checking access"; that frame
 * takes keys, and the wizard shows the flow's store, its runner the only one reading.
 */
import {render} from 'ink-testing-library';
import React from 'react';
import {describe, expect, it} from 'vitest';
import {startFlow} from '../../src/flow/start.js';
import {givenAnswers} from '../../src/flow/given.js';
import {systemTimers} from '../../src/timers.js';
import {App} from '../../src/ui/app.js';
import {themeFor} from '../../src/ui/theme.js';
import {useEmulator} from '../helpers/emulator.js';
import {keys, press, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {emulatorSession} from './wizard-harness.js';

async function until(test: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('the flow never got there');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the wizard with its flow started before Ink', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('draws the VPN list as its first frame, takes keys on it, and reads nothing twice', async () => {
    const session = emulatorSession(sandbox());
    const flow = startFlow(session, {timers: systemTimers, clock: Date.now});
    try {
      await until(() => {
        const {screen, data} = flow.store.getState();
        return screen.kind === 'vpn' && data.vpns['9999']?.status === 'ready';
      });
      const ui = render(<App session={session} clock={Date.now} theme={themeFor({NO_COLOR: '1'})} onExit={() => {}} flow={flow} />);
      try {
        expect(ui.frames[0]).toContain('My VPN 1');
        expect(ui.frames.join('\n')).not.toContain('Checking access');
        await press(ui, keys.down);
        await waitForFrame(ui, '› My VPN 2');
        expect(flow.store.getState().screen.kind).toBe('vpn');
      } finally {
        ui.unmount();
      }
      const {byRoute} = sandbox().counters;
      expect(byRoute['GET /me']).toBe(1);
      expect(byRoute['GET /customers/:customerCode/vpns']).toBe(1);
    } finally {
      flow.stop();
    }
  });

  it('applies the answers given up front from its first state (--vpn skips to the country)', async () => {
    const session = emulatorSession(sandbox());
    const flow = startFlow(session, {timers: systemTimers, clock: Date.now, given: givenAnswers({vpn: 'My VPN 2'}, new Date())});
    try {
      await until(() => flow.store.getState().screen.kind === 'country');
      expect(flow.store.getState().answers.vpn?.name).toBe('My VPN 2');
    } finally {
      flow.stop();
    }
  });
});
