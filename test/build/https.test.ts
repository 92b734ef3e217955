/**
 * The bundle's HTTP client over TLS, as it ships (`npm run build`; got's HTTP/2 wrapper is left
 * out of it by scripts/build.mjs): `btalk status` against the emulator behind a TLS front whose
 * certificate comes from a CA of the test's own, trusted through NODE_EXTRA_CA_CERTS, direct and
 * through an HTTPS_PROXY that answers CONNECT; and refused without that CA.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer as createHttpServer} from 'node:http';
import {connect as connectTcp, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createServer as createTlsServer, type Server as TlsServer} from 'node:tls';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {BUILT_CLI, runBuiltCli} from '../helpers/built-cli.js';
import {credentialEnv, useEmulator} from '../helpers/emulator.js';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], {stdio: 'pipe'});
    return true;
  } catch {
    return false;
  }
})();

const HOST = 'api.btalk.test';

describe.skipIf(!hasOpenssl)('the bundle over HTTPS (built CLI)', () => {
  const sandbox = useEmulator();
  let dir: string;
  let caFile: string;
  let certificate: {key: Buffer; cert: Buffer};
  let front: TlsServer;
  let frontPort: number;
  const sockets = new Set<Socket>();

  beforeAll(() => {
    expect(BUILT_CLI).toMatch(/cli\.js$/);
    dir = mkdtempSync(path.join(tmpdir(), 'btalk-https-'));
    const ssl = (args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: 'pipe'});
    ssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=btalk test CA']);
    ssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${HOST}`]);
    writeFileSync(path.join(dir, 'ext.cnf'), `subjectAltName=DNS:${HOST},IP:127.0.0.1\n`);
    ssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf']);
    caFile = path.join(dir, 'ca.pem');
    certificate = {key: readFileSync(path.join(dir, 'server.key')), cert: readFileSync(path.join(dir, 'server.pem'))};
  });

  /** TLS ends here; the bytes inside go to the emulator as they are. */
  beforeEach(async () => {
    const emulatorPort = Number(new URL(sandbox().baseUrl).port);
    front = createTlsServer(certificate, (tls) => {
      sockets.add(tls);
      const upstream = connectTcp(emulatorPort, '127.0.0.1');
      sockets.add(upstream);
      tls.pipe(upstream).pipe(tls);
      tls.on('error', () => upstream.destroy());
      upstream.on('error', () => tls.destroy());
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    frontPort = (front.address() as {port: number}).port;
  });
  afterEach(() => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    front.close();
  });

  const status = (baseUrl: string, env: Record<string, string>) =>
    runBuiltCli(['status'], {cwd: dir, env: {NO_COLOR: '1', BTALK_BASE_URL: baseUrl, ...credentialEnv(sandbox().demo), ...env}});

  it('reads the token and /me from a server whose CA is trusted through NODE_EXTRA_CA_CERTS', async () => {
    const r = await status(`https://127.0.0.1:${frontPort}/btalk/beta/v1`, {NODE_EXTRA_CA_CERTS: caFile});
    expect(r.stdout).toMatch(/Access:\s+✓ token and GET \/me work/);
    expect(r.code).toBe(0);
    expect(sandbox().counters.tokenRequests).toBe(1);
  }, 30_000);

  it('refuses the same server without that CA', async () => {
    const r = await status(`https://127.0.0.1:${frontPort}/btalk/beta/v1`, {});
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/✓ token and GET \/me work/);
    expect(`${r.stdout}${r.stderr}`).toMatch(/certificate/i);
    expect(r.code).not.toBe(0);
    expect(sandbox().counters.tokenRequests).toBe(0);
  }, 30_000);

  it('goes through HTTPS_PROXY: one CONNECT to the API host, then TLS with that host', async () => {
    const asked: string[] = [];
    const proxy = createHttpServer();
    proxy.on('connect', (req, client: Socket) => {
      asked.push(String(req.url));
      sockets.add(client);
      const upstream = connectTcp(frontPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as {port: number}).port}`;
      const r = await status(`https://${HOST}/btalk/beta/v1`, {NODE_EXTRA_CA_CERTS: caFile, HTTPS_PROXY: proxyUrl});
      expect(r.stdout).toMatch(/Access:\s+✓ token and GET \/me work/);
      expect(r.code).toBe(0);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((a) => a === `${HOST}:443`)).toBe(true);
      expect(sandbox().counters.tokenRequests).toBe(1);
    } finally {
      proxy.close();
    }
  }, 30_000);
});
