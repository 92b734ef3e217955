/**
 * The Business Talk API client: the one real BusinessTalkApi. It wires the transport (got), the
 * token provider, pagination and the order-path fallback together, validates every answer with the
 * zod schemas, and makes sure every error it throws is a BtalkError with no secret in it.
 */
import * as z from 'zod';
import {BtalkError, toBtalkError} from '../errors.js';
import {checkBaseUrl, tokenUrlFor} from '../environments.js';
import {systemTimers} from '../timers.js';
import {basicAuthorization} from './basic-auth.js';
import {parseErrorBody} from './error-body.js';
import {header, invalidResponseError, responseError} from './http-errors.js';
import {createOrderPathMemory, isUnknownPath, orderUrl, ORDER_PATHS} from './order-path.js';
import {readAllPages, parseTotal} from './pagination.js';
import {DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUTS} from './transport.js';
import {createRedactor, MAX_VALUE_DEPTH, redactValue, type Redactor} from './redact.js';
import {
  CountrySchema,
  CUSTOMER_SHAPE,
  CustomerSchema,
  MeSchema,
  OrderResultSchema,
  SITE_NAME_SHAPE,
  type SiteName,
  TokenResponseSchema,
  VoiceSiteSchema,
  type VoiceSite,
  VPN_SHAPE,
  VpnSchema,
} from './schemas.js';
import {itemChecker, keptFields} from './list-items.js';
import {createTokenProvider, type FreshToken} from './token-provider.js';
import {validate} from './validate.js';
import {createTransport, type SendRequest, type SentAnswer, type Transport} from './transport.js';
import {tokenRequest} from './wire-request.js';
import type {BusinessTalkApi, ClientOptions, Customer, ListSoFar, Vpn} from './types.js';

const DEFAULT_RETRIES = 3;
const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;

/** 401 codes that mean "this token is no good": get one fresh token and replay once. */
const REPLAY_CODES = new Set([41, 42]);

type ApiRequest = Omit<SendRequest, 'endpoint' | 'headers' | 'replayed'>;

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** A lone UTF-16 surrogate: text that cannot be encoded (in a URL, a header, a file). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What makes a parsed answer unusable, walked without recursion: a string that is not valid
 * Unicode, or nesting deeper than redaction walks and JSON output can write (a hostile server's
 * 10,000 nested arrays would otherwise overflow the stack of whatever prints the value).
 */
function unusable(value: unknown): string | undefined {
  const stack: Array<{value: unknown; at: string; depth: number}> = [{value, at: '', depth: 0}];
  // A path is named down to a few levels; below, where the trouble starts is enough.
  const under = (at: string, part: string, depth: number) => (depth < 4 ? `${at}${part}` : at.endsWith('...') ? at : `${at}...`);
  while (stack.length > 0) {
    const {value: v, at, depth} = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return `${at || 'the answer'} is not valid text (it holds a lone UTF-16 surrogate)`;
    } else if (typeof v === 'object' && v !== null) {
      if (depth > MAX_VALUE_DEPTH) return `${at || 'the answer'} is nested more than ${MAX_VALUE_DEPTH} levels deep`;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({value: v[i], at: under(at, `[${i}]`, depth), depth: depth + 1});
      } else {
        for (const [k, inner] of Object.entries(v)) {
          if (LONE_SURROGATE.test(k)) return `${under(at, `.${k}`, depth)} is not valid text (it holds a lone UTF-16 surrogate)`;
          stack.push({value: inner, at: under(at, at ? `.${k}` : k, depth), depth: depth + 1});
        }
      }
    }
  }
  return undefined;
}

/**
 * Where a lone surrogate can come from in parsed JSON: a \uD800-\uDFFF escape (a body decoded
 * from UTF-8 holds none itself; one built otherwise is checked as it is).
 */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Whether JSON text nests arrays and objects more than `max` deep: one pass, nothing allocated. */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The JSON body of a 2xx answer, or a server error saying what came instead. */
function jsonBody(answer: SentAnswer): unknown {
  let value: unknown;
  try {
    value = JSON.parse(answer.body);
  } catch {
    const note = parseErrorBody(answer.body, header(answer, 'content-type')).bodyNote ?? 'with a body that is not valid JSON';
    throw invalidResponseError(answer.context, answer, `it answered ${answer.status} ${note}`);
  }
  // The walk (a path for every value) only when the text can hold a problem: a page of 1,000
  // items would otherwise cost thousands of short-lived objects.
  const suspect = SURROGATE_ESCAPE.test(answer.body) || LONE_SURROGATE.test(answer.body) || nestsDeeperThan(answer.body, MAX_VALUE_DEPTH + 1);
  const problem = suspect ? unusable(value) : undefined;
  if (problem !== undefined) throw invalidResponseError(answer.context, answer, problem);
  return value;
}

/** One path segment; text that cannot be encoded is refused as bad data, not a crash. */
function segment(value: string, what: string): string {
  if (LONE_SURROGATE.test(value)) {
    throw new BtalkError('invalid-input', `The ${what} is not valid text (it holds a lone UTF-16 surrogate), so it cannot be sent in a URL.`, {
      hint: `Check the ${what}; if it came from the API, quote this to Orange support.`,
    });
  }
  return encodeURIComponent(value);
}

/** What identifies an item of each list: the same identity twice means the pages did not advance. */
function identityOf(key: string): (item: unknown) => string | undefined {
  return (item) => {
    const value = (item as Record<string, unknown> | null)?.[key];
    return typeof value === 'string' || typeof value === 'number' ? `${key} ${value}` : undefined;
  };
}

function parsed<T>(schema: z.ZodType<T>, answer: SentAnswer, label: string): T {
  const result = validate(schema, jsonBody(answer), label);
  if (!result.ok) throw invalidResponseError(answer.context, answer, result.problem);
  return result.value;
}

/**
 * How the items of a list's pages are checked: zod's schema for a page (the rules, and the words
 * of the first problem), the quick check that gives the same answer for plainly valid pages
 * (api/list-items.ts), and what is kept of each valid item.
 */
interface ItemCheck<T> {
  pages: z.ZodType<unknown[]>;
  quick?: (items: readonly unknown[], redactor: Redactor) => T[] | undefined;
  /** From a valid item to what is kept of it (default: the item as it is). */
  from?: (item: unknown) => T;
}

const CUSTOMERS: ItemCheck<Customer> = {pages: z.array(CustomerSchema), quick: itemChecker<Customer>(CUSTOMER_SHAPE)};
const VPNS: ItemCheck<Vpn> = {pages: z.array(VpnSchema), quick: itemChecker<Vpn>(VPN_SHAPE)};
/** Voicesites are kept whole (unknown fields too, for --json): zod alone. */
const VOICESITES: ItemCheck<VoiceSite> = {pages: z.array(VoiceSiteSchema)};
const SITE_NAMES: ItemCheck<SiteName> = {
  pages: z.array(VoiceSiteSchema),
  quick: itemChecker<SiteName>(SITE_NAME_SHAPE),
  from: keptFields<SiteName>(SITE_NAME_SHAPE),
};

/** Rebuilds an error with every text field scrubbed; drops `cause` (a got error holds request headers). */
function scrubbed(error: unknown, redactor: Redactor): BtalkError {
  const e = toBtalkError(error);
  const r = (s: string | undefined): string | undefined => (s === undefined ? undefined : redactor.redact(s));
  return new BtalkError(e.kind, redactor.redact(e.message), {
    ...(e.hint === undefined ? {} : {hint: r(e.hint)}),
    ...(e.refused === undefined ? {} : {refused: e.refused}),
    ...(e.api === undefined
      ? {}
      : {
          api: {
            ...e.api,
            ...(e.api.message === undefined ? {} : {message: r(e.api.message)}),
            ...(e.api.description === undefined ? {} : {description: r(e.api.description)}),
            // A gateway may reflect request headers (the key, the Authorization value) into its request id.
            ...(e.api.requestId === undefined ? {} : {requestId: redactor.redact(e.api.requestId)}),
          },
        }),
    outcomeUnknown: e.outcomeUnknown,
    problems: e.problems.map((p) => ({field: p.field, message: redactor.redact(p.message)})),
  });
}

export function createBusinessTalkApi(options: ClientOptions): BusinessTalkApi {
  const {clientId, clientSecret, apiKey} = options.credentials;
  const authorization = basicAuthorization(clientId, clientSecret);
  const redactor = createRedactor([clientSecret, apiKey, authorization.slice('Basic '.length)]);
  const clock = options.clock ?? (() => Date.now());

  // An http:// base URL on a non-loopback host is refused here, before any request; every call
  // then rejects with that usage error.
  let setup: {transport: Transport; baseUrl: string} | BtalkError;
  try {
    const baseUrl = checkBaseUrl(options.baseUrl);
    setup = {
      baseUrl,
      transport: createTransport({
        baseUrl,
        tokenUrl: tokenUrlFor(baseUrl),
        timeouts: {
          connectMs: options.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectMs,
          attemptMs: Math.min(options.attemptTimeoutMs ?? DEFAULT_TIMEOUTS.attemptMs, options.timeoutMs ?? DEFAULT_TIMEOUTS.totalMs),
          totalMs: options.timeoutMs ?? DEFAULT_TIMEOUTS.totalMs,
          orderMs: options.orderTimeoutMs ?? DEFAULT_TIMEOUTS.orderMs,
        },
        maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        onWait: options.onWait,
        ...(options.signal ? {signal: options.signal} : {}),
        retries: options.retries ?? DEFAULT_RETRIES,
        maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS,
        userAgent: options.userAgent ?? 'btalk',
        apiHeaders: {'x-bt-api-key': apiKey},
        proxyEnv: options.proxyEnv ?? {},
        clock,
        random: options.random ?? Math.random,
        timers: options.timers ?? systemTimers,
        redactor,
        debug: options.debug,
        exchange: options.exchange,
        headStart: options.headStart,
      }),
    };
  } catch (error) {
    setup = toBtalkError(error);
  }

  function transport(): Transport {
    if (setup instanceof BtalkError) throw setup;
    return setup.transport;
  }

  async function fetchToken(): Promise<FreshToken> {
    // The token POST has no side effect, so it is retried like a GET.
    const answer = await transport().send(tokenRequest(authorization));
    if (!isSuccess(answer.status)) throw responseError(answer.context, answer);
    const token = parsed(TokenResponseSchema, answer, 'token response');
    // RFC 6750 b64token characters: anything else cannot go in an Authorization header.
    if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token.access_token)) {
      throw invalidResponseError(answer.context, answer, 'its access_token has characters an Authorization header cannot carry');
    }
    return {accessToken: token.access_token, expiresIn: token.expires_in};
  }

  const tokens = createTokenProvider({fetchToken, cache: options.tokenCache, clock, onToken: (t) => redactor.add(t)});
  const orderPaths = createOrderPathMemory();

  /**
   * One Business Talk call; a 401 code 41/42 gets one fresh token and one replay, never more. The
   * order POST is never replayed: the token is renewed and the refusal returned, so the person (or
   * the batch's next run) decides after checking the voicesites.
   */
  async function call(request: ApiRequest, onRequestId?: (requestId: string) => void): Promise<SentAnswer> {
    const send = async (token: string, replayed: boolean): Promise<SentAnswer> => {
      const answer = await transport().send({...request, endpoint: 'api', headers: {authorization: `Bearer ${token}`}, ...(replayed ? {replayed} : {})});
      if (answer.requestId !== undefined) onRequestId?.(redactor.redact(answer.requestId));
      return answer;
    };
    const token = await tokens.get();
    const answer = await send(token, false);
    if (answer.status !== 401 || !REPLAY_CODES.has(parseErrorBody(answer.body).apiCode ?? -1)) return answer;
    await tokens.invalidate(token);
    if (request.order) {
      await tokens.get();
      answer.context.tokenRenewed = true;
      return answer;
    }
    return send(await tokens.get(), true);
  }

  // The page size each list was read with, so the next read starts at one the server takes.
  const pageSizes = new Map<string, number>();

  async function get<T>(path: string, schema: z.ZodType<T>, label: string, signal: AbortSignal | undefined): Promise<T> {
    const answer = await call({method: 'GET', path, retry: true, signal});
    if (!isSuccess(answer.status)) throw responseError(answer.context, answer);
    return redactValue(parsed(schema, answer, label), redactor);
  }

  /** The items of one page: the quick check when every item passes it, else zod, whose first problem is thrown. */
  function pageItems<T>(check: ItemCheck<T>, answer: SentAnswer, label: string, offset: number): T[] {
    const body = jsonBody(answer);
    const quick = Array.isArray(body) ? check.quick?.(body, redactor) : undefined;
    if (quick) return quick;
    const result = validate(check.pages, body, label, offset);
    if (!result.ok) throw invalidResponseError(answer.context, answer, result.problem);
    const items = redactValue(result.value, redactor);
    return check.from ? items.map(check.from) : (items as T[]);
  }

  /** Reads the whole list, handing each validated page to `onPage`; resolves with the item count. */
  async function readList<T>(path: string, check: ItemCheck<T>, label: string, idKey: string, signal: AbortSignal | undefined, onPage: (items: T[], offset: number, total: number | undefined) => void, onRequestId?: (id: string) => void, laterPages?: Promise<unknown>): Promise<number> {
    const memoKey = path.split('/')[0] ?? path;
    const known = pageSizes.get(memoKey);
    return readAllPages(
      async (offset, limit) => {
        const answer = await call({method: 'GET', path, searchParams: {offset, limit}, retry: true, signal}, onRequestId);
        if (!isSuccess(answer.status)) throw responseError(answer.context, answer);
        const items = pageItems(check, answer, label, offset);
        return {items, total: parseTotal(header(answer, 'x-total-count')), requestId: answer.requestId === undefined ? undefined : redactor.redact(answer.requestId)};
      },
      {
        what: `GET /${path}`,
        identity: identityOf(idKey),
        ...(options.maxListItems === undefined ? {} : {maxItems: options.maxListItems}),
        ...(known === undefined ? {} : {limit: known}),
        onLimit: (limit) => pageSizes.set(memoKey, limit),
        ...(laterPages === undefined ? {} : {laterPages}),
      },
      (items, offset, total) => onPage(items as T[], offset, total),
    );
  }

  async function list<T>(path: string, check: ItemCheck<T>, label: string, idKey: string, signal: AbortSignal | undefined, onRequestId?: (id: string) => void, onProgress?: (soFar: ListSoFar<T>) => void, laterPages?: Promise<unknown>): Promise<T[]> {
    const pages = new Map<number, T[]>();
    // The pages in from offset 0 without a gap, for onProgress: a page ahead of a missing one waits.
    // Each telling copies the run so far, so it is told once it has grown by a quarter: a server
    // sending a million items a page at a time costs a few copies of the list, not a thousand.
    let soFar: readonly T[] = [];
    // The pages in after soFar up to `run`, in order and without a gap: each is walked once.
    let untold: T[][] = [];
    let run = 0;
    await readList(path, check, label, idKey, signal, (items, offset, total) => {
      pages.set(offset, items);
      if (!onProgress) return;
      for (let page = pages.get(run); page !== undefined && page.length > 0; page = pages.get(run)) {
        untold.push(page);
        run += page.length;
      }
      if (run === soFar.length || (total !== undefined && run >= total) || (soFar.length > 0 && run - soFar.length < soFar.length / 4)) return;
      soFar = soFar.concat(...untold);
      untold = [];
      onProgress({items: soFar, total});
    }, onRequestId, laterPages);
    return [...pages.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, items]) => items);
  }

  function guarded<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      try {
        return await fn(...args);
      } catch (error) {
        throw scrubbed(error, redactor);
      }
    };
  }

  return {
    baseUrl: setup instanceof BtalkError ? options.baseUrl : setup.baseUrl,
    token: guarded(async () => {
      transport();
      await tokens.get();
    }),
    me: guarded((o) => get('me', MeSchema, 'me', o?.signal)),
    customers: guarded((o) => list('customers', CUSTOMERS, 'customers', 'customerCode', o?.signal)),
    vpns: guarded((customerCode: string, o) => list(`customers/${segment(customerCode, 'customer code')}/vpns`, VPNS, 'vpns', 'vpnId', o?.signal, undefined, o?.onProgress, o?.laterPages)),
    country: guarded((iso2: string, o) => get(`countries/${segment(iso2.trim().toUpperCase(), 'country code')}`, CountrySchema, 'country', o?.signal)),
    voicesites: guarded((o) => list('voicesites', VOICESITES, 'voicesites', 'voiceSiteId', o?.signal, o?.onRequestId)),
    voicesiteNames: guarded((o) => list('voicesites', SITE_NAMES, 'voicesites', 'voiceSiteId', o?.signal, o?.onRequestId)),
    findVoicesites: guarded(async (match: (site: VoiceSite) => boolean, o) => {
      const found: Array<{site: VoiceSite; at: number}> = [];
      const count = await readList('voicesites', VOICESITES, 'voicesites', 'voiceSiteId', o?.signal, (items, offset) => {
        items.forEach((site, i) => {
          if (match(site)) found.push({site, at: offset + i});
        });
      }, o?.onRequestId);
      return {matches: found.sort((a, b) => a.at - b.at).map((f) => f.site), count};
    }),
    orderVoicesite: guarded(async (customerCode: string, order, o) => {
      segment(customerCode, 'customer code');
      const candidates = orderPaths.candidates();
      for (const [i, path] of candidates.entries()) {
        // Never retried: a lost answer may hide a created order (see place-order.ts).
        const answer = await call({method: 'POST', path: orderUrl(customerCode, path), json: order, retry: false, order: true, signal: o?.signal}, o?.onRequestId);
        const last = i === candidates.length - 1;
        if (!last && isUnknownPath(answer.status, parseErrorBody(answer.body).apiCode)) continue;
        if (!isSuccess(answer.status)) throw responseError(answer.context, answer);
        orderPaths.worked(path);
        return redactValue(parsed(OrderResultSchema, answer, 'order'), redactor);
      }
      throw new BtalkError('bug', `No order path left to try (${ORDER_PATHS.join(', ')}).`);
    }),
  };
}
