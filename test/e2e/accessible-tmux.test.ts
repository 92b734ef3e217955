/**
 * Accessible mode of the built CLI in a real terminal (tmux): every byte btalk writes is captured
 * (tmux pipe-pane) and holds no escape sequence; typed lines are echoed by the terminal itself,
 * secrets are not. Needs `npm run build` first (the npm test script does it).
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {builtCli, hasTmux, openTerminal, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('accessible-tmux.test.ts skipped: tmux is not installed (.ci/run installs it).');

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

/**
 * `btalk <args>` in a fresh terminal whose output is recorded from its first byte: the shell waits
 * (bounded) for the recording to start before it runs btalk.
 */
function openRecorded(args: string, env: Record<string, string> = {}): {t: Terminal; recorded: () => Buffer} {
  expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
  const dir = mkdtempSync(path.join(tmpdir(), 'btalk-a11y-'));
  const go = path.join(dir, 'go');
  const log = path.join(dir, 'pane.log');
  const wait = `for i in $(seq 400); do [ -e ${JSON.stringify(go)} ] && break; sleep 0.05; done`;
  const t = openTerminal(`${wait}; node ${JSON.stringify(builtCli)} ${args}; echo "EXIT=$?"; sleep 60`, {CI: 'false', BTALK_CONFIG_DIR: dir, BTALK_STATE_DIR: path.join(dir, 'state'), ...env});
  terminal = t;
  t.tmux('pipe-pane', '-t', 'main', '-o', `cat > ${JSON.stringify(log)}`);
  writeFileSync(go, '');
  return {t, recorded: () => (existsSync(log) ? readFileSync(log) : Buffer.alloc(0))};
}

async function line(t: Terminal, text: string, expected: string | RegExp): Promise<string> {
  if (text !== '') t.send(text, {literal: true});
  return t.key('Enter', expected);
}

describe.skipIf(!tmuxPresent)('btalk in accessible mode, in a real terminal (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('INK_SCREEN_READER=true: plain lines to a voiceSiteId, and not one escape sequence written', async () => {
    const {t, recorded} = openRecorded('--sandbox', {INK_SCREEN_READER: 'true'});
    await t.waitFor('Type a number, or part of a name, code or id.');
    await line(t, '1', 'In which country is the site?');
    await line(t, 'fr', 'Press Enter to continue');
    await line(t, '', 'Site label: press Enter');
    await line(t, '', 'Technical name: press Enter');
    await line(t, '', 'Order reference: press Enter');
    await line(t, '', 'Send this order?');
    await line(t, 'yes', 'What next?');
    const screen = await line(t, '4', 'EXIT=0');
    expect(screen).toMatch(/^voiceSiteId: vs\S+ {2}\(VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999\)$/mu);
    const bytes = recorded();
    expect(bytes.toString('utf8')).toContain('Voicesite ordered. voiceSiteId: vs');
    expect(bytes.includes(0x1b)).toBe(false);
    // Every line ends with a newline: nothing is rewritten with a bare carriage return.
    expect(bytes.toString('utf8')).not.toMatch(/\r(?!\n)/u);
  });

  it('--accessible asks the credentials one at a time; the secret and the key are not echoed', async () => {
    const s = sandbox();
    const {t, recorded} = openRecorded(`--accessible --base-url ${s.baseUrl}`);
    await t.waitFor(/Client ID:.*quit to cancel\./su);
    await line(t, s.demo.clientId, 'Client secret, not shown as you type');
    await line(t, s.demo.clientSecret, 'API key (40 characters), not shown as you type');
    const screen = await line(t, s.demo.apiKey, 'Which VPN of My Customer should the site join?');
    expect(screen).toContain(s.demo.clientId);
    const all = recorded().toString('utf8');
    expect(all).not.toContain(s.demo.clientSecret);
    expect(all).not.toContain(s.demo.apiKey);
    await line(t, 'quit', 'EXIT=130');
    expect(t.screen()).toContain('Cancelled: nothing was ordered.');
    expect(recorded().includes(0x1b)).toBe(false);
  });

  it('Ctrl+C at a question (a signal: the terminal is in line mode) ends with 130, nothing ordered', async () => {
    const {t} = openRecorded('--sandbox --accessible');
    await t.waitFor('Type a number, or part of a name, code or id.');
    const screen = await t.key('C-c', 'EXIT=130');
    expect(screen).toContain('Interrupted: nothing was ordered.');
  });

  it('btalk order --accessible in a terminal, an answer missing, asks for the rest in lines', async () => {
    const {t, recorded} = openRecorded('order --sandbox --accessible --vpn "My VPN 1"');
    await t.waitFor('In which country is the site?');
    expect(t.screen()).toContain('VPN: My VPN 1 (id ');
    await line(t, 'quit', 'EXIT=130');
    expect(recorded().includes(0x1b)).toBe(false);
  });
});

describe('btalk --accessible with stdin a pipe', () => {
  it('runs to a voiceSiteId from piped lines and stops at the end of input', () => {
    expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'btalk-a11y-pipe-'));
    const env = {...process.env, CI: 'false', BTALK_CONFIG_DIR: dir, BTALK_STATE_DIR: path.join(dir, 'state'), BTALK_ACCESSIBLE: '1'};
    const run = spawnSync(process.execPath, [builtCli, '--sandbox'], {input: '1\nFR\n\n\n\n\nyes\n', env, timeout: WIZARD_TEST_TIMEOUT_MS / 2});
    expect(run.status).toBe(0);
    expect(run.stdout.includes(0x1b)).toBe(false);
    const out = run.stdout.toString('utf8');
    expect(out).toContain('End of input.');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^voiceSiteId: vs\S+ {2}\(VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999\)$/u);
  });
});
