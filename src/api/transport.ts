/**
 * The one HTTP module: a got instance (prefixUrl = base URL, fixed headers, no redirects, proxy
 * agent) and a send loop that retries requests without side effects, logs one debug line per
 * attempt and turns transport failures into BtalkErrors. HTTP answers of any status are returned
 * to the caller, which knows what they mean.
 *
 * Every wait is bounded: a connect timeout, a timeout per attempt, and for a retried request a
 * total bound that its retries and Retry-After pauses must fit in. A pause is announced through
 * `onWait` before it starts. Bodies are read as a stream and refused past `maxBodyBytes`, counted
 * after decompression, so neither a huge body nor a gzip bomb can take the memory.
 */
import {setMaxListeners} from 'node:events';
import {performance} from 'node:perf_hooks';
import got, {type Got, type Options} from 'got';
import {BtalkError} from '../errors.js';
import {debugLine} from './debug-log.js';
import {abortError} from './got-errors.js';
import {parseErrorBody} from './error-body.js';
import {bodyTooLargeError, corruptBodyError, failureCode, header, requestIdOf, transportError, type HttpAnswer, type RequestContext} from './http-errors.js';
import {proxyAgentFor} from './proxy-agent.js';
import type {ProxyEnv} from './proxy.js';
import type {Redactor} from './redact.js';
import {decideRetry, isRateLimitedAnswer, isRetryableFailure, isRetryableStatus, parseRetryAfter} from './retry-policy.js';
import {sleep, type Timers} from '../timers.js';
import type {WaitNotice} from './wait-notice.js';
import type {AnswerStream, EarlyAttempt, HeadStart} from './head-start.js';
import {requestUrl, wireRequest} from './wire-request.js';

export {waitLine, type WaitNotice} from './wait-notice.js';

export interface Timeouts {
  /** TCP (and TLS) connection. */
  connectMs: number;
  /** One attempt of a read, from sending to the last byte of the answer. */
  attemptMs: number;
  /** One read, its retries and pauses included (--timeout / BTALK_TIMEOUT). */
  totalMs: number;
  /** The order POST: one attempt, never retried, longer than a read. */
  orderMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {connectMs: 10_000, attemptMs: 15_000, totalMs: 30_000, orderMs: 60_000};

/** 10 MB per answer (one page of a list): a 1000-site page is about 250 KB. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface TransportOptions {
  baseUrl: string;
  tokenUrl: string;
  timeouts: Timeouts;
  retries: number;
  maxRetryDelayMs: number;
  maxBodyBytes: number;
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
  onWait?: ((notice: WaitNotice) => void) | undefined;
  /** Ends every request, its retries and pauses (the session closed). */
  signal?: AbortSignal | undefined;
  /** Replaces got for every attempt (see Exchange). */
  exchange?: Exchange | undefined;
  /**
   * The token request sent as btalk started (api/head-start.ts): taken as the first attempt of
   * the first token request that is the same on the wire, then read like any answer of got's.
   */
  headStart?: HeadStart | undefined;
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

/** One request as it goes on the wire: what an `Exchange` answers. */
export interface WireRequest {
  method: 'GET' | 'POST';
  url: string;
  /** Every header sent, names in lower case. */
  headers: Record<string, string>;
  body?: string;
}

/** An answer as it came off the wire: header names in lower case, the body's bytes undecoded. */
export interface WireAnswer {
  status: number;
  headers: HttpAnswer['headers'];
  body: Uint8Array;
}

/**
 * The network, as a seam: one request in, one answer out (or a thrown error, like got's, with a
 * `code`). The default is got; a test hands in a function that plays a server without sockets,
 * so thousands of answers go through everything above the wire (the fuzz test does).
 */
export type Exchange = (request: WireRequest) => Promise<WireAnswer>;

export interface SentAnswer extends HttpAnswer {
  requestId: string | undefined;
  context: RequestContext;
}

export interface Transport {
  send(request: SendRequest): Promise<SentAnswer>;
  /** The proxy in use, display form; undefined for direct connections. */
  readonly proxy: string | undefined;
}

/** The reason of a pause, in a few words. */
function pauseReason(status: number | undefined, code: string | undefined, apiCode: number | undefined): string {
  if (status !== undefined && isRateLimitedAnswer(status, apiCode)) return 'rate limited';
  if (status !== undefined) return `it answered ${status}`;
  switch (code) {
    case 'ETIMEDOUT':
      return 'no answer in time';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was reset';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    default:
      return `the request failed (${code ?? 'unknown'})`;
  }
}

export function createTransport(options: TransportOptions): Transport {
  // The proxy's CONNECT is bounded like a connection, and never beyond a read's whole bound.
  const choice = proxyAgentFor(options.baseUrl, options.proxyEnv, {connectMs: Math.min(options.timeouts.connectMs, options.timeouts.totalMs)});
  // Built at the first request that goes through got (an `exchange` replaces it), not before.
  let instances: {root: Got; api: Got} | undefined;
  const gotInstances = (): {root: Got; api: Got} => {
    if (instances) return instances;
    const root = got.extend({
      headers: {'user-agent': options.userAgent, accept: 'application/json'},
      followRedirect: false,
      throwHttpErrors: false,
      // Retries are decided below, where the order POST can be kept out of them.
      retry: {limit: 0},
      ...(choice.agent ? {agent: choice.agent} : {}),
    });
    instances = {root, api: root.extend({prefixUrl: options.baseUrl, headers: options.apiHeaders})};
    return instances;
  };
  const host = new URL(options.baseUrl).host;
  const basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');

  const target = {baseUrl: options.baseUrl, tokenUrl: options.tokenUrl, userAgent: options.userAgent, apiHeaders: options.apiHeaders};

  function displayPath(request: SendRequest): string {
    const url = requestUrl(request, target);
    return `${url.pathname}${url.search}`;
  }

  function shortPath(path: string): string {
    return basePath && path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : path;
  }

  /** The head start, when it is this request as it would go on the wire (and there is no proxy: it went direct). */
  function claimHeadStart(request: SendRequest): EarlyAttempt | undefined {
    const headStart = options.headStart;
    if (!headStart) return undefined;
    if (choice.agent) {
      headStart.discard();
      return undefined;
    }
    return headStart.claim(wireRequest(request, target));
  }

  function log(line: string): void {
    options.debug?.(options.redactor.redact(line));
  }

  /** One attempt through the `exchange` seam: the same headers, the same cap, the same decoding. */
  async function exchanged(exchange: Exchange, request: SendRequest, context: RequestContext): Promise<HttpAnswer> {
    // As got does: an aborted request is not sent.
    if (request.signal?.aborted) throw abortError();
    const wire = await exchange(wireRequest(request, target));
    const answer = {status: wire.status, headers: wire.headers, body: ''};
    context.requestId = requestIdOf(answer);
    const declared = Number(header(answer, 'content-length'));
    if (Number.isFinite(declared) && declared > options.maxBodyBytes) throw bodyTooLargeError(context, answer, options.maxBodyBytes, {declared});
    if (wire.body.byteLength > options.maxBodyBytes) throw bodyTooLargeError(context, answer, options.maxBodyBytes, 'read');
    return {...answer, body: Buffer.from(wire.body).toString('utf8')};
  }

  /** One attempt: through the seam, the head start taken, or got. */
  function attempt(request: SendRequest, timeoutMs: number, context: RequestContext, early: EarlyAttempt | undefined): Promise<HttpAnswer> {
    if (options.exchange) return exchanged(options.exchange, request, context);
    if (early) return readAnswer(early.stream({connectMs: Math.min(options.timeouts.connectMs, timeoutMs), requestMs: timeoutMs}, request.signal), context);
    return readAnswer(gotStream(request, timeoutMs), context);
  }

  function gotStream(request: SendRequest, timeoutMs: number): AnswerStream {
    const common: Partial<Options> & {isStream: true} = {
      isStream: true,
      method: request.method,
      headers: request.headers,
      timeout: {connect: Math.min(options.timeouts.connectMs, timeoutMs), request: timeoutMs},
      ...(request.searchParams ? {searchParams: request.searchParams} : {}),
      ...(request.json === undefined ? {} : {json: request.json}),
      ...(request.form ? {form: request.form} : {}),
      ...(request.signal ? {signal: request.signal} : {}),
    };
    const {root, api} = gotInstances();
    return request.endpoint === 'token' ? root.stream(options.tokenUrl, common) : api.stream(request.path ?? '', common);
  }

  /** The answer of got's stream (or one that behaves as it does), its body refused past the cap. */
  function readAnswer(stream: AnswerStream, context: RequestContext): Promise<HttpAnswer> {
    return new Promise<HttpAnswer>((resolve, reject) => {
      let status = 0;
      let headers: HttpAnswer['headers'] = {};
      let encoded = false;
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(error);
      };
      stream.on('response', (response: {statusCode: number; headers: HttpAnswer['headers']; rawHeaders?: string[]}) => {
        status = response.statusCode;
        headers = response.headers;
        const answer = {status, headers, body: ''};
        context.requestId = requestIdOf(answer);
        // got drops Content-Encoding from `headers` once it decompresses; the raw headers keep it.
        const raw = response.rawHeaders ?? [];
        encoded = raw.some((name, i) => i % 2 === 0 && name.toLowerCase() === 'content-encoding' && !/^\s*identity\s*$/i.test(raw[i + 1] ?? ''));
        const declared = Number(header(answer, 'content-length'));
        if (!encoded && Number.isFinite(declared) && declared > options.maxBodyBytes) fail(bodyTooLargeError(context, answer, options.maxBodyBytes, {declared}));
      });
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBodyBytes) {
          fail(bodyTooLargeError(context, {status, headers, body: ''}, options.maxBodyBytes, encoded ? 'inflated' : 'read'));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        resolve({status, headers, body: Buffer.concat(chunks).toString('utf8')});
      });
      stream.on('error', (error: unknown) => {
        // A compressed answer that does not decompress: the server answered (its status is in).
        const code = (error as {code?: unknown})?.code;
        if (status !== 0 && encoded && typeof code === 'string' && code.startsWith('Z_')) fail(corruptBodyError(context, {status, headers, body: ''}, code));
        else fail(error);
      });
    });
  }

  return {
    proxy: choice.proxy,
    async send(asked) {
      const linked = linkSignals(asked.signal, options.signal);
      try {
        return await sendOnce({...asked, signal: linked.signal});
      } finally {
        linked.dispose();
      }
    },
  };

  async function sendOnce(request: SendRequest): Promise<SentAnswer> {
    // The head start is this request's first attempt, begun before the client was built: the
    // bounds and the debug line's time count from when it was sent.
    const early = request.endpoint === 'token' && !options.exchange ? claimHeadStart(request) : undefined;
    const path = displayPath(request);
    const context: RequestContext = {
      method: request.method,
      path,
      shortPath: shortPath(path),
      host,
      endpoint: request.endpoint,
      ...(request.order ? {order: true} : {}),
      ...(request.replayed ? {replayed: true} : {}),
      ...(choice.proxy ? {proxy: choice.proxy} : {}),
    };
    const {timeouts} = options;
    const started = early?.startedAt ?? performance.now();
    // The order POST has one attempt and its own, longer bound; reads share a total bound.
    const budgetMs = request.retry ? timeouts.totalMs : timeouts.orderMs;
    const deadline = started + budgetMs;
    context.budgetMs = budgetMs;
    for (let retries = 0; ; retries += 1) {
      context.retries = retries;
      const attemptStarted = retries === 0 && early ? early.startedAt : performance.now();
      const left = Math.max(1, Math.round(deadline - attemptStarted));
      const timeoutMs = request.retry ? Math.min(timeouts.attemptMs, left) : left;
      let answer: HttpAnswer;
      /** Whether (and how long) to pause before another attempt; throws when there is none. */
      const next = (status: number | undefined, code: string | undefined, apiCode: number | undefined, retryAfter: string | undefined) => {
        if (!request.retry || request.signal?.aborted) return {retry: false as const};
        const decision = decideRetry({retry: retries + 1, maxRetries: options.retries, capMs: options.maxRetryDelayMs, retryAfter, now: options.clock(), random: options.random});
        if (!decision.retry) return decision;
        const remaining = deadline - performance.now();
        // A pause, plus a little time for the attempt after it, must fit in what is left.
        if (decision.delayMs + 250 > remaining) {
          const asked = parseRetryAfter(retryAfter, options.clock()) !== undefined;
          return {
            retry: false as const,
            reason: asked ? `the server asked to wait ${Math.ceil(decision.delayMs / 1000)} s, longer than this request may still take (${Math.round(budgetMs / 1000)} s in all; --timeout raises it)` : undefined,
          };
        }
        options.onWait?.({
          method: request.method,
          path: context.shortPath ?? path,
          delayMs: decision.delayMs,
          until: options.clock() + decision.delayMs,
          reason: pauseReason(status, code, apiCode),
          asked: retryAfter !== undefined && parseRetryAfter(retryAfter, options.clock()) !== undefined,
          retry: retries + 1,
          of: options.retries,
        });
        return decision;
      };
      try {
        answer = await attempt(request, timeoutMs, context, retries === 0 ? early : undefined);
      } catch (error) {
        const ms = performance.now() - attemptStarted;
        if (error instanceof BtalkError) throw error;
        const code = failureCode(error);
        const decision = isRetryableFailure(code) ? next(undefined, code, undefined, undefined) : {retry: false as const};
        log(debugLine({method: request.method, path, outcome: code, ms, ...(decision.retry ? {retry: {number: retries + 1, of: options.retries, delayMs: decision.delayMs}} : {})}));
        if (!decision.retry) {
          context.elapsedMs = performance.now() - started;
          throw transportError(context, error, timeoutMs);
        }
        await pause(options.timers, decision.delayMs, request.signal);
        continue;
      }
      const ms = performance.now() - attemptStarted;
      const requestId = requestIdOf(answer);
      const retryAfterMs = parseRetryAfter(header(answer, 'retry-after'), options.clock());
      if (retryAfterMs === undefined) delete context.retryAfterMs;
      else context.retryAfterMs = retryAfterMs;
      const apiCode = answer.status >= 400 ? parseErrorBody(answer.body).apiCode : undefined;
      const retryable = request.retry && answer.status >= 400 && isRetryableStatus(answer.status, apiCode);
      const decision = retryable ? next(answer.status, undefined, apiCode, header(answer, 'retry-after')) : {retry: false as const};
      log(debugLine({method: request.method, path, outcome: answer.status, ms, requestId, ...(decision.retry ? {retry: {number: retries + 1, of: options.retries, delayMs: decision.delayMs}} : {})}));
      if (decision.retry) {
        await pause(options.timers, decision.delayMs, request.signal);
        continue;
      }
      if ('reason' in decision && decision.reason) context.waitAsked = decision.reason;
      return {...answer, requestId, context};
    }
  }
}

/**
 * The request's own signal, aborted when either given one is. got leaves its abort listener on the
 * signal it is handed until the request is destroyed, and a request that finished is not (got
 * turns autoDestroy off): handed a long-lived signal (the session's, the wizard's), every request
 * of a long run, its answer body included, would stay reachable from it. So each request gets a
 * signal of its own, and dispose() removes the links to the long-lived ones.
 */
function linkSignals(a: AbortSignal | undefined, b: AbortSignal | undefined): {signal: AbortSignal | undefined; dispose: () => void} {
  const sources = [a, b].filter((s): s is AbortSignal => s !== undefined);
  if (sources.length === 0) return {signal: undefined, dispose: () => {}};
  const controller = new AbortController();
  const links = sources.map((source) => {
    const onAbort = () => controller.abort(source.reason);
    // One listener per request in flight, each removed when it ends: past Node's 10 (an order
    // reads a large account's VPN and site pages at once, a batch sends rows side by side) is
    // no leak, and Node's warning would print on stderr, across the wizard's screen.
    setMaxListeners(0, source);
    if (source.aborted && !controller.signal.aborted) onAbort();
    else source.addEventListener('abort', onAbort, {once: true});
    return () => source.removeEventListener('abort', onAbort);
  });
  return {
    signal: controller.signal,
    dispose: () => {
      for (const unlink of links) unlink();
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
