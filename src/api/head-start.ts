/**
 * The token request, sent as btalk starts (cli.tsx, when src/token-head-start.ts says the run will ask
 * for one), so that loading the command tree, got and zod overlaps its round trip instead of
 * standing before it. Only the sending is done here; the transport takes it as the first attempt
 * of the first token request that is the same on the wire (`claim`), and reads its answer as it
 * reads got's: the same cap, retries, errors, redaction and --debug line.
 *
 * It is sent as got sends it (the same headers in the same order, Node's default agent, no proxy:
 * src/token-head-start.ts gives up when one is configured), and its outcome is handed over as got hands
 * it over: the answer decompressed by the module got uses, failures as the same codes and events
 * (a reset, a refused connection, got's connect and request timeouts, an abort). Nothing is read
 * before the claim; a head start nobody claims is dropped when the command ends.
 */
import type {ClientRequest, IncomingMessage, RequestOptions} from 'node:http';
import type {Socket} from 'node:net';
import {isIP} from 'node:net';
import {performance} from 'node:perf_hooks';
import {EventEmitter} from 'node:events';
import type {WireRequest} from './transport.js';
import {sameWireRequest} from './wire-request.js';
import {abortError, serverAbortedError, timeoutError} from './got-errors.js';

/** What the transport reads an attempt from: got's stream, or this. */
export interface AnswerStream {
  on(event: string, listener: (...args: never[]) => void): unknown;
  destroy(): void;
}

export interface EarlyAttempt {
  /** performance.now() when it was sent. */
  startedAt: number;
  /** The attempt, under the bounds got would have been given for it (counted from startedAt). */
  stream(timeouts: {connectMs: number; requestMs: number}, signal: AbortSignal | undefined): AnswerStream;
}

export interface HeadStart {
  /** The early attempt when `wire` is the request it sent (once); otherwise it is dropped. */
  claim(wire: WireRequest): EarlyAttempt | undefined;
  /** Drops it (unclaimed, or the command is over). */
  discard(): void;
}

export type Send = (url: string, options: RequestOptions) => ClientRequest;

/** got's Accept-Encoding: what it sends when `decompress` is on, as its source decides it. */
export function gotAcceptEncoding(versions: Readonly<Record<string, string | undefined>>): string {
  return ['gzip', 'deflate', ...(typeof versions['brotli'] === 'string' ? ['br'] : []), ...(typeof versions['zstd'] === 'string' ? ['zstd'] : [])].join(', ');
}

/** Statuses got does not decompress (no body by RFC 9110). */
const hasNoBody = (status: number) => (status >= 100 && status < 200) || status === 204 || status === 205 || status === 304;

export function sendHeadStart(wire: WireRequest, send: Send, acceptEncoding: string): HeadStart | undefined {
  const body = wire.body ?? '';
  // In got's order: its headers, then Content-Length, then Accept-Encoding (Node adds Host and Connection).
  const headers = {...wire.headers, ...(wire.body === undefined ? {} : {'content-length': String(Buffer.byteLength(body))}), 'accept-encoding': acceptEncoding};
  const startedAt = performance.now();
  let request: ClientRequest;
  try {
    request = send(wire.url, {method: wire.method, headers});
  } catch {
    // A header Node refuses: the client's own attempt meets the same refusal, in its own words.
    return undefined;
  }
  let state: 'waiting' | 'claimed' | 'dropped' = 'waiting';
  let failed: unknown;
  let response: IncomingMessage | undefined;
  let aborted = false;
  /** When got's connect timer would have started (after the lookup, or at once for an IP), and whether it connected. */
  let connectFrom: number | undefined;
  let connected = false;
  const watchers: {onError?: (e: unknown) => void; onResponse?: () => void; onConnectFrom?: () => void} = {};

  request.on('error', (error) => {
    failed ??= error;
    watchers.onError?.(error);
  });
  request.on('socket', (socket: Socket) => {
    if (!socket.connecting) {
      connected = true;
      return;
    }
    const phase = () => {
      connectFrom = performance.now();
      watchers.onConnectFrom?.();
    };
    if (isIP(new URL(wire.url).hostname.replace(/^\[|\]$/g, '')) !== 0) phase();
    else socket.once('lookup', (error: Error | null) => error === null && phase());
    socket.once('connect', () => (connected = true));
  });
  request.on('response', (answer: IncomingMessage) => {
    response = answer;
    // Held unread until the claim; a connection lost meanwhile is its outcome.
    answer.on('error', () => undefined);
    answer.once('aborted', () => {
      aborted = true;
      watchers.onError?.(serverAbortedError());
    });
    watchers.onResponse?.();
  });
  request.end(body);

  const drop = () => {
    state = 'dropped';
    request.destroy();
    response?.destroy();
  };

  return {
    claim(asked) {
      if (state !== 'waiting') return undefined;
      if (!sameWireRequest(wire, asked)) {
        drop();
        return undefined;
      }
      state = 'claimed';
      return {startedAt, stream: (timeouts, signal) => hand(timeouts, signal)};
    },
    discard() {
      if (state === 'waiting') drop();
    },
  };

  function hand(timeouts: {connectMs: number; requestMs: number}, signal: AbortSignal | undefined): AnswerStream {
    const out = new EventEmitter() as EventEmitter & AnswerStream;
    let done = false;
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const handled = new Set<string>();
    const clear = () => {
      for (const t of timers) clearTimeout(t);
      signal?.removeEventListener('abort', onAbort);
    };
    /** Ends the attempt once: its timers and abort listener gone, the request and answer destroyed. */
    const stop = (): boolean => {
      if (done) return false;
      done = true;
      clear();
      request.destroy();
      response?.destroy();
      return true;
    };
    const fail = (error: unknown) => {
      if (stop()) out.emit('error', error);
    };
    out.destroy = () => void stop();
    // got's timers: a tick after they fire, unless what they wait for came meanwhile.
    const addTimeout = (delay: number, from: number, event: 'connect' | 'request') => {
      const timer = setTimeout(() => {
        setTimeout(() => {
          if (!handled.has(event)) fail(timeoutError(delay, event));
        }, 0);
      }, Math.max(0, delay - (performance.now() - from)));
      timer.unref();
      timers.push(timer);
    };
    function onAbort() {
      fail(abortError());
    }

    queueMicrotask(() => {
      if (signal?.aborted) return fail(abortError());
      signal?.addEventListener('abort', onAbort, {once: true});
      addTimeout(timeouts.requestMs, startedAt, 'request');
      const armConnect = () => {
        if (!connected && !handled.has('connect')) {
          addTimeout(timeouts.connectMs, connectFrom!, 'connect');
          request.socket?.once('connect', () => handled.add('connect'));
        }
      };
      if (connectFrom !== undefined) armConnect();
      else watchers.onConnectFrom = armConnect;
      if (failed !== undefined && !response) return fail(failed);
      watchers.onError = fail;
      if (response) void deliver(response);
      else watchers.onResponse = () => void deliver(response!);
    });

    async function deliver(native: IncomingMessage): Promise<void> {
      if (aborted) return fail(serverAbortedError());
      const encoding = String(native.headers['content-encoding'] ?? '').toLowerCase();
      let answer: NodeJS.ReadableStream & {statusCode?: number} = native;
      // got decompresses with decompress-response; it is loaded only for an answer that needs it.
      if (!hasNoBody(native.statusCode ?? 0) && ['gzip', 'deflate', 'br', 'zstd'].includes(encoding)) {
        const decompress = (await import('decompress-response')).default;
        if (done) return;
        answer = decompress(native);
      }
      answer.on('error', fail);
      answer.on('data', (chunk: Buffer) => {
        if (!done) out.emit('data', chunk);
      });
      answer.on('end', () => {
        handled.add('request');
        if (done) return;
        done = true;
        clear();
        out.emit('end');
      });
      out.emit('response', answer);
    }

    return out;
  }
}
