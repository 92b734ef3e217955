/**
 * The Business Talk emulator: a real HTTP server (node:http) on 127.0.0.1 serving the token
 * endpoint and the API under /btalk/beta/v1, with live settings, injected faults and counters for
 * tests. Every response carries a fresh X-OAPI-Request-Id.
 */
import {randomUUID} from 'node:crypto';
import {setMaxListeners} from 'node:events';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import {setTimeout as sleep} from 'node:timers/promises';
import {EMULATOR_BASE_PATH} from '../environments.js';
import {API_ROUTES} from './api-routes.js';
import {authenticate} from './auth.js';
import {controlRoute, CONTROL_PREFIX} from './control.js';
import {answersItself, encodeBody, FaultBook, faultReply, sendCut, sendDrip, sendGzipBomb, sendHugeBody, stallUntilClosed} from './faults.js';
import {EMULATOR_ACCOUNTS} from './fixtures.js';
import {handleToken} from './oauth.js';
import {apiError, type Reply} from './replies.js';
import {EmulatorState} from './state.js';
import {DEFAULT_SETTINGS, type RunningEmulator, type EmulatorCounters, type ReceivedOrderPost, type StartEmulatorOptions, type FaultSpec} from './types.js';
import {hostileErrorBody, hostileRequestId} from './hostile.js';

export type {FaultSpec, ReceivedOrderPost, RunningEmulator, EmulatorAccount, EmulatorAccounts, EmulatorCounters, EmulatorSettings, StartEmulatorOptions} from './types.js';
export {EMULATOR_ACCOUNTS} from './fixtures.js';

export const TOKEN_PATH = '/oauth/v3/token';
const TOKEN_ROUTE = `POST ${TOKEN_PATH}`;
const MAX_BODY_BYTES = 1024 * 1024;
/** How many order POSTs `orderPosts` keeps (the newest). */
export const ORDER_POSTS_KEPT = 100;
const ORDER_ROUTES = new Set(['POST /customers/:customerCode/orders', 'POST /customers/:customerCode/orders/voicesite']);

function freshCounters(): EmulatorCounters {
  return {tokenRequests: 0, ordersCreated: 0, requests: 0, byRoute: {}};
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A hard reset (RST), so the client sees ECONNRESET rather than a polite close. */
function dropConnection(socket: Socket): void {
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const settings = {...DEFAULT_SETTINGS, ...options.settings};
  const state = new EmulatorState(options.clock ?? Date.now);
  if (options.voicesites) state.seedVoicesites(options.voicesites);
  const faults = new FaultBook();
  const sockets = new Set<Socket>();
  const stopping = new AbortController();
  // Every answer held (--latency, a delay, a stall, a drip) listens to it until it is sent: more
  // than Node's 10 at once is a busy server, not a leak (`btalk sandbox --latency 400` printed
  // Node's warning as a client read a large account's pages in parallel).
  setMaxListeners(0, stopping.signal);
  // Mutated in place: tests may keep a reference to `emulator.counters`.
  const counters = freshCounters();
  const orderPosts: ReceivedOrderPost[] = [];

  /** Which route a request is for: its counter/fault key and what answers it. */
  function resolve(method: string, path: string): {key: string; act: (req: IncomingMessage, body: Buffer, query: URLSearchParams) => Reply | Promise<Reply>} {
    if (path === TOKEN_PATH) {
      if (method !== 'POST') return {key: 'unmatched', act: () => apiError('methodNotAllowed', `${method} is not allowed on ${TOKEN_PATH}: use POST.`, {allow: 'POST'})};
      return {
        key: TOKEN_ROUTE,
        act: (req, body) => {
          return handleToken({headers: req.headers, body}, state, settings.tokenLifetimeSeconds);
        },
      };
    }
    const relative = path.startsWith(EMULATOR_BASE_PATH + '/') ? path.slice(EMULATOR_BASE_PATH.length) : undefined;
    const found = relative === undefined ? ({kind: 'not-found'} as const) : API_ROUTES.match(method, relative);
    if (found.kind === 'not-found') return {key: 'unmatched', act: () => apiError('notFound', `No resource at ${method} ${path}.`)};
    if (found.kind === 'method-not-allowed') {
      const allow = found.allow.join(', ');
      return {key: 'unmatched', act: () => apiError('methodNotAllowed', `${method} is not allowed on ${path}: use ${allow}.`, {allow})};
    }
    const {match} = found;
    return {
      key: match.key,
      act: (req, body, query) => {
        const account = authenticate(req.headers, state, settings);
        if ('status' in account) return account;
        return match.handler({
          account,
          params: match.params,
          query,
          headers: req.headers,
          body,
          state,
          onOrderCreated: () => {
            counters.ordersCreated += 1;
          },
          pages: settings,
        });
      },
    };
  }

  async function send(res: ServerResponse, reply: Reply, requestId: string, fault?: Pick<FaultSpec, 'drip' | 'encoding' | 'cutAfterBytes'>): Promise<void> {
    res.statusCode = reply.status;
    for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
    // A fault may bring its own request id (a hostile gateway's, say); every other reply gets a fresh one.
    if (!res.hasHeader('x-oapi-request-id')) res.setHeader('x-oapi-request-id', requestId);
    if (settings.clockSkewSeconds !== 0 && !res.hasHeader('date')) res.setHeader('date', new Date(Date.now() + settings.clockSkewSeconds * 1000).toUTCString());
    const body = fault?.encoding ? await encodeBody(res, reply.body ?? '', fault.encoding) : reply.body;
    if (fault?.cutAfterBytes !== undefined) return sendCut(res, body ?? '', fault.cutAfterBytes);
    if (fault?.drip) return sendDrip(res, body ?? '', fault.drip, stopping.signal);
    res.end(body);
  }

  /** The hostile account's calls get its request id (the key reflected) and hostile error texts. */
  function isHostile(req: IncomingMessage): boolean {
    const {apiKey, clientId} = EMULATOR_ACCOUNTS.hostile;
    if (req.headers['x-bt-api-key'] === apiKey) return true;
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    return basic !== undefined && Buffer.from(basic, 'base64').toString('utf8').startsWith(`${clientId}:`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostileCall = isHostile(req);
    const requestId = hostileCall ? hostileRequestId(EMULATOR_ACCOUNTS.hostile.apiKey) : randomUUID();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    if (path.startsWith(CONTROL_PREFIX)) {
      return send(res, control(method, path.slice(CONTROL_PREFIX.length), await readBody(req)), requestId);
    }
    const route = resolve(method, path);
    counters.requests += 1;
    counters.byRoute[route.key] = (counters.byRoute[route.key] ?? 0) + 1;
    if (route.key === TOKEN_ROUTE) counters.tokenRequests += 1;

    const body = await readBody(req);
    const relative = path.startsWith(EMULATOR_BASE_PATH + '/') ? path.slice(EMULATOR_BASE_PATH.length) : path;
    if (ORDER_ROUTES.has(route.key)) {
      orderPosts.push({path: relative, body: body.toString('utf8')});
      if (orderPosts.length > ORDER_POSTS_KEPT) orderPosts.shift();
    }
    const signal = stopping.signal;
    if (settings.latencyMs > 0) await sleep(settings.latencyMs, undefined, {signal});
    const fault = faults.take([route.key, `${method} ${relative}`, `${method} ${path}`], url.searchParams);
    if (fault?.reset === 'before') return dropConnection(req.socket);
    if (fault?.stall) return stallUntilClosed(req.socket, signal);
    if (fault?.delayMs !== undefined && fault.delayMs > 0) await sleep(fault.delayMs, undefined, {signal});
    if (fault?.hugeBodyBytes !== undefined) return sendHugeBody(res, fault.hugeBodyBytes, requestId, signal);
    if (fault?.gzipBombBytes !== undefined) return sendGzipBomb(res, fault.gzipBombBytes, requestId, signal);
    if (fault !== undefined && answersItself(fault) && fault.reset !== 'after') return send(res, faultReply(fault), requestId, fault);

    const reply = await route.act(req, body, url.searchParams);
    if (hostileCall && reply.status >= 400) reply.body = hostileErrorBody(reply.body);
    if (fault?.reset === 'after') return dropConnection(req.socket);
    if (fault?.headers) Object.assign(reply.headers, fault.headers);
    return send(res, reply, requestId, fault);
  }

  const control = controlRoute({
    settings,
    faults,
    counters,
    addVoicesites: (count) => state.seedVoicesites(count),
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (stopping.signal.aborted) return;
      if (res.headersSent) return void res.destroy();
      void send(res, apiError('internal', `The emulator failed: ${error instanceof Error ? error.message : String(error)}`), randomUUID());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const {port} = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    baseUrl: url + EMULATOR_BASE_PATH,
    tokenUrl: url + TOKEN_PATH,
    demo: {clientId: EMULATOR_ACCOUNTS.demo.clientId, clientSecret: EMULATOR_ACCOUNTS.demo.clientSecret, apiKey: EMULATOR_ACCOUNTS.demo.apiKey},
    accounts: EMULATOR_ACCOUNTS,
    settings,
    injectFault: (spec) => faults.add(spec),
    addVoicesites: (count) => state.seedVoicesites(count),
    clearFaults: () => faults.clear(),
    counters,
    orderPosts,
    resetCounters() {
      Object.assign(counters, freshCounters());
      orderPosts.length = 0;
    },
    close() {
      closing ??= new Promise<void>((resolveClose) => {
        stopping.abort();
        server.close(() => resolveClose());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
