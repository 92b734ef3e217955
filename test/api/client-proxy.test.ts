import {once} from 'node:events';
import {createServer, type Server, type Socket} from 'node:net';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor, failure} from './client-fixture.js';

const CREDENTIALS = {clientId: 'proxy-test-id', clientSecret: 'proxy-test-secret', apiKey: 'p'.repeat(40)};

/**
 * A proxy that records each request line and answers every CONNECT with `reply` (a 502 unless
 * told otherwise), or, with `reply` null, takes the connection and never answers.
 */
function startRefusingProxy(reply: string | null = 'HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n'): Promise<{server: Server; url: string; requests: string[]}> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      if (!buffered.includes('\r\n\r\n')) return;
      requests.push(buffered.split('\r\n')[0] ?? '');
      buffered = '';
      if (reply !== null) socket.end(reply);
    });
    socket.on('error', () => undefined);
  });
  server.on('close', () => {
    for (const s of sockets) s.destroy();
  });
  server.listen(0, '127.0.0.1');
  return once(server, 'listening').then(() => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy did not listen on TCP');
    return {server, url: `http://127.0.0.1:${address.port}`, requests};
  });
}

/** A token already cached: the order POST is the first request. */
const cachedToken = {get: async () => ({accessToken: 'cached-token', expiresAt: Date.now() + 3_600_000}), set: async () => undefined, clear: async () => undefined};

describe('a proxy that takes the connection and never answers its CONNECT', () => {
  let silent: Awaited<ReturnType<typeof startRefusingProxy>>;
  beforeEach(async () => {
    silent = await startRefusingProxy(null);
  });
  afterEach(() => {
    silent.server.close();
  });
  const api = (more: Record<string, unknown> = {}) =>
    createBusinessTalkApi({baseUrl: 'https://api.orange.com/btalk/beta/v1', credentials: CREDENTIALS, proxyEnv: {HTTPS_PROXY: silent.url}, timeoutMs: 1_500, retries: 0, ...more});

  // Before the deadline on the CONNECT, each of these waited for as long as the proxy kept silent.
  it('a read ends within its bound, saying the proxy did not answer', {timeout: 20_000}, async () => {
    const error = await failure(api().me());
    expect(silent.requests).toEqual(['CONNECT api.orange.com:443 HTTP/1.1']);
    expect(error.kind).toBe('network');
    expect(error.message).toContain(`the proxy ${silent.url} did not answer its request to open a tunnel to api.orange.com (CONNECT)`);
  });

  it('an aborted read ends too, at the latest when the CONNECT deadline lets the request go', {timeout: 20_000}, async () => {
    const abort = new AbortController();
    const reading = failure(api().me({signal: abort.signal}));
    setTimeout(() => abort.abort(), 100);
    // Node hands over the abort only with the request's socket: the deadline is what ends it.
    expect(['cancelled', 'network']).toContain((await reading).kind);
  });

  it('the order POST ends within the connection bound, known not to have been sent', {timeout: 20_000}, async () => {
    const order = {customerOrderReference: 'PO-1', parameters: {technicalSiteName: 'PARIS_01', customerSiteLabel: 'Paris', country: 'FR', vpnId: 'aa76e66dfc63'}};
    const error = await failure(api({tokenCache: cachedToken, connectTimeoutMs: 1_000, orderTimeoutMs: 60_000}).orderVoicesite('9999', order));
    expect(silent.requests).toEqual(['CONNECT api.orange.com:443 HTTP/1.1']);
    expect(error.outcomeUnknown).not.toBe(true);
    expect(error.message).toContain('did not answer its request to open a tunnel');
  });
});

describe('a proxy that asks for credentials', () => {
  it('is said to want them (407), with where they go', async () => {
    const proxy = await startRefusingProxy('HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm="corp"\r\ncontent-length: 0\r\n\r\n');
    try {
      const api = createBusinessTalkApi({baseUrl: 'https://api.orange.com/btalk/beta/v1', credentials: CREDENTIALS, proxyEnv: {HTTPS_PROXY: proxy.url}, timeoutMs: 5_000, retries: 0});
      const error = await failure(api.me());
      expect(error.message).toContain(`the proxy ${proxy.url} asks for credentials (407 Proxy Authentication Required)`);
      expect(error.hint).toContain('HTTPS_PROXY=http://user:password@proxy.example:8080');
    } finally {
      proxy.server.close();
    }
  });
});

describe('proxy settings', () => {
  let proxy: Awaited<ReturnType<typeof startRefusingProxy>>;
  beforeEach(async () => {
    proxy = await startRefusingProxy();
  });
  afterEach(async () => {
    proxy.server.close();
  });

  it('sends requests through HTTPS_PROXY and says the proxy refused when it answers 502', async () => {
    const api = createBusinessTalkApi({
      baseUrl: 'https://api.orange.com/btalk/beta/v1',
      credentials: CREDENTIALS,
      proxyEnv: {HTTPS_PROXY: proxy.url},
      timeoutMs: 5_000,
    });
    const error = await failure(api.me());
    expect(proxy.requests[0]).toBe('CONNECT api.orange.com:443 HTTP/1.1');
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/proxy/);
    expect(error.hint).toContain(proxy.url);
    expect(error.hint).toMatch(/NO_PROXY/);
  });

  it('honours lower-case https_proxy as well', async () => {
    const api = createBusinessTalkApi({baseUrl: 'https://api.orange.com/btalk/v1', credentials: CREDENTIALS, proxyEnv: {https_proxy: proxy.url}});
    await failure(api.token());
    expect(proxy.requests).toEqual(['CONNECT api.orange.com:443 HTTP/1.1']);
  });

  it('goes direct for a host listed in NO_PROXY', async () => {
    // .invalid never resolves (RFC 6761), so the direct attempt fails fast without touching the internet.
    const api = createBusinessTalkApi({
      baseUrl: 'https://btalk.invalid/btalk/beta/v1',
      credentials: CREDENTIALS,
      proxyEnv: {HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,.example.com,btalk.invalid'},
      timeoutMs: 5_000,
      retries: 0,
    });
    const error = await failure(api.me());
    expect(proxy.requests).toEqual([]);
    expect(error.kind).toBe('network');
    expect(error.hint).not.toContain(proxy.url);
  });

  describe('with the emulator', () => {
    const sandbox = useEmulator();

    it('never sends loopback requests through the proxy', async () => {
      const me = await clientFor(sandbox(), {proxyEnv: {HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, ALL_PROXY: proxy.url}}).me();
      expect(me.rightsProfile).toBe('admin');
      expect(proxy.requests).toEqual([]);
    });
  });
});
