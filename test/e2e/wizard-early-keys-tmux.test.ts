/**
 * Keys typed while the wizard loads, in a real terminal (tmux) with the built CLI: from the first
 * frame the terminal is raw, so they are not echoed by the terminal and still act once the wizard
 * runs; Ctrl+C then is still an interrupt, and every way out leaves the terminal in line mode.
 * Accessible mode keeps line mode. Needs `npm run build` first.
 *
 * The load is held open on purpose: test/helpers/hold-ink.mjs keeps Ink's chunk from loading until
 * the test says so, so "while it loads" lasts as long as the test needs, on a busy machine too.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {emulatorEnv, useEmulator, type RunningEmulator} from '../helpers/emulator.js';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {builtCli, hasTmux, nodePidsIn, openTerminal, TERMINAL_WAIT_MS, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('wizard-early-keys-tmux.test.ts skipped: tmux is not installed (.ci/run installs it).');

const holdInk = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../helpers/hold-ink.mjs');

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const MODES = /^-?(icanon|echo|isig)$/u;

/** The terminal's line-mode flags as stty says them, e.g. "isig icanon echo" or "-isig -icanon -echo". */
function modesOf(sttyOutput: string): string {
  return sttyOutput
    .split(/[\s;]+/u)
    .filter((word) => MODES.test(word))
    .join(' ');
}

interface Held {
  t: Terminal;
  /** The flags of the terminal btalk runs in, read from outside while it runs. */
  modes(): string;
  /** btalk's process (not the shell's). */
  pid(): number;
  /** Lets Ink load. */
  release(): void;
}

/**
 * `btalk <args>` against the test's emulator, Ink held back, in a terminal whose shell runs it as
 * a job of its own (`set -m`, as an interactive shell does: a Ctrl+C signals btalk's process group,
 * not the shell), then prints its exit code and the terminal's flags.
 */
function openHeld(sandbox: RunningEmulator, args = '', env: Record<string, string> = {}): Held {
  expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
  const dir = mkdtempSync(path.join(tmpdir(), 'btalk-early-keys-'));
  const gate = path.join(dir, 'ink-may-load');
  const command = `bash -c 'set -m; node --import ${JSON.stringify(holdInk)} ${JSON.stringify(builtCli)} ${args}; exit $?'; echo "EXIT=$?"; echo "MODES=$(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo|isig)' | tr '\\n' ' ')"; sleep 60`;
  const t = openTerminal(command, {CI: 'false', BTALK_CONFIG_DIR: dir, BTALK_STATE_DIR: path.join(dir, 'state'), HOLD_INK_UNTIL: gate, ...emulatorEnv(sandbox), ...env});
  terminal = t;
  const tty = t.tmux('display', '-p', '-t', 'main', '#{pane_tty}').trim();
  return {
    t,
    modes: () => modesOf(execFileSync('stty', ['-a', '-F', tty], {encoding: 'utf8'})),
    pid() {
      const pids = nodePidsIn(t);
      expect(pids).toHaveLength(1);
      return pids[0]!;
    },
    release: () => writeFileSync(gate, ''),
  };
}

/** Waits until btalk has read the VPN list (it reads the voicesites next), so the flow is at it. */
async function atVpnList(sandbox: RunningEmulator): Promise<void> {
  const started = Date.now();
  while ((sandbox.counters.byRoute['GET /voicesites'] ?? 0) === 0) {
    if (Date.now() - started > TERMINAL_WAIT_MS) throw new Error(`btalk never read the voicesites: ${JSON.stringify(sandbox.counters.byRoute)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 200));
}

/** Waits a little (Ink is held, so nothing can move on screen meanwhile but an echo) and returns the screen. */
async function settled(t: Terminal): Promise<string> {
  await new Promise((r) => setTimeout(r, 300));
  return t.screen();
}

describe.skipIf(!tmuxPresent)('keys typed while the wizard loads, in a real terminal (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('are not echoed by the terminal, and still act: Down then Enter chooses VPN 2', async () => {
    const {t, modes, release} = openHeld(sandbox());
    await t.waitFor('Checking access');
    expect(modes()).toBe('-isig -icanon -echo');
    t.send('Down');
    t.send('Enter');
    await atVpnList(sandbox());
    const meanwhile = await settled(t);
    expect(meanwhile).toContain('Checking access');
    expect(meanwhile).not.toContain('^[');
    expect(meanwhile.split('\n')[0]).toContain('btalk');
    release();
    const screen = await t.waitFor('In which country');
    expect(screen).toContain('✓ VPN: My VPN 2');
    expect(screen).not.toContain('^[');
    expect(screen.split('\n')[0]).toContain('btalk');
    const ended = await t.key('C-c', 'MODES=');
    expect(ended).toContain('EXIT=130');
    expect(ended).toContain('MODES=isig icanon echo');
  });

  it('a secret pasted while it loads is not shown by the terminal, and reaches the wizard', async () => {
    const {t, release} = openHeld(sandbox());
    await t.waitFor('Checking access');
    await atVpnList(sandbox());
    t.send('s3cr3t-pasted-early', {literal: true});
    expect(await settled(t)).not.toContain('s3cr3t');
    release();
    // The VPN list takes it as typed there: its filter, which the wizard shows.
    const screen = await t.waitFor(/Filter: s3cr3t-pasted-early/u);
    expect(screen).toContain('0 of 2 VPNs');
  });

  it('Ctrl+C stops it at once with 130, the terminal back in line mode', async () => {
    const {t, modes} = openHeld(sandbox());
    await t.waitFor('Checking access');
    expect(modes()).toBe('-isig -icanon -echo');
    t.send(['Down', 'C-c']);
    const screen = await t.waitFor('MODES=');
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('MODES=isig icanon echo');
    expect(screen).not.toContain('^[');
  });

  it.each([
    ['SIGHUP', 129],
    ['SIGTERM', 143],
  ] as const)('%s leaves the terminal in line mode (exit %i)', async (signal, code) => {
    const {t, modes, pid} = openHeld(sandbox());
    await t.waitFor('Checking access');
    expect(modes()).toBe('-isig -icanon -echo');
    process.kill(pid(), signal);
    const screen = await t.waitFor('MODES=');
    expect(screen).toContain(`EXIT=${code}`);
    expect(screen).toContain('MODES=isig icanon echo');
  });

  it('btalk login: a secret pasted while its form loads is not shown by the terminal, and reaches the form', async () => {
    // No credentials in the environment: the form starts empty, at its first field.
    const {t, modes, release} = openHeld(sandbox(), 'login', {BTALK_CLIENT_ID: '', BTALK_CLIENT_SECRET: '', BTALK_API_KEY: ''});
    const started = Date.now();
    while (modes() !== '-isig -icanon -echo') {
      if (Date.now() - started > TERMINAL_WAIT_MS) throw new Error(`the terminal never went raw: ${modes()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    t.send('pasted-client-id-early', {literal: true});
    expect(await settled(t)).not.toContain('pasted-client-id-early');
    release();
    expect(await t.waitFor(/Client ID.*pasted-client-id-early/u)).not.toContain('^[');
    const ended = await t.key('C-c', 'MODES=');
    expect(ended).toContain('MODES=isig icanon echo');
  });

  it('btalk login --json reads no form: the terminal stays in line mode', async () => {
    const {t, modes} = openHeld(sandbox(), 'login --json', {BTALK_CLIENT_ID: '', BTALK_CLIENT_SECRET: '', BTALK_API_KEY: ''});
    const screen = await t.waitFor('MODES=');
    expect(screen).toContain('EXIT=2');
    expect(modes()).toBe('isig icanon echo');
  });

  it('accessible mode never makes the terminal raw: its questions are read in line mode', async () => {
    const {t, modes} = openHeld(sandbox(), '--accessible');
    await t.waitFor('Type a number, or part of a name, code or id.');
    expect(modes()).toBe('isig icanon echo');
    const ended = await t.key('C-c', 'MODES=');
    expect(ended).toContain('EXIT=130');
  });
});
