/**
 * The one place where HTTP outcomes become BtalkErrors: failed responses, transport failures (got
 * errors) and answers that do not match the expected shape. Messages are sentences for a person;
 * the API's own status, code, message, description, request id and Retry-After travel in the
 * error's `api` part, which apiDetails() below builds.
 */
import {BtalkError, type ApiDetails, type ErrorKind, type RefusedSecrets} from '../errors.js';
import {parseErrorBody, type ErrorBody} from './error-body.js';
import {isRateLimitedAnswer} from './retry-policy.js';
import {terminalSafe} from '../text/terminal-safe.js';

export interface RequestContext {
  method: string;
  /** Path and query as sent, for messages (never contains secrets). */
  path: string;
  host: string;
  endpoint: 'token' | 'api';
  /** The order POST: failures after which the order may exist say so. */
  order?: boolean;
  /** A 401 that came back although a fresh token had just been fetched. */
  replayed?: boolean;
  /** The order POST got 401 code 41/42: a new token was fetched, the order was not resent. */
  tokenRenewed?: boolean;
  /** Retries already spent on this request. */
  retries?: number;
  /** Proxy in use (display form), for network hints. */
  proxy?: string;
  /** Why a rate-limited request was not retried, e.g. "the server asked to wait 120 s". */
  waitAsked?: string;
  /** The answer's Retry-After, in milliseconds, when it had a readable one. */
  retryAfterMs?: number;
  /** Path relative to the base URL ("/countries/FR"), for messages. */
  shortPath?: string;
  /** The bound this request had in all (retries and pauses included), and what it took. */
  budgetMs?: number;
  elapsedMs?: number;
  /** X-OAPI-Request-Id of the last answer's headers, when any came (a drip that never ends). */
  requestId?: string | undefined;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function header(answer: Pick<HttpAnswer, 'headers'>, name: string): string | undefined {
  const value = answer.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function requestIdOf(answer: Pick<HttpAnswer, 'headers'>): string | undefined {
  return header(answer, 'x-oapi-request-id');
}

const CREDENTIALS_HINT =
  'Check the client id and secret (Orange Developer portal, My Apps) and the API key (Business Talk Online portal, Developer tab), then run "btalk login" again.';
const CLIENT_HINT =
  'Check the client id and client secret of your app in the Orange Developer portal (My Apps), then run "btalk login" again.';
const API_KEY_HINT =
  'Check the 40-character API key in your Business Talk Online portal (Developer tab), create a new one if needed, then run "btalk login" again.';
const SUPPORT_HINT = 'Try again in a few minutes; if it keeps failing, quote the request id to Orange support.';
const ORDER_UNKNOWN_HINT =
  'Do not resend blindly: run "btalk voicesites" and look for the technical site name first; order again only if it is not there.';
const ORDER_SAFE = 'Nothing was ordered; ';

function retriesText(n: number): string {
  return n === 1 ? '1 retry' : `${n} retries`;
}

function statusPhrase(status: number, body: ErrorBody): string {
  return body.apiCode === undefined ? `${status}` : `${status} code ${body.apiCode}`;
}

const CLIENT: RefusedSecrets = {secrets: ['clientId', 'clientSecret'], reason: 'invalid'};
const KEY: RefusedSecrets = {secrets: ['apiKey'], reason: 'invalid'};
const KEY_RIGHTS: RefusedSecrets = {secrets: ['apiKey'], reason: 'rights'};
const ALL: RefusedSecrets = {secrets: ['clientId', 'clientSecret', 'apiKey'], reason: 'invalid'};

function classify(ctx: RequestContext, status: number, body: ErrorBody): {kind: ErrorKind; message: string; hint: string; refused?: RefusedSecrets} {
  const what = statusPhrase(status, body);
  const code = body.apiCode;
  if (status === 401) {
    if (ctx.endpoint === 'token') {
      return {kind: 'auth', message: `The client id or client secret was refused (${what}${body.apiMessage ? `, ${body.apiMessage}` : ''}).`, hint: CLIENT_HINT, refused: CLIENT};
    }
    if (ctx.order && ctx.tokenRenewed) {
      return {
        kind: 'auth',
        message: `The API refused the access token when the order was sent (${what}); a new token was fetched, and the order was not sent again (btalk never resends an order by itself).`,
        hint: 'The gateway refuses such a request before Business Talk sees it. Send the order again once the voicesites show it does not exist.',
      };
    }
    if (ctx.replayed && code === 42) {
      return {kind: 'auth', message: `The API says the access token expired although it was just issued (${what}).`, hint: `Check this computer's clock. ${SUPPORT_HINT}`};
    }
    if (ctx.replayed && (code === 41 || code === 40)) {
      return {kind: 'auth', message: `The API refused the request even with a fresh access token (${what}): the API key is probably wrong or revoked.`, hint: API_KEY_HINT, refused: KEY};
    }
    return {kind: 'auth', message: `The API refused the credentials (${what}).`, hint: CREDENTIALS_HINT, refused: ALL};
  }
  if (isRateLimitedAnswer(status, code)) {
    // A request that is not retried here (the order POST) still says what the server asked for.
    const waitAsked = ctx.waitAsked ?? (ctx.retryAfterMs === undefined ? undefined : `the server asked to wait ${Math.ceil(ctx.retryAfterMs / 1000)} s`);
    const after = waitAsked ? `; ${waitAsked}` : ctx.retries ? `, still refused after ${retriesText(ctx.retries)}` : '';
    return {kind: 'rate-limited', message: `Too many requests (${what})${after}.`, hint: waitAsked ? 'Wait that long, then try again.' : 'Wait a minute, then try again.'};
  }
  if (status === 403) {
    if (code === 50) {
      return {
        kind: 'forbidden',
        message: `Access denied (${what}): the API key or the app is not allowed to use Business Talk.`,
        hint: 'Check the API key (Business Talk Online portal, Developer tab) and that your app has the Business Talk OBS API (Orange Developer portal, My Apps).',
        refused: KEY,
      };
    }
    return {
      kind: 'forbidden',
      message: `Forbidden (${what}): this API key may not do ${ctx.order ? 'orders' : 'this'}.`,
      hint: 'Use an API key whose rights profile allows it (Business Talk Online portal, Developer tab).',
      refused: KEY_RIGHTS,
    };
  }
  if (status === 404) {
    return {kind: 'not-found', message: `Not found: ${ctx.method} ${ctx.path} (${what}).`, hint: 'Check the customer code, VPN id or country code given, and the base URL.'};
  }
  if (status >= 300 && status < 400) {
    return {
      kind: 'server',
      message: `The server answered ${status} (a redirect), which btalk does not follow.`,
      hint: 'Check the base URL (--base-url, BTALK_BASE_URL or --env).',
    };
  }
  if (status >= 400 && status < 500) {
    const hint = status === 406 || status === 415 ? `This looks like a bug in btalk; quote the request id when reporting it.` : 'Fix the value the API names, then send again.';
    return {kind: 'invalid-input', message: `The API refused the request (${what}).`, hint: ctx.order ? `${ORDER_SAFE}${hint.charAt(0).toLowerCase()}${hint.slice(1)}` : hint};
  }
  const retried = ctx.retries ? ` (after ${retriesText(ctx.retries)})` : '';
  return {kind: 'server', message: `The server answered ${status}${body.bodyNote ? ` ${body.bodyNote}` : ''}${retried}.`, hint: SUPPORT_HINT};
}

/** A non-2xx answer becomes a BtalkError. */
export function responseError(ctx: RequestContext, answer: HttpAnswer): BtalkError {
  const body = parseErrorBody(answer.body, header(answer, 'content-type'));
  const classified = classify(ctx, answer.status, body);
  let {message, hint} = classified;
  const {kind, refused} = classified;
  // The gateway answered for the service: 5xx (and unreadable 3xx) on the order may hide a created order.
  const outcomeUnknown = ctx.order === true && (answer.status >= 500 || (answer.status >= 300 && answer.status < 400));
  if (outcomeUnknown) {
    message = `${message.replace(/\.$/, '')} to the order: the order may have been created.`;
    hint = ORDER_UNKNOWN_HINT;
  } else if (body.bodyNote && kind !== 'server') {
    message = `${message.replace(/\.$/, '')}, ${body.bodyNote}.`;
  }
  return new BtalkError(kind, message, {
    hint,
    outcomeUnknown,
    api: apiDetails(answer, body, kind === 'rate-limited' ? ctx.retryAfterMs : undefined),
    ...(refused && !outcomeUnknown ? {refused} : {}),
  });
}

/** The one place an error's `api` part is built: what the answer's status, body and headers say. */
export function apiDetails(answer: HttpAnswer, body: ErrorBody = {}, retryAfterMs?: number): ApiDetails {
  const requestId = requestIdOf(answer);
  return {
    status: answer.status,
    ...(body.apiCode === undefined ? {} : {code: body.apiCode}),
    ...(body.apiMessage === undefined ? {} : {message: body.apiMessage}),
    ...(body.apiDescription === undefined ? {} : {description: body.apiDescription}),
    ...(requestId ? {requestId} : {}),
    ...(retryAfterMs === undefined ? {} : {retryAfterMs}),
  };
}

/**
 * A 2xx whose body is not what the API promised. The problem names fields by the answer's own
 * keys, which are outside text: it is made terminal-safe here, as one inline value.
 */
export function invalidResponseError(ctx: RequestContext, answer: HttpAnswer, problem: string): BtalkError {
  const order = ctx.order === true;
  return new BtalkError('server', `The server's answer to ${ctx.method} ${ctx.path} is not what btalk expects: ${terminalSafe(problem)}${order ? '. The order may have been created' : ''}.`, {
    hint: order ? ORDER_UNKNOWN_HINT : `${SUPPORT_HINT} Run with --debug to see the request.`,
    outcomeUnknown: order,
    api: apiDetails(answer),
  });
}

const CERT_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/;

/** Failures before the request left this machine: nothing can have happened on the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_PROXY']);

function reasonFor(code: string, rawMessage: string, ctx: RequestContext, timeoutMs: number): string {
  switch (code) {
    case 'ETIMEDOUT':
      return `could not connect within ${seconds(timeoutMs)}`;
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was reset';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be resolved';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'the network is unreachable';
    case 'ERR_PROXY': {
      const status = proxyAnswer(rawMessage);
      if (status === undefined) return `the proxy ${ctx.proxy ?? ''} did not answer its request to open a tunnel to ${ctx.host} (CONNECT)`;
      if (status === '407') return `the proxy ${ctx.proxy ?? ''} asks for credentials (407 Proxy Authentication Required)`;
      return `the proxy ${ctx.proxy ?? ''} refused to open a tunnel to ${ctx.host} (it answered ${status})`;
    }
    default:
      if (CERT_CODES.test(code)) return `the TLS certificate could not be verified (${code})`;
      return /hang up/i.test(rawMessage) ? 'the connection was closed without an answer' : `the request failed (${code})`;
  }
}

/** The status a proxy answered its CONNECT with, from hpagent's "Bad response: 407"; none for a silent proxy. */
function proxyAnswer(rawMessage: string): string | undefined {
  return /^Bad response: (\d+)/.exec(rawMessage)?.[1];
}

/** The error code that says what went wrong, proxy failures (hpagent throws plain Errors) included. */
export function failureCode(error: unknown): string {
  const e = error as {code?: unknown; message?: unknown; cause?: unknown};
  const message = typeof e?.message === 'string' ? e.message : '';
  if (/^(Bad response: \d+|Proxy timeout)/.test(message)) return 'ERR_PROXY';
  if (typeof e?.code === 'string' && e.code !== 'ERR_GOT_REQUEST_ERROR') return e.code;
  if (e?.cause) return failureCode(e.cause);
  return /hang up/i.test(message) ? 'ECONNRESET' : 'ERR_GOT_REQUEST_ERROR';
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms / 1000)} s`;
}

/**
 * An answer that says it is compressed (Content-Encoding) and does not decompress: the server (or
 * a proxy or gateway that rewrites answers) was reached and answered, so it is said as a bad
 * answer with its status and request id, not as a host that could not be reached.
 */
export function corruptBodyError(ctx: RequestContext, answer: HttpAnswer, code: string): BtalkError {
  const requestId = requestIdOf(answer) ?? ctx.requestId;
  const order = ctx.order === true;
  return new BtalkError('server', `The answer of ${ctx.host} to ${ctx.method} ${ctx.shortPath ?? ctx.path} (${answer.status}) could not be read: it says it is compressed but does not decompress (${code})${order ? '. The order may have been created' : ''}.`, {
    hint: order ? ORDER_UNKNOWN_HINT : 'A proxy or gateway that rewrites answers can cause this. Try again; if it stays, quote the request id to Orange support.',
    outcomeUnknown: order,
    api: {status: answer.status, ...(requestId ? {requestId} : {})},
  });
}

/** A body over the cap (counted after decompression): refused before it takes the memory. */
export function bodyTooLargeError(ctx: RequestContext, answer: HttpAnswer, cap: number, how: {declared: number} | 'inflated' | 'read'): BtalkError {
  const requestId = requestIdOf(answer) ?? ctx.requestId;
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  const what =
    how === 'inflated'
      ? `its compressed answer inflates to more than ${mb(cap)}, the most btalk reads in one answer (a decompression bomb?)`
      : how === 'read'
        ? `its answer is larger than ${mb(cap)}, the most btalk reads in one answer`
        : `its answer is ${mb(how.declared)} (Content-Length), more than the ${mb(cap)} btalk reads in one answer`;
  const order = ctx.order === true;
  return new BtalkError('server', `The server's answer to ${ctx.method} ${ctx.shortPath ?? ctx.path} was refused: ${what}${order ? '. The order may have been created' : ''}.`, {
    hint: order
      ? ORDER_UNKNOWN_HINT
      : 'A page of a list is far smaller than that; if this server really sends such answers, raise the cap with BTALK_MAX_BODY_MB. Otherwise quote the request id to Orange support.',
    outcomeUnknown: order,
    api: {status: answer.status, ...(requestId ? {requestId} : {})},
  });
}

/** Failures before the request was sent: a connection that never opened. */
function neverConnected(error: unknown): boolean {
  const event = (error as {event?: unknown})?.event;
  return event === 'connect' || event === 'lookup' || event === 'secureConnect';
}

/** A request that got no HTTP answer (got error) becomes a BtalkError. */
export function transportError(ctx: RequestContext, error: unknown, timeoutMs: number): BtalkError {
  const code = failureCode(error);
  const rawMessage = error instanceof Error ? error.message : String(error);
  if (code === 'ETIMEDOUT' && !neverConnected(error)) return noAnswerError(ctx, timeoutMs);
  if (code === 'ERR_ABORTED' || (error as {name?: string})?.name === 'AbortError') {
    return new BtalkError('cancelled', ctx.order ? 'Cancelled while the order was being sent: it may have been created.' : 'Cancelled.', {
      outcomeUnknown: ctx.order === true,
      ...(ctx.order ? {hint: ORDER_UNKNOWN_HINT} : {}),
    });
  }
  let reason = reasonFor(code, rawMessage, ctx, timeoutMs);
  // Through a proxy, the TCP connection and the name lookup are the proxy's.
  if (ctx.proxy && (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')) reason = `the proxy ${ctx.proxy} could not be reached (${reason})`;
  const sentMaybe = ctx.order === true && !NOT_SENT_CODES.has(code) && !CERT_CODES.test(code) && !neverConnected(error);
  let hint: string;
  if (CERT_CODES.test(code)) {
    hint = 'If a corporate proxy inspects TLS, point NODE_EXTRA_CA_CERTS at its CA certificate file; otherwise check the base URL.';
  } else if (ctx.proxy && code === 'ERR_PROXY' && proxyAnswer(rawMessage) === '407') {
    hint = 'Put the proxy credentials in its variable, e.g. HTTPS_PROXY=http://user:password@proxy.example:8080 (with @, : and / in them percent-encoded: %40, %3A, %2F); if they are there, they were refused.';
  } else if (ctx.proxy) {
    hint = `Check the network and the proxy ${ctx.proxy} (HTTPS_PROXY / HTTP_PROXY), or list ${ctx.host} in NO_PROXY to bypass it.`;
  } else {
    hint = 'Check the network connection and the proxy settings (HTTPS_PROXY / NO_PROXY), then try again.';
  }
  if (sentMaybe) {
    return new BtalkError('network', `No answer to the order from ${ctx.host}: ${reason}. The order may have been created.`, {
      hint: ORDER_UNKNOWN_HINT,
      outcomeUnknown: true,
    });
  }
  const retried = ctx.retries ? ` (after ${retriesText(ctx.retries)})` : '';
  return new BtalkError('network', `Could not reach ${ctx.host}: ${reason}${retried}.`, {hint});
}

/** The server took the request and did not answer (a stall, a drip) within the bound. */
function noAnswerError(ctx: RequestContext, timeoutMs: number): BtalkError {
  const within = seconds(Math.max(timeoutMs, ctx.elapsedMs ?? 0));
  const attempts = ctx.retries ? ` (${ctx.retries + 1} attempts)` : '';
  const what = `${ctx.method} ${ctx.shortPath ?? ctx.path}`;
  const details = ctx.requestId ? {api: {requestId: ctx.requestId}} : {};
  if (ctx.order) {
    return new BtalkError('network', `No answer to the order from ${ctx.host} within ${within} (${what}): the order may have been created.`, {
      ...details,
      hint: ORDER_UNKNOWN_HINT,
      outcomeUnknown: true,
    });
  }
  const via = ctx.proxy ? ` or the proxy ${ctx.proxy}` : '';
  return new BtalkError('network', `The API did not answer ${what} within ${within}${attempts}.`, {
    ...details,
    hint: `The API${via} may be down or slow: try again in a few minutes, or allow more time with --timeout SECONDS (BTALK_TIMEOUT). If it keeps happening, quote the request id to Orange support.`,
  });
}
