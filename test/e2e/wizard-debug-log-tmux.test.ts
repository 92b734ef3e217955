/**
 * `btalk --sandbox --debug` in a real terminal (tmux, the built CLI), against the hostile account,
 * whose request ids reflect its API key: the request lines go to a log file in the state folder
 * (0600), never to the screen or the scrollback, the key and the secret appear nowhere in it, and
 * the line naming the file comes after the wizard has gone, however it ends (Ctrl+C, SIGTERM).
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {builtCli, hasTmux, openTerminal, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('wizard-debug-log-tmux.test.ts skipped: tmux is not installed.');

const {apiKey, clientSecret} = EMULATOR_ACCOUNTS.hostile;
/** A --debug request line, as `btalk order --debug` prints it. */
const REQUEST_LINE = /(GET|POST) \S+ -> \d{3} in \d+ms/;
/** What a terminal would act on: C0 but newline, DEL, C1, bidi controls. */
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

let t: Terminal | undefined;
afterEach(() => t?.close());

function wizard(dir: string, flags = '--debug'): Terminal {
  const env = {CI: 'false', NO_COLOR: '1', BTALK_CONFIG_DIR: path.join(dir, 'config'), XDG_STATE_HOME: path.join(dir, 'state'), BTALK_SANDBOX_ACCOUNT: 'hostile'};
  return openTerminal(`cd ${JSON.stringify(dir)} && node ${JSON.stringify(builtCli)} --sandbox ${flags}; echo "EXIT=$?"; sleep 60`, env, {columns: 80, rows: 24});
}

/** A wizard in a new folder (`prepare` sets it up first), at its VPN list with no request line shown. */
async function wizardAtVpns(flags?: string, prepare?: (dir: string) => void): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'btalk-debug-log-'));
  prepare?.(dir);
  t = wizard(dir, flags);
  expect(await t.waitFor(/of 2 VPNs/)).not.toMatch(REQUEST_LINE);
  return dir;
}

/** The same, then Ctrl+C: the folder, and the whole pane once the shell took over again. */
async function interrupted(flags?: string, prepare?: (dir: string) => void): Promise<{dir: string; shown: string}> {
  const dir = await wizardAtVpns(flags, prepare);
  t!.send('C-c');
  await t!.waitFor('EXIT=130');
  return {dir, shown: everything(t!)};
}

/** The whole pane, scrollback included, with wrapped lines joined. */
const everything = (terminal: Terminal) => terminal.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'main');

function loggedFile(terminal: Terminal, dir: string): string {
  const shown = everything(terminal);
  const named = /Debug log: (\S+)/.exec(shown)?.[1];
  expect(named, shown).toBeDefined();
  expect(path.dirname(named!)).toBe(path.join(dir, 'state', 'btalk'));
  return named!;
}

function expectLog(file: string): string {
  const text = readFileSync(file, 'utf8');
  expect(text.split('\n')[0]).toMatch(/^btalk \S+, run started \d{4}-\d\d-\d\dT/);
  expect(text).toMatch(/POST \/oauth\/v3\/token -> 200 in \d+ms/);
  expect(text).toMatch(/GET \/btalk\/beta\/v1\/me -> 200 in \d+ms \(request id /);
  // The hostile gateway reflects the key into every request id: redacted, like everywhere.
  expect(text).toContain('[redacted]');
  expect(text).not.toContain(apiKey);
  expect(text).not.toContain(clientSecret);
  expect(RAW.exec(text)?.[0]).toBeUndefined();
  if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  return text;
}

describe.skipIf(!tmuxPresent)('the wizard with --debug (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  it('Ctrl+C: the lines are in the file, the screen and scrollback hold none, the file is named last', async () => {
    expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
    const {dir, shown} = await interrupted();
    expect(shown).not.toMatch(REQUEST_LINE);
    // After the wizard's last word, and after Ink's frame is gone.
    const lines = shown.split('\n').filter((l) => l.trim() !== '');
    expect(lines.slice(-3, -1), shown).toEqual(['Interrupted: nothing was ordered.', expect.stringMatching(/^Debug log: \S+\.log$/)]);
    const file = loggedFile(t!, dir);
    expect(path.basename(file)).toMatch(/^debug-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.log$/);
    expect(expectLog(file)).toMatch(/GET \/btalk\/beta\/v1\/customers\/\S+\/vpns\?\S* -> 200/);
  });

  it('SIGTERM: the wizard ends (143) and still names the file', async () => {
    const dir = await wizardAtVpns();
    const shell = t!.tmux('display', '-p', '-t', 'main', '#{pane_pid}').trim();
    const node = execFileSync('pgrep', ['-P', shell, 'node'], {encoding: 'utf8'}).trim().split('\n')[0]!;
    process.kill(Number(node), 'SIGTERM');
    await t!.waitFor('EXIT=143');
    expectLog(loggedFile(t!, dir));
    expect(everything(t!)).not.toMatch(REQUEST_LINE);
  });

  it('a state folder that cannot be created is said once, and the wizard goes on without the file', async () => {
    const {dir, shown} = await interrupted(undefined, (d) => writeFileSync(path.join(d, 'state'), 'a file where the folder should be'));
    expect(shown.match(/The debug log cannot be written/g), shown).toHaveLength(1);
    expect(shown).toContain(`cannot create ${path.join(dir, 'state', 'btalk')} (ENOTDIR); going on without it.`);
    expect(shown).not.toContain('Debug log:');
    expect(shown).not.toMatch(REQUEST_LINE);
  });

  it('--debug-file PATH (relative) is where the lines go', async () => {
    const {dir, shown} = await interrupted('--debug-file mine.log');
    expect(shown).toContain(`Debug log: ${path.join(dir, 'mine.log')}`);
    expectLog(path.join(dir, 'mine.log'));
    expect(existsSync(path.join(dir, 'state', 'btalk'))).toBe(false);
  });
});
