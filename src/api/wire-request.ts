/**
 * A request as it goes on the wire, built in one place: for the `Exchange` seam, and for the token
 * request cli.tsx sends before the client loads (api/head-start.ts), which the transport takes as
 * its first attempt only when the two are the same. No dependency: it is in the start-up path.
 */
import type {SendRequest, WireRequest} from './transport.js';

/** What every request of one client shares. */
export interface WireTarget {
  baseUrl: string;
  tokenUrl: string;
  userAgent: string;
  /** Headers on every Business Talk call, not on the token request (X-BT-API-KEY). */
  apiHeaders: Record<string, string>;
}

/** The client-credentials grant: no side effect, so it is retried like a GET. */
export function tokenRequest(authorization: string): SendRequest {
  return {method: 'POST', endpoint: 'token', headers: {authorization}, form: {grant_type: 'client_credentials'}, retry: true};
}

export function requestUrl(request: Pick<SendRequest, 'endpoint' | 'path' | 'searchParams'>, target: Pick<WireTarget, 'baseUrl' | 'tokenUrl'>): URL {
  const url = request.endpoint === 'token' ? new URL(target.tokenUrl) : new URL(request.path ?? '', `${target.baseUrl}/`);
  for (const [k, v] of Object.entries(request.searchParams ?? {})) url.searchParams.set(k, String(v));
  return url;
}

/** The method, URL, headers (names in lower case) and body a request is sent with. */
export function wireRequest(request: SendRequest, target: WireTarget): WireRequest {
  const headers: Record<string, string> = {'user-agent': target.userAgent, accept: 'application/json', ...(request.endpoint === 'api' ? target.apiHeaders : {}), ...request.headers};
  let body: string | undefined;
  if (request.json !== undefined) [body, headers['content-type']] = [JSON.stringify(request.json), 'application/json'];
  if (request.form) [body, headers['content-type']] = [new URLSearchParams(request.form).toString(), 'application/x-www-form-urlencoded'];
  return {
    method: request.method,
    url: requestUrl(request, target).href,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    ...(body === undefined ? {} : {body}),
  };
}

/** The same request: method, URL, every header and the body. */
export function sameWireRequest(a: WireRequest, b: WireRequest): boolean {
  const keys = (h: Record<string, string>) => Object.keys(h).sort();
  const [ka, kb] = [keys(a.headers), keys(b.headers)];
  return a.method === b.method && a.url === b.url && a.body === b.body && ka.length === kb.length && ka.every((k, i) => k === kb[i] && a.headers[k] === b.headers[k]);
}
