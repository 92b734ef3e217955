/**
 * The built CLI in a real terminal: a tmux server of the test's own (nothing of a developer's tmux
 * is touched), one window per run, keys sent one by one and the screen read back. Needs
 * `npm run build` first (the npm test script does it) and tmux (.ci/run installs it).
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {FRAME_DEADLINE_MS, WIZARD_TEST_TIMEOUT_MS} from './ink.js';

/**
 * A terminal test runs under WIZARD_TEST_TIMEOUT_MS; each wait gives up long before that, with
 * the screen in its error, so a hang reads as "waited for X, the screen shows Y", not as a bare
 * test timeout.
 */
export const TERMINAL_WAIT_MS = Math.min(FRAME_DEADLINE_MS, WIZARD_TEST_TIMEOUT_MS / 4);

export const builtCli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js');

export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
}

export interface Terminal {
  /** What the terminal shows; with joinWrapped, a line the terminal wrapped comes back whole. */
  screen(options?: {joinWrapped?: boolean}): string;
  /** The screen with its attributes and colours as escapes. */
  screenWithEscapes(): string;
  /** Waits until the screen shows `text` (TERMINAL_WAIT_MS at most), and returns it; else throws with the screen. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /**
   * tmux key names (Enter, Escape, Tab, C-u) or, with literal, text typed as is. Several keys in
   * one call reach the program in one read, as from a quick hand or a slow SSH link.
   */
  send(keys: string | readonly string[], options?: {literal?: boolean}): void;
  /** Sends one key, then waits until the screen shows what it should lead to. */
  key(name: string, expected: string | RegExp): Promise<string>;
  /** Any other tmux command against this terminal's server (e.g. display -p '#{pane_title}'). */
  tmux(...args: string[]): string;
  close(): void;
}

/** Runs `shellCommand` in a terminal (80x24 unless `size` says otherwise) with `env` added to tmux's environment. */
export function openTerminal(shellCommand: string, env: Record<string, string> = {}, size: {columns?: number; rows?: number} = {}): Terminal {
  const socket = `btalk-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('new-session', '-d', '-s', 'main', '-x', String(size.columns ?? 80), '-y', String(size.rows ?? 24), ...envArgs, shellCommand);
  const screen = (options: {joinWrapped?: boolean} = {}) => tmux('capture-pane', '-p', ...(options.joinWrapped ? ['-J'] : []), '-t', 'main');
  const terminal: Terminal = {
    screen,
    screenWithEscapes: () => tmux('capture-pane', '-p', '-e', '-t', 'main'),
    async waitFor(text, timeoutMs = TERMINAL_WAIT_MS) {
      const started = Date.now();
      for (;;) {
        const shown = screen();
        if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
        if (Date.now() - started > timeoutMs) throw new Error(`The terminal never showed ${String(text)} in ${Math.round((Date.now() - started) / 1000)} s. It shows:\n${shown}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    send(keys, options = {}) {
      tmux('send-keys', '-t', 'main', ...(options.literal ? ['-l'] : []), ...(typeof keys === 'string' ? [keys] : keys));
    },
    tmux,
    key(name, expected) {
      terminal.send(name);
      return terminal.waitFor(expected);
    },
    close() {
      try {
        tmux('kill-server');
      } catch {
        // Already gone.
      }
    },
  };
  return terminal;
}

/**
 * `btalk --sandbox` (the built CLI) in a fresh terminal, with config and state folders of its own
 * in a new temp folder named from `prefix`, and CI=false so Ink draws as it does for a person. The
 * shell then prints EXIT=<code>. `before` runs first in the same shell (`read _` waits for a key).
 */
export function openSandboxWizard(env: Record<string, string> = {}, options: {prefix?: string; before?: string} = {}): Terminal {
  if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run "npm run build" first`);
  const configDir = mkdtempSync(path.join(tmpdir(), options.prefix ?? 'btalk-tmux-'));
  const before = options.before === undefined ? '' : `${options.before}; `;
  return openTerminal(`${before}node ${JSON.stringify(builtCli)} --sandbox; echo "EXIT=$?"; sleep 60`, {
    CI: 'false',
    BTALK_CONFIG_DIR: configDir,
    BTALK_STATE_DIR: path.join(configDir, 'state'),
    ...env,
  });
}

/** From the VPN list, its first VPN highlighted, to the review: France, its coverage, the default names. */
export async function franceToReview(t: Terminal): Promise<string> {
  await t.key('Enter', 'In which country');
  t.send('fr', {literal: true});
  await t.waitFor(/› France \(FR\)\s+covered/);
  await t.key('Enter', 'Business Talk Online is available in France');
  await t.key('Enter', 'Name the site');
  t.send(['Enter', 'Enter', 'Enter']);
  return t.waitFor('Review the order');
}

/** The pids of the node processes reading this terminal (not the shells around them). */
export function nodePidsIn(terminal: Terminal): number[] {
  const tty = terminal.tmux('display', '-p', '-t', 'main', '#{pane_tty}').trim();
  return execFileSync('ps', ['-t', tty.replace('/dev/', ''), '-o', 'pid=,comm='], {encoding: 'utf8'})
    .split('\n')
    .map((row) => row.trim().split(/\s+/u))
    .filter(([, comm]) => comm === 'node')
    .map(([pid]) => Number(pid));
}
