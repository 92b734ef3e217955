/**
 * The built CLI in a real terminal (tmux, 80x24), driven with keys to a voiceSiteId: what a person
 * sees after `npm start`. Needs `npm run build` first (the npm test script does it).
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {colourCodes, FRAME_DEADLINE_MS, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist', 'cli.js');

function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
}

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('wizard-tmux.test.ts skipped: tmux is not installed (.ci/run installs it).');

// A tmux server of our own, so nothing of a developer's tmux is touched.
const socket = `btalk-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});

function pane(): string {
  return tmux('capture-pane', '-p', '-t', 'wizard');
}

/** The pane with its attributes and colours as escapes. */
function paneWithEscapes(): string {
  return tmux('capture-pane', '-p', '-e', '-t', 'wizard');
}

async function waitForPane(text: string | RegExp, timeoutMs = FRAME_DEADLINE_MS): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screen = pane();
    if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`The terminal never showed ${String(text)}. It shows:\n${screen}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends one key, then waits until the screen shows what it should lead to. */
async function key(name: string, expected: string | RegExp): Promise<string> {
  tmux('send-keys', '-t', 'wizard', name);
  return waitForPane(expected);
}

afterAll(() => {
  if (tmuxPresent) {
    try {
      tmux('kill-server');
    } catch {
      // Already gone.
    }
  }
});

describe.skipIf(!tmuxPresent)('btalk --sandbox in a real terminal (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  it('reaches a voiceSiteId with arrows, typing and Enter, and leaves it printed', async () => {
    expect(existsSync(cli), `${cli} is missing: run "npm run build" first`).toBe(true);
    const configDir = mkdtempSync(path.join(tmpdir(), 'btalk-tmux-'));
    const command = `node ${JSON.stringify(cli)} --sandbox; echo "EXIT=$?"; sleep 60`;
    // CI=false: Ink draws as in a terminal. chalk turns colour off whenever CI is set at all, so
    // FORCE_COLOR=1 turns it back on: without it, NO_COLOR would be honoured whatever btalk did.
    // (Node warns on stderr that it ignores NO_COLOR when FORCE_COLOR is set: not btalk's line.)
    const env = ['CI=false', 'FORCE_COLOR=1', 'NO_COLOR=1', 'NODE_NO_WARNINGS=1', `BTALK_CONFIG_DIR=${configDir}`];
    tmux('new-session', '-d', '-s', 'wizard', '-x', '80', '-y', '24', ...env.flatMap((e) => ['-e', e]), command);
    const colours: string[] = [];
    const look = () => colours.push(...colourCodes(paneWithEscapes()));

    let screen = await waitForPane('2 of 2 VPNs');
    look();
    expect(screen).toContain('SANDBOX');
    expect(screen).toContain('✓ Customer: My Customer (9999)');
    await key('Down', '› My VPN 2');
    await key('Up', '› My VPN 1');
    await key('Enter', 'In which country');
    tmux('send-keys', '-t', 'wizard', '-l', 'france');
    await waitForPane(/› France \(FR\)\s+covered/);
    look();
    screen = await key('Enter', 'Business Talk Online is available in France');
    look();
    expect(screen).toMatch(/Business Talk Online\s+Yes/);
    await key('Enter', 'Name the site');
    look();
    // Keys sent in one go reach btalk in one read, as from a quick hand or a slow SSH link: each
    // one counts, across screens too. Enter, Enter, Esc: back to the countries, France kept...
    tmux('send-keys', '-t', 'wizard', 'Enter', 'Enter', 'Escape');
    await waitForPane(/In which country[\s\S]*› France \(FR\)/);
    // ...then Enter five times: coverage, names, and the three fields accepted.
    tmux('send-keys', '-t', 'wizard', 'Enter', 'Enter', 'Enter', 'Enter', 'Enter');
    await waitForPane('Review the order');
    look();
    screen = await key('Enter', /voiceSiteId\s+vs\w+/);
    await waitForPane('GET /voicesites lists the new site');
    look();
    // NO_COLOR: not one colour on any of these screens (bold and inverse remain).
    expect(colours).toEqual([]);
    const id = /voiceSiteId\s+(\S+)/.exec(screen)?.[1];
    expect(id).toBeTruthy();
    // Everything fits the 80x24 screen: the header is still on top.
    expect(pane().split('\n')[0]).toContain('SANDBOX');

    screen = await key('q', 'EXIT=');
    expect(screen).toContain(`voiceSiteId: ${id}  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)`);
    expect(screen).toContain('EXIT=0');
  });
});
