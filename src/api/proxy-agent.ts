/**
 * The agents that send the client's requests through the proxy proxy.ts chooses (hpagent: a
 * CONNECT tunnel for https), kept alive between requests.
 *
 * The CONNECT to the proxy has a deadline of its own. A request that has no socket yet is beyond
 * got's timeouts and its abort: Node reports the error of a request destroyed before its socket
 * only once that socket comes, and a proxy that takes the connection but never answers its
 * CONNECT never gives one. Without the deadline every command, and an order after Ctrl+C, waited
 * for as long as the proxy kept silent.
 */
import type {Agent as HttpAgent} from 'node:http';
import type {Agent as HttpsAgent} from 'node:https';
import {HttpProxyAgent, HttpsProxyAgent} from 'hpagent';
import {BtalkError} from '../errors.js';
import {displayProxy, proxyForUrl, type ProxyEnv} from './proxy.js';

export interface ProxyChoice {
  /** For got's `agent` option; undefined means Node's default agents. */
  agent?: {http?: HttpAgent; https?: HttpsAgent};
  /** The proxy in use, for messages (no credentials). */
  proxy?: string;
}

type CreateConnection = (options: {timeout?: number}, callback: (error: Error | null, socket: unknown) => void) => unknown;

/**
 * hpagent gives its CONNECT request the `timeout` of the options it is called with (none from
 * got), and ends it with "Proxy timeout" when the proxy is silent that long: the request then
 * fails as a proxy failure, nothing sent (api/http-errors.ts). On an https tunnel the same
 * timeout is the TLS socket's idle timeout, which Node's agent uses only to close idle sockets.
 */
function withConnectDeadline<T extends HttpAgent>(agent: T, connectMs: number): T {
  const own = agent as unknown as {createConnection: CreateConnection};
  const create = own.createConnection.bind(agent);
  own.createConnection = (options, callback) => create({...options, timeout: options.timeout || connectMs}, callback);
  return agent;
}

/** Agents for requests to `target` (the base URL; the token endpoint shares its host). */
export function proxyAgentFor(target: string, env: ProxyEnv, bounds: {connectMs: number}): ProxyChoice {
  const proxy = proxyForUrl(target, env);
  if (!proxy) return {};
  if (!URL.canParse(proxy)) {
    const url = new URL(target);
    const scheme = url.protocol.replace(/:$/, '');
    throw new BtalkError('usage', `The proxy for ${url.hostname} (${scheme.toUpperCase()}_PROXY, ${scheme}_proxy or ALL_PROXY) is not a valid URL; its value is not shown, as it may hold a password.`, {
      hint: 'Give it as http://host:port, or http://user:password@host:port with @, : and / in the password percent-encoded (%40, %3A, %2F).',
    });
  }
  const options = {proxy, keepAlive: true, keepAliveMsecs: 1000, maxSockets: 16, maxFreeSockets: 4, scheduling: 'lifo' as const};
  const agent =
    new URL(target).protocol === 'http:'
      ? {http: withConnectDeadline(new HttpProxyAgent(options), bounds.connectMs)}
      : {https: withConnectDeadline(new HttpsProxyAgent(options), bounds.connectMs)};
  return {agent, proxy: displayProxy(proxy)};
}
