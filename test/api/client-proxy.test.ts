import {once} from 'node:events';
import {createServer, type Server, type Socket} from 'node:net';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor, failure} from './client-fixture.js';

const CREDENTIALS = {clientId: 'proxy-test-id', clientSecret: 'proxy-test-secret', apiKey: 'p'.repeat(40)};

/** A proxy that records each request line and refuses every CONNECT with 502. */
function startRefusingProxy(): Promise<{server: Server; url: string; requests: string[]}> {
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
      socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
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
