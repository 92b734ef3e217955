/** `btalk doctor`: every line ✓ against the emulator, and the matching line ✗ with its fix when something is wrong. */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer as createHttpsServer} from 'node:https';
import {createServer as createHttpServer} from 'node:http';
import {connect as connectTcp, createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Command, CommanderError} from 'commander';
import {describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import {explainProxy} from '../../src/api/proxy.js';
import {registerDoctor} from '../../src/commands/doctor.js';
import type {CommandContext} from '../../src/commands/context.js';
import type {CheckResult} from '../../src/doctor/doctor.js';
import {startEmulator} from '../../src/emulator/server.js';
import {withEnvDefaults, type GlobalOptions} from '../../src/global-options.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import type {SecretStore} from '../../src/secrets/types.js';
import {testRuntime, testSessions} from '../helpers/session.js';
import {noDbusKeychain} from '../secrets/no-dbus-keychain.js';

interface DoctorRun {
  code: number;
  out: string;
  err: string;
  checks: CheckResult[];
}

async function doctor(args: string[], options: {env?: Record<string, string>; keychain?: () => SecretStore; clockSkewSeconds?: number} = {}): Promise<DoctorRun> {
  const runtime = {...testRuntime(options.env ?? {}), nodeVersion: process.versions.node};
  const keychain = options.keychain ?? (() => new MemorySecretStore());
  const setup = await testSessions({
    runtime,
    keychainFactory: keychain,
    createApi: (o) => createBusinessTalkApi({...o, maxRetryDelayMs: 10, retries: 0}),
    startEmulator: (o) => startEmulator({...o, settings: {clockSkewSeconds: options.clockSkewSeconds ?? 0}}),
  });
  const program = new Command().option('-p, --profile <name>').option('--env <name>').option('--base-url <url>').option('--sandbox').option('--debug').option('--json').exitOverride();
  let code = 0;
  const ctx: CommandContext = {
    runtime,
    sessions: setup.factory,
    globals: () => withEnvDefaults(program.opts<GlobalOptions>(), runtime.env),
    setExitCode: (n) => (code = n),
  };
  registerDoctor(program, ctx, async () => ({config: setup.config, keychain}));
  try {
    await program.parseAsync(['node', 'btalk', ...args]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = 2;
  }
  // The same checks as JSON, from a second run's output when asked; else parsed from the lines.
  const out = runtime.out();
  const checks = args.includes('--json') ? (JSON.parse(out) as {checks: CheckResult[]}).checks : [];
  return {code, out, err: runtime.err(), checks};
}

const line = (out: string, title: string) => out.split('\n').find((l) => l.slice(2).startsWith(title)) ?? '';
const fixAfter = (out: string, title: string) => {
  const lines = out.split('\n');
  const i = lines.findIndex((l) => l.slice(2).startsWith(title));
  return lines[i + 1]?.trim() ?? '';
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const {port} = server.address() as {port: number};
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('btalk doctor', () => {
  it('--sandbox: every line ✓ and exit 0', async () => {
    const r = await doctor(['--sandbox', 'doctor']);
    const lines = r.out.trim().split('\n');
    expect(lines.map((l) => l.slice(2, 14).trim())).toEqual(['Node.js', 'Config file', 'Profile', 'Proxy', 'DNS and TCP', 'TLS', 'Clock', 'OS keychain', 'Token', 'GET /me']);
    for (const l of lines) expect(l.startsWith('✓ '), l).toBe(true);
    expect(line(r.out, 'GET /me')).toContain('rights profile "admin" (can order)');
    expect(line(r.out, 'Proxy')).toContain('loopback');
    expect(r.code).toBe(0);
    expect(r.err).toContain('Everything btalk needs works here.');
  });

  it('--json gives every check with its status and time', async () => {
    const r = await doctor(['--sandbox', '--json', 'doctor']);
    expect(r.code).toBe(0);
    expect(r.checks).toHaveLength(10);
    expect(r.checks.every((c) => c.status === 'pass' && typeof c.ms === 'number')).toBe(true);
  });

  it('a skewed emulator clock: the Clock line is ✗ with its fix, exit 1', async () => {
    const r = await doctor(['--sandbox', 'doctor'], {clockSkewSeconds: 600});
    expect(line(r.out, 'Clock')).toMatch(/^✗ Clock\s+this machine's clock is (9 min 5\d|10 min \d) s behind the server's/);
    expect(fixAfter(r.out, 'Clock')).toContain('Fix: Set the clock right');
    expect(line(r.out, 'Token').startsWith('✓')).toBe(true);
    expect(r.code).toBe(1);
  });

  it('an unreachable proxy: the Proxy line is ✗ with its fix, what needs it is not checked, exit 1', async () => {
    const port = await closedPort();
    const env = {HTTPS_PROXY: `http://user:pw@127.0.0.1:${port}`, BTALK_CLIENT_ID: 'id', BTALK_CLIENT_SECRET: 'secret', BTALK_API_KEY: 'K'.repeat(40)};
    const r = await doctor(['--env', 'orange', 'doctor'], {env});
    expect(line(r.out, 'Proxy')).toMatch(new RegExp(`^✗ Proxy\\s+through http://127\\.0\\.0\\.1:${port}, from HTTPS_PROXY, which does not answer`));
    expect(r.out).not.toContain('user:pw');
    expect(fixAfter(r.out, 'Proxy')).toContain('Fix: Check HTTPS_PROXY (host and port), or add api.orange.com to NO_PROXY');
    for (const title of ['DNS and TCP', 'TLS', 'Clock', 'Token']) expect(line(r.out, title), title).toMatch(/^– .*not checked/);
    expect(r.code).toBe(1);
  });

  it('a proxy that asks for credentials (407): the fix says where they go, not to ask for the host to be allowed', async () => {
    const proxy = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm="corp"\r\ncontent-length: 0\r\n\r\n'));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const port = (proxy.address() as {port: number}).port;
      const env = {HTTPS_PROXY: `http://127.0.0.1:${port}`, BTALK_CLIENT_ID: 'id', BTALK_CLIENT_SECRET: 'secret', BTALK_API_KEY: 'K'.repeat(40)};
      const r = await doctor(['--env', 'orange', 'doctor'], {env});
      expect(line(r.out, 'DNS and TCP')).toMatch(/^✗ .*407/);
      expect(fixAfter(r.out, 'DNS and TCP')).toContain('Fix: The proxy asks for credentials: put them in HTTPS_PROXY');
      expect(r.code).toBe(1);
    } finally {
      proxy.close();
    }
  });

  it('no D-Bus: the OS keychain line is ✗ with the way to get one, exit 1', async () => {
    const r = await doctor(['--sandbox', 'doctor'], {keychain: noDbusKeychain});
    expect(line(r.out, 'OS keychain')).toMatch(/^✗ OS keychain\s+not usable: no D-Bus session/);
    expect(fixAfter(r.out, 'OS keychain')).toContain('dbus-run-session');
    expect(line(r.out, 'GET /me').startsWith('✓')).toBe(true);
    expect(r.code).toBe(1);
  });

  it('no D-Bus while every secret comes from BTALK_* variables (a headless box): the keychain is not needed, not a failure, exit 0', async () => {
    const s = await startEmulator({});
    try {
      const env = {BTALK_BASE_URL: s.baseUrl, BTALK_CLIENT_ID: s.demo.clientId, BTALK_CLIENT_SECRET: s.demo.clientSecret, BTALK_API_KEY: s.demo.apiKey};
      const r = await doctor(['doctor'], {keychain: noDbusKeychain, env});
      expect(line(r.out, 'OS keychain')).toMatch(/^– OS keychain\s+not checked: not usable \(no D-Bus session.*\), and not needed: every secret of this run comes from BTALK_\* variables/);
      expect(line(r.out, 'GET /me').startsWith('✓')).toBe(true);
      expect(r.code).toBe(0);
    } finally {
      await s.close();
    }
  });
});

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  }
})();

describe('btalk doctor and TLS inspection', () => {
  /** A CA nobody trusts and a server certificate from it for `host` (IP or DNS name). */
  function inspectionCertificates(host: string): {key: Buffer; cert: Buffer} {
    const dir = mkdtempSync(path.join(tmpdir(), 'btalk-tls-'));
    const ssl = (args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: 'pipe'});
    ssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Corp TLS Inspection Root CA']);
    ssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${host}`]);
    writeFileSync(path.join(dir, 'ext.cnf'), `subjectAltName=${/^[\d.]+$/.test(host) ? 'IP' : 'DNS'}:${host}\n`);
    ssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf']);
    return {key: readFileSync(path.join(dir, 'server.key')), cert: readFileSync(path.join(dir, 'server.pem'))};
  }

  it.skipIf(!hasOpenssl)('names the CA of a certificate this machine does not trust, with NODE_EXTRA_CA_CERTS as the fix', async () => {
    // A stand-in for a TLS-inspecting proxy: a server whose certificate comes from a CA nobody trusts.
    const server = createHttpsServer(inspectionCertificates('127.0.0.1'), (_req, res) => res.end('{}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const {port} = server.address() as {port: number};
      const env = {BTALK_CLIENT_ID: 'id', BTALK_CLIENT_SECRET: 'secret', BTALK_API_KEY: 'K'.repeat(40)};
      const r = await doctor(['--base-url', `https://127.0.0.1:${port}/btalk/beta/v1`, 'doctor'], {env});
      expect(line(r.out, 'DNS and TCP').startsWith('✓')).toBe(true);
      expect(line(r.out, 'TLS')).toMatch(/^✗ TLS\s+the certificate of 127\.0\.0\.1 is not trusted \(\w+\): 127\.0\.0\.1 ← Corp TLS Inspection Root CA\. "Corp TLS Inspection Root CA" is likely a TLS-inspecting proxy's/);
      expect(fixAfter(r.out, 'TLS')).toContain('set NODE_EXTRA_CA_CERTS=/path/to/that.pem');
      expect(line(r.out, 'Clock')).toMatch(/^– .*needs a trusted TLS connection/);
      expect(r.code).toBe(1);
    } finally {
      server.close();
    }
  });

  it.skipIf(!hasOpenssl)('through a proxy that answers and inspects TLS: CONNECT works, the CA is named', async () => {
    // The proxy never connects anywhere: every CONNECT is piped to a local server that presents
    // a certificate for the host asked, signed by the "inspection" CA, as such proxies do.
    const inspector = createHttpsServer(inspectionCertificates('api.orange.com'), (_req, res) => res.end('{}'));
    await new Promise<void>((r) => inspector.listen(0, '127.0.0.1', r));
    const asked: string[] = [];
    const proxy = createHttpServer();
    proxy.on('connect', (req, client) => {
      asked.push(String(req.url));
      const upstream = connectTcp((inspector.address() as {port: number}).port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const proxyPort = (proxy.address() as {port: number}).port;
      const env = {HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`, BTALK_CLIENT_ID: 'id', BTALK_CLIENT_SECRET: 'secret', BTALK_API_KEY: 'K'.repeat(40)};
      const r = await doctor(['--env', 'orange', 'doctor'], {env});
      expect(line(r.out, 'Proxy')).toMatch(new RegExp(`^✓ Proxy\\s+through http://127\\.0\\.0\\.1:${proxyPort}, from HTTPS_PROXY, which answers`));
      expect(line(r.out, 'DNS and TCP')).toMatch(/^✓ DNS and TCP\s+api\.orange\.com:443 reached through/);
      expect(line(r.out, 'TLS')).toContain('"Corp TLS Inspection Root CA" is likely a TLS-inspecting proxy');
      expect(asked.every((a) => a === 'api.orange.com:443')).toBe(true);
      expect(r.code).toBe(1);
    } finally {
      proxy.close();
      inspector.close();
    }
  });
});

describe('which proxy and why', () => {
  it('names the variable that chose the proxy, or the NO_PROXY entry that sent the host direct', () => {
    const url = 'https://api.orange.com/btalk/v1';
    expect(explainProxy(url, {})).toEqual({reason: 'direct: neither HTTPS_PROXY nor ALL_PROXY is set'});
    expect(explainProxy(url, {https_proxy: 'http://p:3128'})).toMatchObject({proxy: 'http://p:3128', variable: 'https_proxy', reason: 'through http://p:3128, from https_proxy'});
    expect(explainProxy(url, {HTTPS_PROXY: 'http://u:pw@p:3128', NO_PROXY: 'localhost'}).reason).toBe('through http://p:3128, from HTTPS_PROXY (NO_PROXY does not match api.orange.com)');
    expect(explainProxy(url, {HTTPS_PROXY: 'http://p:3128', NO_PROXY: 'localhost,.orange.com'})).toEqual({variable: 'NO_PROXY', reason: 'direct: NO_PROXY has ".orange.com", which matches api.orange.com'});
    expect(explainProxy(url, {ALL_PROXY: 'p:8080'})).toMatchObject({variable: 'ALL_PROXY', proxy: 'http://p:8080'});
    expect(explainProxy('http://127.0.0.1:8080/btalk/beta/v1', {HTTP_PROXY: 'http://p:3128'}).reason).toBe('direct: 127.0.0.1 is a loopback address, never proxied');
  });
});
