/**
 * Running one fuzz case through the real client (createBusinessTalkApi): through the `exchange`
 * seam (no sockets, thousands a second) or over HTTP to one server on port 0 that serves the
 * case's reply to the next request. Both count the requests and the list items served, and
 * collect the debug and wait lines the client wrote.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {createBusinessTalkApi} from '../../../src/api/client.js';
import {waitLine} from '../../../src/api/transport.js';
import type {CachedToken, ClientOptions, Exchange, TokenCache} from '../../../src/api/types.js';
import type {Timers} from '../../../src/timers.js';
import {answerFor, callFor, type FuzzCase} from './endpoints.js';
import type {Outcome} from './outcome.js';
import {FUZZ_SECRETS} from './secrets.js';
import type {Reply} from './wire.js';

/** More requests than any case needs: a client that loops is caught, not waited for. */
export const MAX_REQUESTS = 40;
/** A call that has not settled by then hangs. */
const HANG_MS = 15_000;

export interface CaseRun {
  outcome: Outcome;
  requests: number;
  /** The list items served to the call, in all its pages. */
  served: () => number;
  lines: string[];
}

interface Counts {
  requests: number;
  pages: Uint8Array[];
}

/** Retry pauses pass at once: the backoff is real logic, the waiting is not. */
const immediate: Timers = {
  after(_ms, callback) {
    const t = setImmediate(callback);
    return () => clearImmediate(t);
  },
};

const LIST_PATHS = /\/(customers|vpns|voicesites)$/;

/** Whether the client would count this answer's items (a whole 2xx answer to a list). */
function isListPage(method: string, url: URL, reply: Reply): boolean {
  return method === 'GET' && LIST_PATHS.test(url.pathname) && reply.status >= 200 && reply.status <= 299 && reply.wire === 'whole';
}

/** The items of the list pages served, counted only when asked (when the call gave a value). */
function itemsIn(pages: Uint8Array[]): number {
  let count = 0;
  for (const page of pages) {
    try {
      const value: unknown = JSON.parse(Buffer.from(page).toString('utf8'));
      if (Array.isArray(value)) count += value.length;
    } catch {
      // Not a list: the client refuses it, so there is no value to compare with.
    }
  }
  return count;
}

function wireFailure(wire: Reply['wire']): Error {
  const [code, message] = wire === 'timeout' ? ['ETIMEDOUT', 'Timeout awaiting response'] : wire === 'truncated' ? ['ERR_STREAM_PREMATURE_CLOSE', 'Premature close'] : ['ECONNRESET', 'socket hang up'];
  return Object.assign(new Error(message), {code, event: 'request'});
}

async function settle(call: () => Promise<unknown>): Promise<Outcome | 'hang'> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), HANG_MS)));
  try {
    return await Promise.race([
      call().then(
        (value): Outcome => ({ok: true, value}),
        (error: unknown): Outcome => ({ok: false, error}),
      ),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The client starts with a token in its cache (one request less per case), except where the
 * token answer is the one fuzzed; a token it gives up is fetched from the server like any other.
 */
function tokenCache(c: FuzzCase): TokenCache | undefined {
  if (c.target === 'token') return undefined;
  let token: CachedToken | undefined = {accessToken: FUZZ_SECRETS.accessToken, expiresAt: Date.now() + 3_600_000};
  return {
    get: async () => token,
    set: async (t) => void (token = t),
    clear: async () => void (token = undefined),
  };
}

function clientOptions(c: FuzzCase, baseUrl: string, lines: string[]): ClientOptions {
  const cache = tokenCache(c);
  return {
    baseUrl,
    credentials: FUZZ_SECRETS.credentials,
    ...(cache ? {tokenCache: cache} : {}),
    retries: 1,
    timers: immediate,
    random: () => 0.5,
    attemptTimeoutMs: 5_000,
    debug: (line) => lines.push(line),
    onWait: (notice) => lines.push(waitLine(notice)),
  };
}

async function runWith(c: FuzzCase, options: ClientOptions, counts: Counts, lines: string[]): Promise<CaseRun> {
  const outcome = await settle(() => callFor(c, createBusinessTalkApi(options)));
  const served = () => itemsIn(counts.pages);
  if (outcome === 'hang') return {outcome: {ok: false, error: new Error(`no outcome within ${HANG_MS / 1000} s (a hang)`)}, requests: counts.requests, served, lines};
  return {outcome, requests: counts.requests, served, lines};
}

/** Through the exchange seam. */
export function runThroughSeam(c: FuzzCase): Promise<CaseRun> {
  const counts: Counts = {requests: 0, pages: []};
  const lines: string[] = [];
  const exchange: Exchange = async (request) => {
    counts.requests += 1;
    if (counts.requests > MAX_REQUESTS) throw Object.assign(new Error('too many requests'), {code: 'EFUZZLOOP'});
    const url = new URL(request.url);
    const reply = answerFor(c, request.method, url);
    if (reply.wire !== 'whole') throw wireFailure(reply.wire);
    if (isListPage(request.method, url, reply)) counts.pages.push(reply.body);
    return {status: reply.status, headers: reply.headers, body: reply.body};
  };
  return runWith(c, {...clientOptions(c, 'http://127.0.0.1:9/bt/v1', lines), exchange}, counts, lines);
}

/** Header values Node's server refuses to send are sent with those characters as '?'. */
function sendable(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  // A declared length that lies would desynchronise the kept-alive connection; the seam covers it.
  for (const [k, v] of Object.entries(headers)) if (k !== 'content-length') out[k] = v.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');
  return out;
}

export interface FuzzServer {
  run(c: FuzzCase): Promise<CaseRun>;
  close(): Promise<void>;
}

/** One server on port 0 for every case, each case's reply served to the requests that follow. */
export async function startFuzzServer(): Promise<FuzzServer> {
  let current: {c: FuzzCase; counts: Counts} | undefined;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (!current) return void res.writeHead(500).end();
      const {c, counts} = current;
      counts.requests += 1;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const reply = answerFor(c, req.method ?? 'GET', url);
      if (counts.requests > MAX_REQUESTS || reply.wire === 'reset' || reply.wire === 'timeout') return void req.socket.destroy();
      if (isListPage(req.method ?? 'GET', url, reply)) counts.pages.push(reply.body);
      if (reply.wire === 'truncated') {
        res.writeHead(reply.status, {...sendable(reply.headers), 'content-length': String(reply.body.byteLength + 10)});
        res.write(Buffer.from(reply.body).subarray(0, Math.floor(reply.body.byteLength / 2)), () => req.socket.destroy());
        return;
      }
      res.writeHead(reply.status, sendable(reply.headers)).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    async run(c) {
      const counts: Counts = {requests: 0, pages: []};
      const lines: string[] = [];
      current = {c, counts};
      try {
        return await runWith(c, clientOptions(c, `http://127.0.0.1:${port}/bt/v1`, lines), counts, lines);
      } finally {
        current = undefined;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
