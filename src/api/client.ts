/**
 * The Business Talk API client: the one real BusinessTalkApi. It wires the transport (got), the
 * token provider, pagination and the order-path fallback together, validates every answer with the
 * zod schemas, and makes sure every error it throws is a BtalkError with no secret in it.
 */
import {z} from 'zod';
import {BtalkError, toBtalkError} from '../errors.js';
import {checkBaseUrl, tokenUrlFor} from '../environments.js';
import {systemTimers} from '../timers.js';
import {basicAuthorization} from './basic-auth.js';
import {parseErrorBody} from './error-body.js';
import {header, invalidResponseError, responseError} from './http-errors.js';
import {createOrderPathMemory, isUnknownPath, orderUrl, ORDER_PATHS} from './order-path.js';
import {fetchAllPages, parseTotal} from './pagination.js';
import {createRedactor, type Redactor} from './redact.js';
import {
  CountrySchema,
  CustomerSchema,
  MeSchema,
  OrderResultSchema,
  TokenResponseSchema,
  VoiceSiteSchema,
  VpnSchema,
} from './schemas.js';
import {createTokenProvider, type FreshToken} from './token-provider.js';
import {validate} from './validate.js';
import {createTransport, type SendRequest, type SentAnswer, type Transport} from './transport.js';
import type {BusinessTalkApi, ClientOptions} from './types.js';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;

/** 401 codes that mean "this token is no good": get one fresh token and replay once. */
const REPLAY_CODES = new Set([41, 42]);

type ApiRequest = Omit<SendRequest, 'endpoint' | 'headers' | 'replayed'>;

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The JSON body of a 2xx answer, or a server error saying what came instead. */
function jsonBody(answer: SentAnswer): unknown {
  try {
    return JSON.parse(answer.body);
  } catch {
    const note = parseErrorBody(answer.body, header(answer, 'content-type')).bodyNote ?? 'with a body that is not valid JSON';
    throw invalidResponseError(answer.context, answer, `it answered ${answer.status} ${note}`);
  }
}

function parsed<T>(schema: z.ZodType<T>, answer: SentAnswer, label: string): T {
  const result = validate(schema, jsonBody(answer), label);
  if (!result.ok) throw invalidResponseError(answer.context, answer, result.problem);
  return result.value;
}

/** Rebuilds an error with every text field scrubbed; drops `cause` (a got error holds request headers). */
function scrubbed(error: unknown, redactor: Redactor): BtalkError {
  const e = toBtalkError(error);
  const r = (s: string | undefined): string | undefined => (s === undefined ? undefined : redactor.redact(s));
  return new BtalkError(e.kind, redactor.redact(e.message), {
    ...(e.hint === undefined ? {} : {hint: r(e.hint)}),
    ...(e.api === undefined
      ? {}
      : {
          api: {
            ...e.api,
            ...(e.api.message === undefined ? {} : {message: r(e.api.message)}),
            ...(e.api.description === undefined ? {} : {description: r(e.api.description)}),
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
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
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
    const answer = await transport().send({
      method: 'POST',
      endpoint: 'token',
      headers: {authorization},
      form: {grant_type: 'client_credentials'},
      retry: true,
    });
    if (!isSuccess(answer.status)) throw responseError(answer.context, answer);
    const token = parsed(TokenResponseSchema, answer, 'token response');
    return {accessToken: token.access_token, expiresIn: token.expires_in};
  }

  const tokens = createTokenProvider({fetchToken, cache: options.tokenCache, clock, onToken: (t) => redactor.add(t)});
  const orderPaths = createOrderPathMemory();

  /** One Business Talk call; a 401 code 41/42 gets one fresh token and one replay, never more. */
  async function call(request: ApiRequest, onRequestId?: (requestId: string) => void): Promise<SentAnswer> {
    const send = async (token: string, replayed: boolean): Promise<SentAnswer> => {
      const answer = await transport().send({...request, endpoint: 'api', headers: {authorization: `Bearer ${token}`}, ...(replayed ? {replayed} : {})});
      if (answer.requestId !== undefined) onRequestId?.(answer.requestId);
      return answer;
    };
    const token = await tokens.get();
    const answer = await send(token, false);
    if (answer.status !== 401 || !REPLAY_CODES.has(parseErrorBody(answer.body).apiCode ?? -1)) return answer;
    await tokens.invalidate(token);
    return send(await tokens.get(), true);
  }

  async function get<T>(path: string, schema: z.ZodType<T>, label: string, signal: AbortSignal | undefined): Promise<T> {
    const answer = await call({method: 'GET', path, retry: true, signal});
    if (!isSuccess(answer.status)) throw responseError(answer.context, answer);
    return parsed(schema, answer, label);
  }

  async function list<T>(path: string, schema: z.ZodType<T>, label: string, signal: AbortSignal | undefined, onRequestId?: (id: string) => void): Promise<T[]> {
    const items = await fetchAllPages(async (offset, limit) => {
      const answer = await call({method: 'GET', path, searchParams: {offset, limit}, retry: true, signal}, onRequestId);
      if (!isSuccess(answer.status)) throw responseError(answer.context, answer);
      const result = validate(z.array(schema), jsonBody(answer), label, offset);
      if (!result.ok) throw invalidResponseError(answer.context, answer, result.problem);
      return {items: result.value, total: parseTotal(header(answer, 'x-total-count'))};
    });
    return items as T[];
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
    customers: guarded((o) => list('customers', CustomerSchema, 'customers', o?.signal)),
    vpns: guarded((customerCode: string, o) => list(`customers/${encodeURIComponent(customerCode)}/vpns`, VpnSchema, 'vpns', o?.signal)),
    country: guarded((iso2: string, o) => get(`countries/${encodeURIComponent(iso2.trim().toUpperCase())}`, CountrySchema, 'country', o?.signal)),
    voicesites: guarded((o) => list('voicesites', VoiceSiteSchema, 'voicesites', o?.signal, o?.onRequestId)),
    orderVoicesite: guarded(async (customerCode: string, order, o) => {
      const candidates = orderPaths.candidates();
      for (const [i, path] of candidates.entries()) {
        // Never retried: a lost answer may hide a created order (see place-order.ts).
        const answer = await call({method: 'POST', path: orderUrl(customerCode, path), json: order, retry: false, order: true, signal: o?.signal}, o?.onRequestId);
        const last = i === candidates.length - 1;
        if (!last && isUnknownPath(answer.status, parseErrorBody(answer.body).apiCode)) continue;
        if (!isSuccess(answer.status)) throw responseError(answer.context, answer);
        orderPaths.worked(path);
        return parsed(OrderResultSchema, answer, 'order');
      }
      throw new BtalkError('bug', `No order path left to try (${ORDER_PATHS.join(', ')}).`);
    }),
  };
}
