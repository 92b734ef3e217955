/**
 * The one HTTP module: a got instance (prefixUrl = base URL, fixed headers, timeout, no redirects,
 * proxy agent) and a send loop that retries requests without side effects, logs one debug line per
 * attempt and turns transport failures into BtalkErrors. HTTP answers of any status are returned
 * to the caller, which knows what they mean.
 */
import {performance} from 'node:perf_hooks';
import got, {type Got, type Response} from 'got';
import {BtalkError} from '../errors.js';
import {sleep, type Timers} from '../timers.js';
import {debugLine} from './debug-log.js';
import {parseErrorBody} from './error-body.js';
import {failureCode, header, requestIdOf, transportError, type HttpAnswer, type RequestContext} from './http-errors.js';
import {proxyAgentFor, type ProxyEnv} from './proxy.js';
import type {Redactor} from './redact.js';
import {decideRetry, isRetryableFailure, isRetryableStatus, parseRetryAfter} from './retry-policy.js';

export interface TransportOptions {
  baseUrl: string;
  tokenUrl: string;
  timeoutMs: number;
  retries: number;
  maxRetryDelayMs: number;
  userAgent: string;
  /** Headers on every Business Talk call (not on the token request), e.g. X-BT-API-KEY. */
  apiHeaders: Record<string, string>;
  proxyEnv: ProxyEnv;
  clock: () => number;
  /** The jitter of the backoff, and the timers it waits on. */
  random: () => number;
  timers: Timers;
  redactor: Redactor;
  debug?: ((line: string) => void) | undefined;
}

export interface SendRequest {
  method: 'GET' | 'POST';
  /** 'api': `path` is relative to the base URL; 'token': the token endpoint. */
  endpoint: 'api' | 'token';
  path?: string;
  searchParams?: Record<string, string | number>;
  headers: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  /** Retry on network errors, 429, 5xx gateway errors and 403 code 53. Never for the order POST. */
  retry: boolean;
  /** The order POST: failures say whether the order may exist. */
  order?: boolean;
  replayed?: boolean;
  signal?: AbortSignal | undefined;
}

export interface SentAnswer extends HttpAnswer {
  requestId: string | undefined;
  context: RequestContext;
}

export interface Transport {
  send(request: SendRequest): Promise<SentAnswer>;
  /** The proxy in use, display form; undefined for direct connections. */
  readonly proxy: string | undefined;
}

export function createTransport(options: TransportOptions): Transport {
  const choice = proxyAgentFor(options.baseUrl, options.proxyEnv);
  const root = got.extend({
    headers: {'user-agent': options.userAgent, accept: 'application/json'},
    followRedirect: false,
    throwHttpErrors: false,
    // Retries are decided below, where the order POST can be kept out of them.
    retry: {limit: 0},
    timeout: {request: options.timeoutMs},
    responseType: 'text',
    ...(choice.agent ? {agent: choice.agent} : {}),
  });
  const api: Got = root.extend({prefixUrl: options.baseUrl, headers: options.apiHeaders});
  const host = new URL(options.baseUrl).host;

  function displayPath(request: SendRequest): string {
    const url = request.endpoint === 'token' ? new URL(options.tokenUrl) : new URL(request.path ?? '', `${options.baseUrl}/`);
    for (const [k, v] of Object.entries(request.searchParams ?? {})) url.searchParams.set(k, String(v));
    return `${url.pathname}${url.search}`;
  }

  function log(line: string): void {
    options.debug?.(options.redactor.redact(line));
  }

  async function attempt(request: SendRequest): Promise<Response<string>> {
    const common = {
      method: request.method,
      headers: request.headers,
      resolveBodyOnly: false as const,
      responseType: 'text' as const,
      ...(request.searchParams ? {searchParams: request.searchParams} : {}),
      ...(request.json === undefined ? {} : {json: request.json}),
      ...(request.form ? {form: request.form} : {}),
      ...(request.signal ? {signal: request.signal} : {}),
    };
    return request.endpoint === 'token' ? root(options.tokenUrl, common) : api(request.path ?? '', common);
  }

  return {
    proxy: choice.proxy,
    async send(request) {
      const path = displayPath(request);
      const context: RequestContext = {
        method: request.method,
        path,
        host,
        endpoint: request.endpoint,
        ...(request.order ? {order: true} : {}),
        ...(request.replayed ? {replayed: true} : {}),
        ...(choice.proxy ? {proxy: choice.proxy} : {}),
      };
      for (let retries = 0; ; retries += 1) {
        context.retries = retries;
        const started = performance.now();
        let response: Response<string>;
        try {
          response = await attempt(request);
        } catch (error) {
          const ms = performance.now() - started;
          const code = failureCode(error);
          const decision = request.retry && isRetryableFailure(code) && !request.signal?.aborted
            ? decideRetry({retry: retries + 1, maxRetries: options.retries, capMs: options.maxRetryDelayMs, now: options.clock(), random: options.random})
            : {retry: false as const};
          log(debugLine({method: request.method, path, outcome: code, ms, ...(decision.retry ? {retry: {number: retries + 1, of: options.retries, delayMs: decision.delayMs}} : {})}));
          if (!decision.retry) throw transportError(context, error, options.timeoutMs);
          await pause(options.timers, decision.delayMs, request.signal);
          continue;
        }
        const ms = performance.now() - started;
        const answer: HttpAnswer = {status: response.statusCode, headers: response.headers, body: response.body ?? ''};
        const requestId = requestIdOf(answer);
        const retryAfterMs = parseRetryAfter(header(answer, 'retry-after'), options.clock());
        if (retryAfterMs === undefined) delete context.retryAfterMs;
        else context.retryAfterMs = retryAfterMs;
        const retryable = request.retry && response.statusCode >= 400 && isRetryableStatus(response.statusCode, parseErrorBody(answer.body).apiCode);
        const decision = retryable
          ? decideRetry({retry: retries + 1, maxRetries: options.retries, capMs: options.maxRetryDelayMs, retryAfter: header(answer, 'retry-after'), now: options.clock(), random: options.random})
          : {retry: false as const};
        log(debugLine({method: request.method, path, outcome: response.statusCode, ms, requestId, ...(decision.retry ? {retry: {number: retries + 1, of: options.retries, delayMs: decision.delayMs}} : {})}));
        if (decision.retry) {
          await pause(options.timers, decision.delayMs, request.signal);
          continue;
        }
        if (!decision.retry && 'reason' in decision && decision.reason) context.waitAsked = decision.reason;
        return {...answer, requestId, context};
      }
    },
  };
}

async function pause(timers: Timers, ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(timers, ms, signal);
  } catch {
    throw new BtalkError('cancelled', 'Cancelled.');
  }
}
