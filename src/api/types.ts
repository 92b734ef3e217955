/**
 * The seam between btalk and the Business Talk API. Commands, the wizard flow and tests depend on
 * this interface only; `createBusinessTalkApi` (src/api/client.ts) is the one real implementation.
 */
import type {Timers} from '../timers.js';
import type {Country, Customer, Me, OrderRequest, OrderResult, SiteName, VoiceSite, Vpn} from './schemas.js';
import type {HeadStart} from './head-start.js';
import type {Exchange, WaitNotice} from './transport.js';

export type {Exchange, WaitNotice, WireAnswer, WireRequest} from './transport.js';

export type {Country, Customer, Me, OrderRequest, OrderResult, SiteName, VoiceSite, Vpn} from './schemas.js';

/** The three secrets a person gives btalk. */
export interface Credentials {
  clientId: string;
  clientSecret: string;
  /** 40-character Business Talk API key (X-BT-API-KEY). */
  apiKey: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Told the X-OAPI-Request-Id of every answer this call gets (each page, a replay), for the order journal. */
  onRequestId?: (requestId: string) => void;
}

/**
 * A list read so far: the items of the pages in from the first one on without a gap, in server
 * order (a page that arrives before the one ahead of it waits for it), each page checked as the
 * whole list is. Not the list: the read may still fail, and only its promise gives the list.
 */
export interface ListSoFar<T> {
  items: readonly T[];
  /** How many items the server says the list holds (X-Total-Count), when it said. */
  total: number | undefined;
}

export interface ListCallOptions<T> extends CallOptions {
  /** Told each time more of the list is in (never with the whole list: the promise gives that). */
  onProgress?: (soFar: ListSoFar<T>) => void;
  /**
   * The pages after the first are asked for once this settles: the wizard draws the first page
   * before the others' answers take the thread (their JSON and checks) from Ink's loading.
   */
  laterPages?: Promise<unknown>;
}

export interface BusinessTalkApi {
  /** Base URL the client talks to, e.g. https://api.orange.com/btalk/beta/v1. */
  readonly baseUrl: string;
  /** Gets (or reuses) an access token; proves the client id and secret. */
  token(options?: CallOptions): Promise<void>;
  me(options?: CallOptions): Promise<Me>;
  /** Every customer, all pages. */
  customers(options?: CallOptions): Promise<Customer[]>;
  /** Every VPN of the customer, all pages. */
  vpns(customerCode: string, options?: ListCallOptions<Vpn>): Promise<Vpn[]>;
  country(iso2: string, options?: CallOptions): Promise<Country>;
  /** One POST, never retried automatically. Errors after which the site may exist carry outcomeUnknown. */
  orderVoicesite(customerCode: string, order: OrderRequest, options?: CallOptions): Promise<OrderResult>;
  /** Every voicesite of the key's customer account, all pages. */
  voicesites(options?: CallOptions): Promise<VoiceSite[]>;
  /**
   * The same complete, checked read as `voicesites` (each site checked whole), keeping of each
   * site only its id, technical name and customer: what the wizard's duplicate-name check needs.
   */
  voicesiteNames(options?: CallOptions): Promise<SiteName[]>;
  /**
   * Reads every voicesite (the same complete, checked read as `voicesites`) but keeps only those
   * `match` accepts, so a duplicate check on a very large account holds a few sites, not all.
   */
  findVoicesites(match: (site: VoiceSite) => boolean, options?: CallOptions): Promise<{matches: VoiceSite[]; count: number}>;
}

/** An access token and the epoch millisecond at which it stops being usable. */
export interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** Where access tokens are kept between runs (the keychain in the CLI, memory in tests). */
export interface TokenCache {
  get(): Promise<CachedToken | undefined>;
  set(token: CachedToken): Promise<void>;
  clear(): Promise<void>;
}

export interface ClientOptions {
  baseUrl: string;
  credentials: Credentials;
  tokenCache?: TokenCache;
  /** Injected clock, epoch ms. */
  clock?: () => number;
  /** The backoff's jitter source, [0, 1) (default Math.random). */
  random?: () => number;
  /** What backoff waits on (default systemTimers). */
  timers?: Timers;
  /** Receives one redacted line per request when debugging is on. */
  debug?: (line: string) => void;
  /** The bound for one read, its retries and Retry-After pauses included, in ms (default 30 000). */
  timeoutMs?: number;
  /** One attempt of a read (default 15 000, never more than timeoutMs). */
  attemptTimeoutMs?: number;
  /** Opening the connection (default 10 000). */
  connectTimeoutMs?: number;
  /** The order POST, one attempt (default 60 000). */
  orderTimeoutMs?: number;
  /** The largest answer read, after decompression (default 10 MB). */
  maxBodyBytes?: number;
  /** The most items one list may have (default 1 000 000); more is refused, never cut. */
  maxListItems?: number;
  /**
   * Ends every request of this client, and the retries and pauses of each, when it aborts (the
   * session closed): nothing started ahead keeps retrying after the command is over.
   */
  signal?: AbortSignal;
  /** Told before each retry pause (the commands print it on stderr; the wizard shows it). */
  onWait?: (notice: WaitNotice) => void;
  /** GET retries on network errors, 429, 503 and 403 code 53 (default 3). */
  retries?: number;
  /** Upper bound on any single backoff or Retry-After wait in ms (default 30 000). */
  maxRetryDelayMs?: number;
  /** Environment used for HTTPS_PROXY / HTTP_PROXY / NO_PROXY (never process.env directly). */
  proxyEnv?: Record<string, string | undefined>;
  userAgent?: string;
  /** The network (default: got over HTTP); tests may play a server without sockets (see Exchange). */
  exchange?: Exchange;
  /** The token request sent as btalk started (api/head-start.ts): the first token request's first attempt, when it is the same. */
  headStart?: HeadStart;
}
