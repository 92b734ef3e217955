/**
 * The terminal goes away under btalk (an SSH session dropped, a terminal window closed): a real
 * terminal (tmux) whose server is killed, so the kernel hangs it up. The terminal's first process
 * plays the login shell (test/helpers/login-shell.mjs): it passes the SIGHUP on to btalk as bash
 * does, or keeps it, and writes down how btalk ended. btalk ends as the README's exit codes say for
 * a hang-up (129), never aborted by Node while restoring a terminal that is gone, and an order
 * already on its way is waited for and journaled.
 */
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {emulatorEnv, useEmulator, type RunningEmulator} from '../helpers/emulator.js';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {builtCli, franceToReview, hasTmux, openTerminal, TERMINAL_WAIT_MS, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('terminal-hangup-tmux.test.ts skipped: tmux is not installed (.ci/run installs it).');

const loginShell = fileURLToPath(new URL('../helpers/login-shell.mjs', import.meta.url));
const holdInk = fileURLToPath(new URL('../helpers/hold-ink.mjs', import.meta.url));

let t: Terminal | undefined;
afterEach(() => t?.close());

interface Ended {
  code: number | null;
  signal: string | null;
  stderr: string;
}

interface Run {
  terminal: Terminal;
  stateDir: string;
  /** btalk's pid. */
  pid(): number;
  /** Kills the terminal's tmux server (its pseudo-terminal is hung up) and waits for btalk's end. */
  hangUp(): Promise<Ended>;
}

function inTerminal(args: string[], env: Record<string, string>, options: {keepsHup?: boolean; nodeArgs?: string[]} = {}): Run {
  const dir = mkdtempSync(path.join(tmpdir(), 'btalk-hangup-'));
  const out = path.join(dir, 'ended.json');
  const stateDir = path.join(dir, 'state');
  const command = ['node', loginShell, out, ...(options.keepsHup ? ['--keeps-hup'] : []), 'node', ...(options.nodeArgs ?? []), builtCli, ...args].map((a) => JSON.stringify(a)).join(' ');
  const terminal = openTerminal(command, {...env, CI: 'false', NO_COLOR: '1', BTALK_CONFIG_DIR: path.join(dir, 'config'), BTALK_STATE_DIR: stateDir});
  t = terminal;
  return {
    terminal,
    stateDir,
    pid: () => Number(readFileSync(`${out}.pid`, 'utf8')),
    async hangUp() {
      terminal.close();
      const started = Date.now();
      while (!existsSync(out)) {
        if (Date.now() - started > TERMINAL_WAIT_MS) throw new Error('btalk did not end after its terminal went away');
        await new Promise((r) => setTimeout(r, 50));
      }
      return JSON.parse(readFileSync(out, 'utf8')) as Ended;
    },
  };
}

function journal(stateDir: string): Array<{outcome: string; voiceSiteId?: string; source: string}> {
  return readFileSync(path.join(stateDir, 'orders.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as {outcome: string; voiceSiteId?: string; source: string});
}

/** btalk ended as a hang-up says (129), not by Node's abort restoring the terminal. */
function endedAsHangUp(ended: Ended): void {
  expect(ended.stderr).not.toContain('Assertion failed');
  expect(ended).toMatchObject({code: 129, signal: null});
}

/** The order on its way when the terminal went was created once, and journaled as ordered. */
function orderedOnce(s: RunningEmulator, run: Run, source: 'wizard' | 'order'): void {
  expect(s.counters.ordersCreated).toBe(1);
  expect(journal(run.stateDir)).toEqual([expect.objectContaining({source, outcome: 'ordered', voiceSiteId: expect.stringMatching(/^vs/)})]);
}

describe.skipIf(!tmuxPresent)('the terminal goes away under btalk (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it.each([
    ['the wizard', 'the shell passes the SIGHUP on', [], '2 of 2 VPNs', false],
    ['the wizard', 'no one passes a SIGHUP on: the read from the terminal ends', [], '2 of 2 VPNs', true],
    ['the accessible wizard', 'the shell passes the SIGHUP on', ['--accessible'], '2) My VPN 2', false],
    ['the accessible wizard', 'no one passes a SIGHUP on: the read from the terminal ends', ['--accessible'], '2) My VPN 2', true],
  ])('%s at the VPN question, %s: exit 129, nothing ordered, no abort', async (_, __, args, question, keepsHup) => {
    const s = sandbox();
    const run = inTerminal(args, emulatorEnv(s), {keepsHup});
    await run.terminal.waitFor(question);
    const ended = await run.hangUp();
    endedAsHangUp(ended);
    expect(ended.stderr).toContain('Interrupted: nothing was ordered.');
    expect(s.counters.ordersCreated).toBe(0);
  });

  it('the wizard, its terminal gone while Ink still loads and no SIGHUP: the end of the read, taken by the first frame, is the hang-up (exit 129)', async () => {
    const s = sandbox();
    const gate = path.join(mkdtempSync(path.join(tmpdir(), 'btalk-hangup-gate-')), 'ink-may-load');
    const run = inTerminal([], {...emulatorEnv(s), HOLD_INK_UNTIL: gate}, {keepsHup: true, nodeArgs: ['--import', holdInk]});
    await run.terminal.waitFor('Checking access');
    const ending = run.hangUp();
    // Ink loads only after the terminal is gone: the wizard's interrupt handler comes after the read ended.
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(gate, '');
    const ended = await ending;
    endedAsHangUp(ended);
    expect(s.counters.ordersCreated).toBe(0);
  });

  it('the wizard while its order POST is on its way: waits for the answer, journals the site, exit 129', async () => {
    const s = sandbox();
    const run = inTerminal([], emulatorEnv(s));
    await run.terminal.waitFor('2 of 2 VPNs');
    await franceToReview(run.terminal);
    s.injectFault({route: 'POST /customers/:customerCode/orders', delayMs: 2000});
    await run.terminal.key('Enter', 'Sending the order for VOICESITE_IN_FRANCE');
    const ended = await run.hangUp();
    endedAsHangUp(ended);
    orderedOnce(s, run, 'wizard');
  });

  it('btalk order in line mode while its POST is on its way: waits for the answer, journals the site, exit 129', async () => {
    const s = sandbox();
    s.injectFault({route: 'POST /customers/:customerCode/orders', delayMs: 2000});
    const run = inTerminal(['order', '--customer', '9999', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'Paris office', '--yes'], emulatorEnv(s));
    await run.terminal.waitFor(/Ordering [A-Z_0-9]+ \.\.\./);
    const ended = await run.hangUp();
    endedAsHangUp(ended);
    orderedOnce(s, run, 'order');
  });

  it('a command with no interrupt handler of its own, its terminal gone and then a SIGTERM (a session ending): ends by SIGTERM, not by Node\'s abort', async () => {
    const s = sandbox();
    s.injectFault({route: 'GET /me', delayMs: 8000});
    const run = inTerminal(['status'], emulatorEnv(s), {keepsHup: true});
    // status prints once GET /me answers: it is waiting for it.
    const started = Date.now();
    while ((s.counters.byRoute['GET /me'] ?? 0) === 0) {
      if (Date.now() - started > TERMINAL_WAIT_MS) throw new Error(`btalk status never asked GET /me: ${JSON.stringify(s.counters.byRoute)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const pid = run.pid();
    run.terminal.close();
    // The terminal is looked for once a second: past that, Node's own SIGTERM handling finds nothing to restore.
    await new Promise((r) => setTimeout(r, 2500));
    process.kill(pid, 'SIGTERM');
    const ended = await run.hangUp();
    expect(ended.stderr).not.toContain('Assertion failed');
    expect(ended).toMatchObject({code: null, signal: 'SIGTERM'});
  });
});
