/** The real-terminal helper itself: a wait that cannot succeed fails on its own deadline, showing the screen. */
import {describe, expect, it} from 'vitest';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {hasTmux, openTerminal, TERMINAL_WAIT_MS} from '../helpers/terminal.js';

describe.skipIf(!hasTmux())('openTerminal().waitFor', () => {
  it('gives up well before the test timeout', () => {
    expect(TERMINAL_WAIT_MS).toBeLessThanOrEqual(WIZARD_TEST_TIMEOUT_MS / 4);
  });

  it('fails with what the screen shows instead of waiting for ever', async () => {
    const t = openTerminal("printf 'ready for input\\n'; sleep 30");
    try {
      await t.waitFor('ready for input');
      const failure = await t.waitFor('something that never comes', 300).catch((e: unknown) => e as Error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/never showed something that never comes in \d+ s\. It shows:\n[\s\S]*ready for input/);
    } finally {
      t.close();
    }
  });
});
