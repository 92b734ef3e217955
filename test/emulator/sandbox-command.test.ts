import {execFileSync} from 'node:child_process';
import {createServer} from 'node:net';
import {Command} from 'commander';
import {describe, expect, it} from 'vitest';
import type {CommandContext} from '../../src/commands/context.js';
import {registerSandbox, runSandboxCommand} from '../../src/commands/sandbox.js';
import {BtalkError} from '../../src/errors.js';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {basicAuth} from '../helpers/emulator.js';
import {testRuntime} from '../helpers/session.js';

/** A test runtime (Ctrl+C pressed by the test, output read back) that can wait for the exports. */
function fakeRuntime() {
  const runtime = testRuntime();
  return Object.assign(runtime, {
    /** Resolves once stdout has the four lines (the server is up by then). */
    async ready(): Promise<string> {
      while (!runtime.out().includes('BTALK_API_KEY') && !runtime.err().includes('Error')) await new Promise((r) => setTimeout(r, 5));
      return runtime.out();
    },
  });
}

/** Runs the printed lines through a real POSIX shell and reads the variables back. */
function evalInShell(lines: string): {BTALK_BASE_URL: string; BTALK_CLIENT_ID: string; BTALK_CLIENT_SECRET: string; BTALK_API_KEY: string} {
  const script = `eval "$LINES"; printf '%s\\0' "$BTALK_BASE_URL" "$BTALK_CLIENT_ID" "$BTALK_CLIENT_SECRET" "$BTALK_API_KEY"`;
  const output = execFileSync('sh', ['-c', script], {env: {PATH: process.env['PATH'], LINES: lines}, encoding: 'utf8'});
  const [BTALK_BASE_URL = '', BTALK_CLIENT_ID = '', BTALK_CLIENT_SECRET = '', BTALK_API_KEY = ''] = output.split('\0');
  return {BTALK_BASE_URL, BTALK_CLIENT_ID, BTALK_CLIENT_SECRET, BTALK_API_KEY};
}

describe('btalk sandbox', () => {
  it('prints four single-quoted exports a shell can eval, serves them, and stops cleanly on Ctrl+C', async () => {
    const fake = fakeRuntime();
    const running = runSandboxCommand(fake, {});
    const out = await fake.ready();
    const lines = out.trim().split('\n');
    expect(lines.map((l) => l.split('=')[0])).toEqual(['export BTALK_BASE_URL', 'export BTALK_CLIENT_ID', 'export BTALK_CLIENT_SECRET', 'export BTALK_API_KEY']);
    for (const line of lines) expect(line).toMatch(/^export [A-Z_]+='[^']*'$/);

    const vars = evalInShell(out);
    expect(vars.BTALK_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/btalk\/beta\/v1$/);
    expect(vars.BTALK_CLIENT_ID).toBe(EMULATOR_ACCOUNTS.demo.clientId);
    expect(vars.BTALK_CLIENT_SECRET).toBe(EMULATOR_ACCOUNTS.demo.clientSecret);
    expect(vars.BTALK_API_KEY).toBe(EMULATOR_ACCOUNTS.demo.apiKey);
    expect(fake.err()).toMatch(/demoReadonly/);
    expect(fake.err()).toMatch(/Ctrl\+C/);

    // The printed credentials work against the printed URL, as the getting-started page does it.
    const origin = new URL(vars.BTALK_BASE_URL).origin;
    const tokenRes = await fetch(`${origin}/oauth/v3/token`, {
      method: 'POST',
      headers: {authorization: basicAuth(vars.BTALK_CLIENT_ID, vars.BTALK_CLIENT_SECRET), 'content-type': 'application/x-www-form-urlencoded'},
      body: 'grant_type=client_credentials',
    });
    const {access_token} = (await tokenRes.json()) as {access_token: string};
    const me = await fetch(`${vars.BTALK_BASE_URL}/me`, {headers: {authorization: `Bearer ${access_token}`, 'x-bt-api-key': vars.BTALK_API_KEY}});
    expect(await me.json()).toEqual({rightsProfile: 'admin'});

    fake.interrupt();
    expect(await running).toBe(0);
    expect(fake.interruptHandlers()).toBe(0);
    expect(fake.err()).toMatch(/Sandbox stopped/);
    await expect(fetch(`${vars.BTALK_BASE_URL}/me`)).rejects.toThrow();
  });

  it('--json prints one JSON object with the demo account instead of export lines', async () => {
    const fake = fakeRuntime();
    const running = runSandboxCommand(fake, {json: true});
    while (!fake.out().includes('\n')) await new Promise((r) => setTimeout(r, 5));
    const printed = JSON.parse(fake.out()) as Record<string, string>;
    expect(printed).toMatchObject({clientId: EMULATOR_ACCOUNTS.demo.clientId, apiKey: EMULATOR_ACCOUNTS.demo.apiKey});
    expect(printed['baseUrl']).toMatch(/\/btalk\/beta\/v1$/);
    expect((await fetch(`${printed['baseUrl']}/me`)).status).toBe(401);
    fake.interrupt();
    expect(await running).toBe(0);
  });

  it('--account large --latency 150: exports of the large account, 10,000 VPNs and 5,000 sites, every answer at least 150 ms late', async () => {
    const fake = fakeRuntime();
    const running = runSandboxCommand(fake, {account: 'large', latency: '150'});
    const vars = evalInShell(await fake.ready());
    expect(vars.BTALK_CLIENT_ID).toBe(EMULATOR_ACCOUNTS.large.clientId);
    expect(vars.BTALK_API_KEY).toBe(EMULATOR_ACCOUNTS.large.apiKey);
    expect(fake.err()).toContain('delayed 150 ms');
    const origin = new URL(vars.BTALK_BASE_URL).origin;
    const started = performance.now();
    const tokenRes = await fetch(`${origin}/oauth/v3/token`, {
      method: 'POST',
      headers: {authorization: basicAuth(vars.BTALK_CLIENT_ID, vars.BTALK_CLIENT_SECRET), 'content-type': 'application/x-www-form-urlencoded'},
      body: 'grant_type=client_credentials',
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    const {access_token} = (await tokenRes.json()) as {access_token: string};
    const headers = {authorization: `Bearer ${access_token}`, 'x-bt-api-key': vars.BTALK_API_KEY};
    const customers = (await (await fetch(`${vars.BTALK_BASE_URL}/customers`, {headers})).json()) as Array<{customerCode: string}>;
    expect(customers.map((c) => c.customerCode)).toEqual(['52000']);
    const vpns = await fetch(`${vars.BTALK_BASE_URL}/customers/52000/vpns?offset=9999&limit=10`, {headers});
    expect(vpns.headers.get('x-total-count')).toBe('10000');
    expect(((await vpns.json()) as Array<{name: string}>).map((v) => v.name)).toEqual(['Large VPN 10000']);
    const sites = await fetch(`${vars.BTALK_BASE_URL}/voicesites?limit=1`, {headers});
    expect(sites.headers.get('x-total-count')).toBe('5000');
    fake.interrupt();
    expect(await running).toBe(0);
  });

  it('refuses a latency that is not a whole number of milliseconds, and an unknown account', async () => {
    const fake = fakeRuntime();
    await expect(runSandboxCommand(fake, {latency: '-5'})).rejects.toMatchObject({kind: 'usage', message: expect.stringContaining('--latency')});
    await expect(runSandboxCommand(fake, {latency: '0.5'})).rejects.toMatchObject({kind: 'usage'});
    await expect(runSandboxCommand(fake, {latency: '600000'})).rejects.toMatchObject({kind: 'usage'});
    await expect(runSandboxCommand(fake, {account: 'nobody'})).rejects.toMatchObject({kind: 'usage', message: expect.stringContaining('large')});
    expect(fake.out()).toBe('');
  });

  it('a port in use is a usage error naming the port', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as {port: number}).port;
    try {
      const fake = fakeRuntime();
      const error = await runSandboxCommand(fake, {port: String(port)}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BtalkError);
      expect((error as BtalkError).kind).toBe('usage');
      expect((error as BtalkError).message).toContain(String(port));
      expect(fake.out()).toBe('');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('refuses a bad port and a non-loopback host', async () => {
    const fake = fakeRuntime();
    await expect(runSandboxCommand(fake, {port: 'eighty'})).rejects.toMatchObject({kind: 'usage'});
    await expect(runSandboxCommand(fake, {port: '70000'})).rejects.toMatchObject({kind: 'usage'});
    await expect(runSandboxCommand(fake, {host: '0.0.0.0'})).rejects.toMatchObject({kind: 'usage', message: expect.stringContaining('loopback')});
  });

  it('is registered as `btalk sandbox --port` and exits 0 after Ctrl+C; --port in use exits 2', async () => {
    const fake = fakeRuntime();
    let exitCode = -1;
    const ctx = {runtime: fake, globals: () => ({}), setExitCode: (n: number) => (exitCode = n)} as unknown as CommandContext;
    const program = new Command().exitOverride();
    registerSandbox(program, ctx);
    const parsing = program.parseAsync(['node', 'btalk', 'sandbox', '--port', '0']);
    await fake.ready();
    fake.interrupt();
    await parsing;
    expect(exitCode).toBe(0);

    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as {port: number}).port;
    const busy = fakeRuntime();
    const ctx2 = {runtime: busy, globals: () => ({}), setExitCode: (n: number) => (exitCode = n)} as unknown as CommandContext;
    const program2 = new Command().exitOverride();
    registerSandbox(program2, ctx2);
    await program2.parseAsync(['node', 'btalk', 'sandbox', '--port', String(port)]);
    await new Promise((r) => blocker.close(r));
    expect(exitCode).toBe(2);
    expect(busy.err()).toContain(`Port ${port} is already in use`);
  });
});
