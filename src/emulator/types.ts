/**
 * The emulator's public types: what tests and `btalk sandbox` use to start it, tune it and read it.
 */
import type {Credentials} from '../api/types.js';

export interface EmulatorSettings {
  /** Lifetime of issued access tokens (expires_in); 3600 by default, like Orange. */
  tokenLifetimeSeconds: number;
  /** Added before every answer, token endpoint included. */
  latencyMs: number;
  /** What a missing or unknown X-BT-API-KEY gets: 401 code 41 (default) or 403 code 50. */
  apiKeyError: 401 | 403;
  /** The largest `limit` a list accepts; above it the list answers 400 code 23 (default 1000). */
  maxLimit: number;
  /** Serve at most this many items per page whatever `limit` asks, silently (0: no cap). */
  pageCap: number;
  /**
   * How lists page: 'normal'; 'repeat-page': every offset gets the first page again;
   * 'lying-total': X-Total-Count says ten times what exists (pages past the end are empty);
   * 'endless': every page is full of made-up sites and X-Total-Count says a billion.
   */
  pagination: PaginationMode;
  /** Added to the clock in every answer's Date header: a server whose clock is off, or a client's. */
  clockSkewSeconds: number;
}

export const PAGINATION_MODES = ['normal', 'repeat-page', 'lying-total', 'endless'] as const;
export type PaginationMode = (typeof PAGINATION_MODES)[number];

export const DEFAULT_SETTINGS: EmulatorSettings = {
  tokenLifetimeSeconds: 3600,
  latencyMs: 0,
  apiKeyError: 401,
  maxLimit: 1000,
  pageCap: 0,
  pagination: 'normal',
  clockSkewSeconds: 0,
};

export interface FaultSpec {
  /**
   * 'METHOD /pattern' relative to the base path ('GET /me', 'POST /customers/:customerCode/orders'),
   * the absolute 'POST /oauth/v3/token', or '*' for any request. Parameter names are free
   * (':code' matches ':customerCode').
   */
  route: string;
  /**
   * Only requests whose query has these values, e.g. {"offset": "1000"}: one page of a list (a
   * later page stalled while the first ones answer).
   */
  query?: Record<string, string>;
  /** How many requests it hits before it is used up (default 1). */
  times?: number;
  status?: number;
  json?: unknown;
  html?: string;
  /** Sent as is, e.g. malformed JSON. */
  raw?: string;
  headers?: Record<string, string>;
  /**
   * Wait this long before the server acts. On the order POST this is "the site is created after N s
   * while the answer is held": the site is created even when the client has given up meanwhile;
   * add `reset: 'after'` to drop the answer once the site exists.
   */
  delayMs?: number;
  /** 'before': destroy the socket before the server acts; 'after': act (create the order), then destroy it. */
  reset?: 'before' | 'after';
  /** Accept the request and never send the status line or headers (until the client gives up). */
  stall?: boolean;
  /** Send the real answer slowly: `bytes` bytes every `everyMs` ms (a slow drip). */
  drip?: {bytes: number; everyMs: number};
  /** Answer 200 with a valid JSON array of voicesites this many bytes long, streamed (e.g. 100 MB). */
  hugeBodyBytes?: number;
  /**
   * Answer 200 with `Content-Encoding: gzip` whose body inflates to this many bytes (e.g. 1 GiB
   * from about 1 MB on the wire): a decompression bomb.
   */
  gzipBombBytes?: number;
  /** Send the answer (the fault's, or the real one) compressed this way, with its Content-Encoding. */
  encoding?: 'gzip' | 'deflate' | 'br';
  /** Send the status line, the headers and this many bytes of the body, then drop the connection. */
  cutAfterBytes?: number;
}

export interface EmulatorCounters {
  /** Every request to POST /oauth/v3/token, failed ones included. */
  tokenRequests: number;
  /** Voicesites created by orders (a reset after the order still counts). */
  ordersCreated: number;
  /** Every request the server received. */
  requests: number;
  /** Keyed by route pattern, e.g. 'POST /customers/:customerCode/orders'; unknown paths under 'unmatched'. */
  byRoute: Record<string, number>;
}

/** An emulator account: the three secrets plus what the emulator serves for them. */
export interface EmulatorAccount extends Credentials {
  /** What GET /me answers for this key. */
  rightsProfile: string;
  /** Customers this key manages. */
  customerCodes: string[];
  /** One line for people (printed by `btalk sandbox`). */
  description: string;
}

export interface EmulatorAccounts {
  /** Order-capable key, customer 9999 "My Customer", the getting-started page's data. */
  demo: EmulatorAccount;
  /** Same customer, rightsProfile "readonly": cannot order. */
  demoReadonly: EmulatorAccount;
  /** Order-capable key with three customers; one of them has 45 VPNs (more than one page). */
  multi: EmulatorAccount;
  /** Order-capable key, one customer whose every name, label, error text and request id holds terminal escape sequences. */
  hostile: EmulatorAccount;
  /** Order-capable key, one customer with 10,000 VPNs and 5,000 voicesites (benchmarks, long lists). */
  large: EmulatorAccount;
}

export interface ReceivedOrderPost {
  path: string;
  body: string;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/btalk/beta/v1' */
  baseUrl: string;
  /** url + '/oauth/v3/token' */
  tokenUrl: string;
  /** Order-capable account, one customer 9999. */
  demo: Credentials;
  accounts: EmulatorAccounts;
  /** Live and mutable: changes apply to the next request. */
  settings: EmulatorSettings;
  injectFault(spec: FaultSpec): void;
  /** Adds `count` voicesites to the demo customer (SITE_000001, ...). */
  addVoicesites(count: number): void;
  clearFaults(): void;
  counters: EmulatorCounters;
  /**
   * The order POSTs received, oldest first, whatever their answer: the path from the base URL
   * ("/customers/9999/orders") and the body as sent. Only the last ORDER_POSTS_KEPT are kept
   * (a long `btalk sandbox` session stays small); emptied by resetCounters.
   */
  orderPosts: ReceivedOrderPost[];
  resetCounters(): void;
  /** Stops listening and destroys open sockets, so nothing hangs. */
  close(): Promise<void>;
}

export interface StartEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default. */
  host?: string;
  settings?: Partial<EmulatorSettings>;
  /** The server's clock for token expiry (epoch ms); Date.now by default. */
  clock?: () => number;
  /** Extra voicesites for the demo customer (SITE_000001, ...), e.g. 6001 or 200000 for large accounts. */
  voicesites?: number;
}
