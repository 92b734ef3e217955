/**
 * The embedded emulator in its worker thread (src/emulator/in-worker.ts, the bundled entry
 * dist/emulator-worker.cjs): it answers over HTTP like the in-process one, close() ends its thread,
 * a worker that cannot start is a clear error, and a `--sandbox` run ends on its own once done.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {startEmulatorInWorker} from '../../src/emulator/in-worker.js';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {BtalkError} from '../../src/errors.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const entry = pathToFileURL(`${dist}emulator-worker.cjs`);
const run = promisify(execFile);

async function token(baseUrl: string, account: {clientId: string; clientSecret: string}): Promise<Response> {
  const origin = new URL(baseUrl).origin;
  return fetch(`${origin}/oauth/v3/token`, {
    method: 'POST',
    headers: {authorization: `Basic ${Buffer.from(`${account.clientId}:${account.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded'},
    body: 'grant_type=client_credentials',
  });
}

describe('the embedded emulator in a worker thread', () => {
  it('answers over HTTP with every account, and stops listening once closed', async () => {
    expect(existsSync(fileURLToPath(entry)), 'run "npm run build" first').toBe(true);
    const emulator = await startEmulatorInWorker(entry);
    expect(emulator.demo).toEqual({clientId: EMULATOR_ACCOUNTS.demo.clientId, clientSecret: EMULATOR_ACCOUNTS.demo.clientSecret, apiKey: EMULATOR_ACCOUNTS.demo.apiKey});
    expect(Object.keys(emulator.accounts ?? {})).toEqual(Object.keys(EMULATOR_ACCOUNTS));
    const answer = await token(emulator.baseUrl, emulator.demo);
    expect(answer.status).toBe(200);
    const {access_token: bearer} = (await answer.json()) as {access_token: string};
    const me = await fetch(`${emulator.baseUrl}/me`, {headers: {authorization: `Bearer ${bearer}`, 'x-bt-api-key': emulator.demo.apiKey}});
    expect(await me.json()).toEqual({rightsProfile: 'admin'});
    await emulator.close();
    await emulator.close();
    await expect(token(emulator.baseUrl, emulator.demo)).rejects.toThrow();
  });

  it('says the emulator did not start when its thread fails before listening', async () => {
    const failing = new URL('data:text/javascript,throw new Error("no port for you")');
    const error = await startEmulatorInWorker(failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BtalkError);
    expect((error as BtalkError).kind).toBe('bug');
    expect((error as BtalkError).message).toBe('The embedded emulator did not start: no port for you');
  });

  it('runs a --sandbox command\'s emulator in a worker, and lets the command end by itself', async () => {
    // A preload in the child: says when a worker thread starts, and when the process is ended by
    // process.exit (cli.tsx's fallback for something still holding it) instead of running out.
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-worker-'));
    const preload = path.join(dir, 'watch.mjs');
    await writeFile(preload, "process.on('worker', () => process.stderr.write('worker started\\n'));\nconst exit = process.exit;\nprocess.exit = (code) => { process.stderr.write('process.exit called\\n'); exit(code); };\n");
    try {
      const {stdout, stderr} = await run(process.execPath, ['--import', pathToFileURL(preload).href, `${dist}cli.js`, 'status', '--sandbox'], {
        env: {PATH: process.env['PATH'] ?? '', NO_COLOR: '1', HOME: dir, BTALK_CONFIG_DIR: dir},
        timeout: 20_000,
      });
      expect(stdout).toMatch(/token and GET \/me work/);
      expect(stderr).toContain('worker started');
      expect(stderr).not.toContain('process.exit called');
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
