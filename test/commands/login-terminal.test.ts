/**
 * `btalk login` in a real terminal through the built CLI: the form is loaded on demand (a dynamic
 * import), so this is the test that it is still found, shown, and saves what was typed.
 */
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {builtCli, hasTmux, nodePidsIn, openTerminal, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('login-terminal.test.ts skipped: tmux is not installed (.ci/run installs it).');

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

// Each wait fails after FRAME_DEADLINE_MS showing the screen, well before the test's own timeout.
describe.skipIf(!tmuxPresent)('btalk login in a real terminal (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  it('shows the form, proves the typed secrets against the emulator and says where they were kept', async () => {
    expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
    const configDir = mkdtempSync(path.join(tmpdir(), 'btalk-login-tmux-'));
    const {clientSecret, apiKey} = EMULATOR_ACCOUNTS.demo;
    terminal = openTerminal(`node ${JSON.stringify(builtCli)} --sandbox login; echo "EXIT=$?"; sleep 60`, {
      CI: 'false',
      NO_COLOR: '1',
      BTALK_CONFIG_DIR: configDir,
    });
    // The sandbox's client id is filled in; the cursor waits on the secret. The secret and Enter
    // are typed the moment the form appears, before the form may listen: they still count, and
    // the terminal does not echo them (it was raw before the first frame).
    let screen = await terminal.waitFor(/› Client secret/);
    terminal.send(clientSecret, {literal: true});
    terminal.send('Enter');
    expect(screen).toContain(EMULATOR_ACCOUNTS.demo.clientId);
    await terminal.waitFor(/› API key/);
    terminal.send(apiKey, {literal: true});
    await terminal.waitFor('40/40');
    terminal.send('Enter');
    screen = await terminal.waitFor('EXIT=');
    expect(screen).toContain('✓ Credentials work: rights profile "admin" (can order)');
    expect(screen).toContain('✓ Kept in memory (sandbox)');
    expect(screen).toContain('EXIT=0');
    expect(screen).not.toContain(clientSecret);
    expect(screen).not.toContain(apiKey);
  });

  it('SIGTERM ends the form as Ctrl+C does: nothing saved, exit 143 (it used to leave the form up)', async () => {
    const configDir = mkdtempSync(path.join(tmpdir(), 'btalk-login-term-'));
    terminal = openTerminal(`node ${JSON.stringify(builtCli)} --sandbox login; echo "EXIT=$?"; sleep 60`, {CI: 'false', NO_COLOR: '1', BTALK_CONFIG_DIR: configDir});
    await terminal.waitFor(/› Client secret/);
    const pids = nodePidsIn(terminal);
    expect(pids).toHaveLength(1);
    process.kill(pids[0]!, 'SIGTERM');
    const screen = await terminal.waitFor('EXIT=');
    expect(screen).toContain('Login interrupted; nothing was saved.');
    expect(screen).toContain('EXIT=143');
  });
});
