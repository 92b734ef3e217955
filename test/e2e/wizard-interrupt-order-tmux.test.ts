/**
 * The built CLI in a real terminal (tmux) against an emulator whose order POST is slow: SIGTERM
 * while the POST is on its way does not abort it. The screen says at once that btalk waits for the
 * answer, then the terminal is given back with the voiceSiteId on stdout, the journal has the
 * order, and the exit code is SIGTERM's (143), as the README's "Exit codes" promise.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {emulatorEnv, useEmulator} from '../helpers/emulator.js';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {builtCli, franceToReview, hasTmux, openTerminal, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('wizard-interrupt-order-tmux.test.ts skipped: tmux is not installed (.ci/run installs it).');

let t: Terminal | undefined;
afterEach(() => t?.close());

/** The pid of the node that the terminal's shell runs. */
function btalkPid(terminal: Terminal): number {
  const shell = terminal.tmux('display', '-p', '-t', 'main', '#{pane_pid}').trim();
  return Number(execFileSync('pgrep', ['-P', shell, 'node'], {encoding: 'utf8'}).trim().split('\n')[0]);
}

describe.skipIf(!tmuxPresent)('an interrupt while the wizard order is on its way (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('SIGTERM during the POST: waits for its answer, prints the voiceSiteId, journals it, exits 143', async () => {
    const s = sandbox();
    const dir = mkdtempSync(path.join(tmpdir(), 'btalk-interrupt-order-'));
    const stateDir = path.join(dir, 'state');
    t = openTerminal(`node ${JSON.stringify(builtCli)}; echo "EXIT=$?"; sleep 60`, {
      ...emulatorEnv(s),
      CI: 'false',
      NO_COLOR: '1',
      BTALK_CONFIG_DIR: path.join(dir, 'config'),
      BTALK_STATE_DIR: stateDir,
    });
    await t.waitFor('2 of 2 VPNs');
    await franceToReview(t);
    // Long enough that the signal surely comes while the POST is unanswered.
    s.injectFault({route: 'POST /customers/:customerCode/orders', delayMs: 3000});
    await t.key('Enter', 'Sending the order for VOICESITE_IN_FRANCE');
    process.kill(btalkPid(t), 'SIGTERM');
    const waiting = await t.waitFor('SIGTERM: the order is on its way; waiting for its answer');
    expect(waiting).toContain('Sending the order for VOICESITE_IN_FRANCE');
    // Said before the answer came: the emulator has not created the site yet.
    expect(s.counters.ordersCreated).toBe(0);

    const ended = await t.waitFor('EXIT=');
    const shown = t.screen({joinWrapped: true});
    expect(s.counters.ordersCreated, ended).toBe(1);
    const id = /voiceSiteId: (vs\S+) {2}\(VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999\)/.exec(shown)?.[1];
    expect(id, shown).toBeDefined();
    expect(shown).toContain(`Interrupted (SIGTERM) while the order for VOICESITE_IN_FRANCE was on its way; waited for its answer: the order was delivered, voiceSiteId ${id}.`);
    expect(shown).toContain('EXIT=143');
    // The terminal is given back: Ink's frame is gone, the shell's line printed below it.
    expect(shown).not.toContain('waiting for its answer');
    const journal = readFileSync(path.join(stateDir, 'orders.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as {outcome: string; voiceSiteId?: string; source: string});
    expect(journal).toEqual([expect.objectContaining({source: 'wizard', outcome: 'ordered', voiceSiteId: id})]);
  });
});
