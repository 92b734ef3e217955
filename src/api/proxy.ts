/**
 * Proxy choice. got ignores HTTPS_PROXY and friends, so the client picks an agent itself. The rules
 * are proxy-from-env's getProxyForUrl (scheme-specific variable, then ALL_PROXY; NO_PROXY with
 * "*", ports, and leading "." or "*." suffixes), except where curl reads them otherwise: a proxy
 * without a scheme is an HTTP one, and a NO_PROXY name covers its subdomains. Ported because that
 * package only reads process.env and btalk passes its environment in. npm_config_* variables are left out: npm sets
 * them for its own registry traffic, not for btalk. Loopback hosts (the emulator) never go through
 * a proxy.
 *
 * Only the rules, with no dependency: the token head start (src/token-head-start.ts) asks
 * proxyForUrl whether the run would go through a proxy, as the transport does (its agents are
 * built in proxy-agent.ts).
 */
import {isLoopbackHost} from '../environments.js';

export type ProxyEnv = Record<string, string | undefined>;

const DEFAULT_PORTS: Record<string, number> = {http: 80, https: 443};

function getEnv(env: ProxyEnv, key: string): string {
  return env[key.toLowerCase()] || env[key.toUpperCase()] || '';
}

function shouldProxy(env: ProxyEnv, hostname: string, port: number): boolean {
  const noProxy = getEnv(env, 'no_proxy').toLowerCase();
  if (!noProxy) return true;
  if (noProxy === '*') return false;
  return noProxy.split(/[,\s]/).every((entry) => {
    if (!entry) return true;
    const parsed = /^(.+):(\d+)$/.exec(entry);
    let entryHost = parsed?.[1] ?? entry;
    const entryPort = parsed?.[2] ? Number.parseInt(parsed[2], 10) : 0;
    if (entryPort && entryPort !== port) return true;
    // A name without a leading dot is the host and its subdomains, as curl reads NO_PROXY
    // ("corp.example" sends api.corp.example direct too); proxy-from-env matched it alone.
    if (!/^[.*]/.test(entryHost)) return hostname !== entryHost && !hostname.endsWith(`.${entryHost}`);
    if (entryHost.startsWith('*')) entryHost = entryHost.slice(1);
    return !hostname.endsWith(entryHost);
  });
}

/** The proxy URL to use for `target`, or undefined for a direct connection. */
export function proxyForUrl(target: string, env: ProxyEnv): string | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  const proto = url.protocol.replace(/:$/, '');
  if (isLoopbackHost(url.hostname)) return undefined;
  // URL.host keeps IPv6 brackets, as proxy-from-env compares them.
  const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[proto] || 0;
  if (!shouldProxy(env, hostname, port)) return undefined;
  let proxy = getEnv(env, `${proto}_proxy`) || getEnv(env, 'all_proxy');
  if (!proxy) return undefined;
  // Without a scheme ("proxy.corp:8080", the usual corporate value) it is an HTTP proxy, as curl
  // and most tools read it; proxy-from-env would take the target's scheme and speak TLS to it.
  if (!proxy.includes('://')) proxy = `http://${proxy}`;
  return proxy;
}

/** A proxy URL for people: without user name or password. */
export function displayProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'the configured proxy';
  }
}

export interface ProxyExplanation {
  /** The proxy URL (credentials included: for connecting, never for printing), when one is used. */
  proxy?: string;
  /** Which variable chose it, or which one sent the host direct. */
  variable?: string;
  /** One sentence for people, without credentials. */
  reason: string;
}

/** Which proxy requests to `target` use and why (the same rules as proxyForUrl). */
export function explainProxy(target: string, env: ProxyEnv): ProxyExplanation {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return {reason: `"${target}" is not a URL, so no proxy applies`};
  }
  const proto = url.protocol.replace(/:$/, '');
  if (isLoopbackHost(url.hostname)) return {reason: `direct: ${url.hostname} is a loopback address, never proxied`};
  const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[proto] || 0;
  const named = (key: string) => (env[key.toLowerCase()] ? key.toLowerCase() : env[key.toUpperCase()] ? key.toUpperCase() : undefined);
  const noProxyName = named('no_proxy');
  if (!shouldProxy(env, hostname, port)) {
    const entries = getEnv(env, 'no_proxy').toLowerCase().split(/[,\s]/).filter(Boolean);
    const match = entries.find((e) => !shouldProxy({no_proxy: e}, hostname, port)) ?? '*';
    return {variable: noProxyName ?? 'NO_PROXY', reason: `direct: ${noProxyName ?? 'NO_PROXY'} has "${match}", which matches ${hostname}`};
  }
  const variable = named(`${proto}_proxy`) ?? named('all_proxy');
  if (!variable) return {reason: `direct: neither ${proto.toUpperCase()}_PROXY nor ALL_PROXY is set`};
  const proxy = proxyForUrl(target, env)!;
  const unmatched = noProxyName ? ` (${noProxyName} does not match ${hostname})` : '';
  return {proxy, variable, reason: `through ${displayProxy(proxy)}, from ${variable}${unmatched}`};
}
