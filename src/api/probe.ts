/**
 * Low-level network probes for `btalk doctor`: DNS, TCP, an HTTP CONNECT through a proxy, the TLS
 * handshake and the server's Date header. Each takes a deadline and never throws past it: the
 * caller gets a plain result or an Error whose message says what failed.
 */
import {promises as dns} from 'node:dns';
import {request as httpRequest} from 'node:http';
import {connect as netConnect, isIP, type Socket} from 'node:net';
import {connect as tlsConnect, type PeerCertificate, type TLSSocket} from 'node:tls';
import got from 'got';
import {proxyAgentFor} from './proxy-agent.js';
import type {ProxyEnv} from './proxy.js';

function deadline<T>(ms: number, what: string, work: (done: (cleanup?: () => void) => void) => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let cleanup: (() => void) | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cleanup?.();
      reject(new Error(`${what}: no answer within ${ms / 1000} s`));
    }, ms);
    timer.unref();
  });
  return Promise.race([work((c) => (cleanup = c)), timeout]).finally(() => clearTimeout(timer));
}

export async function lookupHost(host: string, ms: number): Promise<string[]> {
  if (isIP(host.replace(/^\[|\]$/g, ''))) return [host];
  return deadline(ms, `DNS lookup of ${host}`, async () => (await dns.lookup(host, {all: true})).map((a) => a.address));
}

export function openTcp(host: string, port: number, ms: number): Promise<Socket> {
  return deadline(ms, `TCP connection to ${host}:${port}`, (onTimeout) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = netConnect({host: host.replace(/^\[|\]$/g, ''), port});
      onTimeout(() => socket.destroy());
      socket.once('connect', () => resolve(socket));
      socket.once('error', (e) => reject(e));
    }),
  );
}

/** A tunnel to host:port through an http:// proxy (HTTP CONNECT), as the client's agent opens it. */
export function tunnelThrough(proxyUrl: string, host: string, port: number, ms: number): Promise<Socket> {
  const proxy = new URL(proxyUrl);
  const auth = proxy.username ? {'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`} : {};
  return deadline(ms, `CONNECT ${host}:${port} through the proxy`, (onTimeout) =>
    new Promise<Socket>((resolve, reject) => {
      const req = httpRequest({host: proxy.hostname, port: Number(proxy.port) || 80, method: 'CONNECT', path: `${host}:${port}`, headers: {host: `${host}:${port}`, ...auth}});
      onTimeout(() => req.destroy());
      req.once('connect', (res, socket) => {
        if (res.statusCode === 200) return resolve(socket);
        socket.destroy();
        reject(new Error(`the proxy answered CONNECT with ${res.statusCode} ${res.statusMessage ?? ''}`.trim()));
      });
      req.once('error', reject);
      req.end();
    }),
  );
}

export interface TlsResult {
  authorized: boolean;
  /** OpenSSL's code, e.g. SELF_SIGNED_CERT_IN_CHAIN, when not authorized. */
  error?: string;
  /** Common names from the server's certificate up to the last issuer it sent. */
  chain: string[];
  protocol?: string;
}

function chainOf(cert: PeerCertificate | undefined): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let current = cert as (PeerCertificate & {issuerCertificate?: PeerCertificate}) | undefined;
  while (current && Object.keys(current).length > 0 && names.length < 8) {
    const key = current.fingerprint256 ?? String(names.length);
    if (seen.has(key)) {
      break;
    }
    seen.add(key);
    names.push(String(current.subject?.CN ?? current.subject?.O ?? '?'));
    const issuer = current.issuerCertificate;
    if (!issuer || issuer === current) {
      const issuerName = current.issuer?.CN ?? current.issuer?.O;
      if (issuerName && issuerName !== names.at(-1)) names.push(String(issuerName));
      break;
    }
    current = issuer as PeerCertificate & {issuerCertificate?: PeerCertificate};
  }
  return names;
}

/** The TLS handshake with host (on `socket` when tunnelled), without failing on an untrusted chain. */
export function probeTls(host: string, port: number, ms: number, socket?: Socket): Promise<TlsResult> {
  return deadline(ms, `TLS handshake with ${host}`, (onTimeout) =>
    new Promise<TlsResult>((resolve, reject) => {
      const tls: TLSSocket = tlsConnect({host, port, servername: host, rejectUnauthorized: false, ...(socket ? {socket} : {})});
      onTimeout(() => tls.destroy());
      tls.once('secureConnect', () => {
        const result: TlsResult = {
          authorized: tls.authorized,
          chain: chainOf(tls.getPeerCertificate(true)),
          ...(tls.authorizationError ? {error: String((tls.authorizationError as unknown as {code?: string}).code ?? tls.authorizationError)} : {}),
          ...(tls.getProtocol() ? {protocol: tls.getProtocol()!} : {}),
        };
        tls.destroy();
        resolve(result);
      });
      tls.once('error', reject);
    }),
  );
}

/** The Date header of an unauthenticated GET on the base URL (any status will do), through the proxy in use. */
export async function serverDate(baseUrl: string, env: ProxyEnv, ms: number): Promise<{date: string | undefined; status: number}> {
  const {agent} = proxyAgentFor(baseUrl, env, {connectMs: ms});
  const response = await got(`${baseUrl.replace(/\/+$/, '')}/me`, {
    throwHttpErrors: false,
    retry: {limit: 0},
    timeout: {request: ms},
    followRedirect: false,
    ...(agent ? {agent} : {}),
  });
  return {date: response.headers['date'], status: response.statusCode};
}
