/**
 * What Node loads on the wizard's main thread before its first interactive frame (the VPN list of
 * `btalk --sandbox`, built CLI, in a real terminal): none of the builtins that frame does not use.
 * https and tls (got loads them for https:// only), zlib (for a compressed answer), assert
 * (signal-exit's check of a handler that is not a function), child_process and dgram (terminal
 * size fallbacks, commander's executable subcommands, the keychain helper). scripts/build.mjs
 * and the keychain store load them where they are first used; each would cost its milliseconds
 * of a start that holds the main thread from start to that frame.
 */
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {builtCli, hasTmux, openTerminal, TERMINAL_WAIT_MS, type Terminal} from '../helpers/terminal.js';

const reporter = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../helpers/report-builtins.mjs');
const NOT_BEFORE_THE_FIRST_FRAME = ['https', 'tls', '_tls_wrap', 'zlib', 'assert', 'child_process', 'dgram'];

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

async function fileWritten(file: string): Promise<string> {
  const started = Date.now();
  while (!existsSync(file)) {
    if (Date.now() - started > TERMINAL_WAIT_MS) throw new Error(`${file} was never written`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return readFileSync(file, 'utf8');
}

describe.skipIf(!hasTmux())("the wizard's first frame, in a real terminal (tmux)", {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  it('is drawn without loading https, tls, zlib, assert, child_process or dgram', async () => {
    expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'btalk-first-frame-'));
    const file = path.join(dir, 'builtins.txt');
    terminal = openTerminal(`node --import ${JSON.stringify(reporter)} ${JSON.stringify(builtCli)} --sandbox; sleep 60`, {
      CI: 'false',
      BTALK_CONFIG_DIR: dir,
      BTALK_STATE_DIR: path.join(dir, 'state'),
      BTALK_TEST_BUILTINS_FILE: file,
      BTALK_TEST_FRAME_TEXT: 'My VPN 1',
    });
    await terminal.waitFor('My VPN 1');
    const loaded = (await fileWritten(file)).split('\n').filter(Boolean);
    // What the frame does need is seen loading: its terminal and its HTTP client.
    expect(loaded).toContain('tty');
    expect(loaded).toContain('http');
    expect(loaded.filter((m) => NOT_BEFORE_THE_FIRST_FRAME.includes(m))).toEqual([]);
  });
});
