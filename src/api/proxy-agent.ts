/**
 * The agents that send the client's requests through the proxy proxy.ts chooses (hpagent: a
 * CONNECT tunnel for https), kept alive between requests.
 */
import type {Agent as HttpAgent} from 'node:http';
import type {Agent as HttpsAgent} from 'node:https';
import {HttpProxyAgent, HttpsProxyAgent} from 'hpagent';
import {displayProxy, proxyForUrl, type ProxyEnv} from './proxy.js';

export interface ProxyChoice {
  /** For got's `agent` option; undefined means Node's default agents. */
  agent?: {http?: HttpAgent; https?: HttpsAgent};
  /** The proxy in use, for messages (no credentials). */
  proxy?: string;
}

/** Agents for requests to `target` (the base URL; the token endpoint shares its host). */
export function proxyAgentFor(target: string, env: ProxyEnv): ProxyChoice {
  const proxy = proxyForUrl(target, env);
  if (!proxy) return {};
  const options = {proxy, keepAlive: true, keepAliveMsecs: 1000, maxSockets: 16, maxFreeSockets: 4, scheduling: 'lifo' as const};
  const agent = new URL(target).protocol === 'http:' ? {http: new HttpProxyAgent(options)} : {https: new HttpsProxyAgent(options)};
  return {agent, proxy: displayProxy(proxy)};
}
