/**
 * The keyring runs in a child process so that a call stuck in the native library (a Secret Service
 * waiting for an unlock prompt) can be ended: in-process, such a call blocks a libuv worker thread
 * and Node's exit waits for it forever. A fake keyring module stands in for the library here; it
 * blocks a worker thread the same way (opening a FIFO nobody writes to).
 */
import {execFile, execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {BtalkError} from '../../src/errors.js';
import {keychainTrouble} from '../../src/secrets/keychain-errors.js';
import {createKeychainStore} from '../../src/secrets/keychain-store.js';
import {processKeyringBackend} from '../../src/secrets/keyring-process.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FAKE = path.join(here, '../helpers/fake-keyring.mjs');
const root = path.resolve(here, '../..');

function fifo(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'btalk-fifo-')), 'prompt');
  execFileSync('mkfifo', [file]);
  return file;
}

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Bundles `source` (as dist/cli.js is built) and runs it in plain Node, outside vitest; killed after 20 s. */
async function runBuilt(name: string, source: string): Promise<{code: number | null; stdout: string; killed: boolean}> {
  const dir = mkdtempSync(path.join(tmpdir(), `btalk-${name}-`));
  const entry = path.join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  const script = path.join(dir, `${name}.mjs`);
  await build({entryPoints: [entry], outfile: script, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent', absWorkingDir: root});
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [script], {timeout: 20_000}, (error, stdout) => resolve({code: child.exitCode, stdout, killed: error?.killed ?? false}));
  });
}

describe('the keyring child process', () => {
  it('saves, reads, lists and deletes through the child, under service btalk', async () => {
    const backend = processKeyringBackend({platform: 'linux', modulePath: FAKE});
    const store = createKeychainStore({platform: 'linux', backend});
    await store.set('default:client-id', 'id-1');
    await store.set('default:api-key', 'k'.repeat(40));
    expect(await store.get('default:client-id')).toBe('id-1');
    expect(await store.get('default:client-secret')).toBeUndefined();
    expect(await store.list()).toEqual(['default:api-key', 'default:client-id']);
    expect(await store.delete('default:api-key')).toBe(true);
    expect(await store.delete('default:api-key')).toBe(false);
  });

  it("says the library's failure in words with the way out; its own text goes to --debug only", async () => {
    const debug: string[] = [];
    const store = createKeychainStore({platform: 'linux', backend: processKeyringBackend({platform: 'linux', modulePath: FAKE}), debug: (l) => debug.push(l)});
    const raw = "Couldn't access platform storage: Secret Service: no result found";
    const error = (await store.get(`fail:${raw}`).catch((e: unknown) => e)) as BtalkError;
    expect(error).toBeInstanceOf(BtalkError);
    expect(error.kind).toBe('keychain');
    expect(error.message).toBe('The Secret Service has no default keyring to keep the credentials in (gnome-keyring was started without being unlocked).');
    expect(error.hint).toContain('gnome-keyring-daemon --replace --unlock --components=secrets');
    expect(error.hint).toContain('BTALK_CLIENT_ID');
    expect(JSON.stringify(error.toJSON())).not.toContain('no result found');
    expect(debug).toEqual([`keychain read fail:${raw} -> ${raw}`]);
  });

  it('ends the child with a call stuck past its deadline; the next call gets a fresh child', async () => {
    const backend = processKeyringBackend({platform: 'linux', modulePath: FAKE});
    // Starting a child takes a Node start-up: the short deadline is only for the stuck call, once
    // the child is up (on a loaded machine a start-up alone can pass 300 ms).
    const patient = createKeychainStore({platform: 'linux', backend, deadlineMs: 20_000});
    const hasty = createKeychainStore({platform: 'linux', backend, deadlineMs: 300});
    await patient.set('default:client-id', 'id-1');
    const stuckChild = backend.pid();
    expect(alive(stuckChild)).toBe(true);
    const error = (await hasty.get(`stuck:${fifo()}`).catch((e: unknown) => e)) as BtalkError;
    expect(error.kind).toBe('keychain');
    expect(error.message).toBe('The OS keychain did not answer within 0.3 s: it may be waiting for an unlock prompt nobody can see.');
    expect(keychainTrouble(error)).toBe('timed-out');
    await expect.poll(() => alive(stuckChild)).toBe(false);
    // A new child, which knows nothing of the first one's memory (the real keyring would).
    expect(await patient.get('default:client-id')).toBeUndefined();
    expect(backend.pid()).not.toBe(stuckChild);
  });

  it('a child started before any call answers the first call itself (no second start)', async () => {
    const backend = processKeyringBackend({platform: 'linux', modulePath: FAKE});
    expect(backend.pid()).toBeUndefined();
    backend.start();
    const started = backend.pid();
    expect(alive(started)).toBe(true);
    backend.start();
    const store = createKeychainStore({platform: 'linux', backend, deadlineMs: 20_000});
    await store.set('default:client-id', 'id-1');
    expect(await store.get('default:client-id')).toBe('id-1');
    expect(backend.pid()).toBe(started);
  });

  it('a child started early and never asked does not keep btalk from exiting (built code)', async () => {
    const result = await runBuilt(
      'idle',
      `
      import {processKeyringBackend} from ${JSON.stringify(path.join(root, 'src/secrets/keyring-process.ts'))};
      const backend = processKeyringBackend({platform: 'linux', modulePath: ${JSON.stringify(FAKE)}});
      backend.start();
      console.log(backend.pid());
      process.exitCode = 5;`,
    );
    expect(result.killed).toBe(false);
    expect(result.code).toBe(5);
    // The child goes with the pipe it reads.
    await expect.poll(() => alive(Number(result.stdout.trim())), {timeout: 15_000}).toBe(false);
  });

  it('reads items ahead: the first get takes the answer read before it was asked, a set drops it', async () => {
    const backend = processKeyringBackend({platform: 'linux', modulePath: FAKE});
    const store = createKeychainStore({platform: 'linux', backend, deadlineMs: 20_000});
    backend.start();
    backend.readAhead('btalk', ['clock:a', 'clock:b', 'default:client-id']);
    await expect.poll(async () => Number(await createKeychainStore({platform: 'linux', backend, deadlineMs: 20_000}).get('clock:probe')), {timeout: 15_000}).toBeGreaterThan(0);
    // Clock values are milliseconds: a few of them pass before the get, so a value read ahead
    // (before the probe came back) is strictly earlier than `asked`, whichever millisecond it was.
    await new Promise((r) => setTimeout(r, 5));
    const asked = Date.now();
    // Read by the child before the get (the probe above came back after it).
    expect(Number(await store.get('clock:a'))).toBeLessThan(asked);
    // Taken once: the next get reads again.
    expect(Number(await store.get('clock:a'))).toBeGreaterThanOrEqual(asked);
    // A set before the get drops what was read ahead: the get sees the new value.
    await store.set('default:client-id', 'id-2');
    expect(await store.get('default:client-id')).toBe('id-2');
    // Another service's item of the same name is not taken from it.
    expect(Number(await createKeychainStore({platform: 'linux', backend, service: 'other', deadlineMs: 20_000}).get('clock:b'))).toBeGreaterThanOrEqual(asked);
  });

  it('an item read ahead and never asked for, stuck in the library, does not keep btalk from exiting (built code)', async () => {
    const result = await runBuilt(
      'ahead',
      `
      import {processKeyringBackend} from ${JSON.stringify(path.join(root, 'src/secrets/keyring-process.ts'))};
      const backend = processKeyringBackend({platform: 'linux', modulePath: ${JSON.stringify(FAKE)}});
      backend.start();
      backend.readAhead('btalk', [${JSON.stringify(`stuck:${fifo()}`)}]);
      process.exitCode = 6;`,
    );
    expect(result.killed).toBe(false);
    expect(result.code).toBe(6);
  });

  it('a module that cannot load gives a keychain error naming it, not a crash', async () => {
    const store = createKeychainStore({platform: 'linux', backend: processKeyringBackend({platform: 'linux', modulePath: '/nonexistent/keyring.js'})});
    const error = (await store.get('default:client-id').catch((e: unknown) => e)) as BtalkError;
    expect(error.kind).toBe('keychain');
    expect(error.message).toContain("btalk's keychain library (@napi-rs/keyring) could not be loaded");
    expect(error.hint).toContain('Reinstall btalk');
  });

  it('a btalk process whose keychain call got stuck still exits, with its own exit code (built code)', async () => {
    const result = await runBuilt(
      'stuck',
      `
      import {createKeychainStore} from ${JSON.stringify(path.join(root, 'src/secrets/keychain-store.ts'))};
      import {processKeyringBackend} from ${JSON.stringify(path.join(root, 'src/secrets/keyring-process.ts'))};
      const backend = processKeyringBackend({platform: 'linux', modulePath: ${JSON.stringify(FAKE)}});
      await createKeychainStore({platform: 'linux', backend, deadlineMs: 20000}).set('warm', 'up');
      const store = createKeychainStore({platform: 'linux', backend, deadlineMs: 300});
      const error = await store.get(${JSON.stringify(`stuck:${fifo()}`)}).catch((e) => e);
      console.log(error.kind);
      process.exitCode = 7;`,
    );
    // No exit within 20 s means the stuck call held the process: the hang this design prevents.
    expect(result.killed).toBe(false);
    expect(result.stdout.trim()).toBe('keychain');
    expect(result.code).toBe(7);
  });
});
