/**
 * Type-ahead in a real terminal (tmux) with the built CLI: keys typed while the wizard shows
 * "Checking access…", Ink up and reading, act on the first screen that takes keys (the VPN list),
 * in order, and the keys after its Enter on the next (the countries); Ctrl+C typed meanwhile still
 * ends it at once. Needs `npm run build` first.
 *
 * The check is held open on purpose: btalk talks to the test's emulator through a proxy that keeps
 * GET /me unanswered until the test lets it through, so "while it checks" lasts as long as the test
 * needs, on a busy machine too.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {emulatorEnv, useEmulator, type RunningEmulator} from '../helpers/emulator.js';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {builtCli, hasTmux, openTerminal, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('wizard-type-ahead-tmux.test.ts skipped: tmux is not installed (.ci/run installs it).');

interface HoldingProxy {
  /** The API base URL through the proxy. */
  baseUrl: string;
  /** Requests held so far. */
  held(): number;
  /** Sends the held requests on, and every later one at once. */
  release(): void;
  close(): Promise<void>;
}

/** A proxy in front of the emulator that holds the requests `hold` picks until release(). */
async function holdingProxy(sandbox: RunningEmulator, hold: (method: string, url: string) => boolean): Promise<HoldingProxy> {
  const target = new URL(sandbox.baseUrl);
  const waiting: Array<() => void> = [];
  let open = false;
  let held = 0;
  const server = http.createServer((req, res) => {
    const forward = () => {
      const upstream = http.request({host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers}, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (!open && hold(req.method ?? '', req.url ?? '')) {
      held += 1;
      waiting.push(forward);
    } else {
      forward();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname}`,
    held: () => held,
    release() {
      open = true;
      for (const forward of waiting.splice(0)) forward();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let terminal: Terminal | undefined;
let proxy: HoldingProxy | undefined;
afterEach(async () => {
  terminal?.close();
  await proxy?.close();
  proxy = undefined;
});

/** `btalk` (the wizard) on the emulator's demo account through a proxy holding GET /me; then EXIT=<code>. */
async function openChecking(sandbox: RunningEmulator): Promise<{t: Terminal; proxy: HoldingProxy}> {
  expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
  proxy = await holdingProxy(sandbox, (method, url) => method === 'GET' && new URL(url, 'http://x').pathname.endsWith('/me'));
  const dir = mkdtempSync(path.join(tmpdir(), 'btalk-type-ahead-'));
  const t = openTerminal(`node ${JSON.stringify(builtCli)}; echo "EXIT=$?"; sleep 60`, {
    CI: 'false',
    BTALK_CONFIG_DIR: dir,
    BTALK_STATE_DIR: path.join(dir, 'state'),
    ...emulatorEnv(sandbox),
    BTALK_BASE_URL: proxy.baseUrl,
  });
  terminal = t;
  // Ink's access screen, not the first frame painted before Ink (that one has no key line).
  await t.waitFor(/Checking access[\s\S]*Ctrl\+C quit/u);
  expect(proxy.held()).toBeGreaterThan(0);
  return {t, proxy};
}

describe.skipIf(!tmuxPresent)('keys typed ahead while the wizard checks access, in a real terminal (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();

  it('Down, Enter, "fr" typed during "Checking access" choose VPN 2 and filter the countries', async () => {
    const {t, proxy} = await openChecking(sandbox());
    t.send(['Down', 'Enter']);
    t.send('fr', {literal: true});
    // Time for btalk to read them while the check is still held (nothing on screen can show it).
    await new Promise((r) => setTimeout(r, 300));
    expect(t.screen()).toContain('Checking access');
    proxy.release();
    const screen = await t.waitFor(/Filter: fr\b/u);
    expect(screen).toContain('✓ VPN: My VPN 2');
    expect(screen).toContain('› France (FR)');
    expect(screen).not.toContain('^[');
    const ended = await t.key('C-c', 'EXIT=');
    expect(ended).toContain('EXIT=130');
  });

  it('Ctrl+C typed during the check ends the wizard at once (130), the check still held', async () => {
    const {t, proxy} = await openChecking(sandbox());
    t.send(['Down', 'C-c']);
    const screen = await t.waitFor('EXIT=');
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('Interrupted: nothing was ordered.');
    proxy.release();
  });
});
