/**
 * Failure injection: tests queue faults per route; each request takes the first one that matches
 * and is not used up. A fault may answer for the server (status, JSON, HTML, raw bytes), slow it
 * down, add headers, or drop the connection before or after the server acted; it may also never
 * answer (a stall), answer a byte at a time (a drip), or answer with a body too big to hold (a
 * huge body, a gzip bomb). Bodies that big are streamed, never built in memory.
 */
import {once} from 'node:events';
import {STATUS_CODES, type ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {setTimeout as sleep} from 'node:timers/promises';
import {EMULATOR_BASE_PATH} from '../environments.js';
import {API_ERRORS, json, type Reply} from './replies.js';
import {sameRoute} from './router.js';
import type {FaultSpec} from './types.js';

/** node:zlib, loaded by the first compressed answer: the emulator's start needs none. */
const zlib = () => import('node:zlib');

function normalise(route: string): string {
  if (route.trim() === '*') return '*';
  const [method = '', path = ''] = route.trim().split(/\s+/);
  const relative = path.startsWith(EMULATOR_BASE_PATH + '/') ? path.slice(EMULATOR_BASE_PATH.length) : path;
  return `${method.toUpperCase()} ${relative}`;
}

export class FaultBook {
  private faults: Array<{spec: FaultSpec; route: string; left: number}> = [];

  add(spec: FaultSpec): void {
    const left = spec.times ?? 1;
    if (!Number.isInteger(left) || left < 1) throw new Error(`FaultSpec.times must be a positive integer, got ${String(spec.times)}`);
    if (typeof spec.route !== 'string' || spec.route.trim() === '') throw new Error('FaultSpec.route must be "METHOD /path" or "*"');
    if (spec.encoding !== undefined && !['gzip', 'deflate', 'br'].includes(spec.encoding)) throw new Error('FaultSpec.encoding must be "gzip", "deflate" or "br"');
    for (const key of ['delayMs', 'hugeBodyBytes', 'gzipBombBytes', 'cutAfterBytes'] as const) {
      const value = spec[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new Error(`FaultSpec.${key} must be a whole number, got ${String(value)}`);
    }
    if (spec.drip !== undefined && !(Number.isInteger(spec.drip.bytes) && spec.drip.bytes > 0 && Number.isInteger(spec.drip.everyMs) && spec.drip.everyMs >= 0)) {
      throw new Error('FaultSpec.drip must be {bytes: a positive whole number, everyMs: a whole number}');
    }
    if (spec.query !== undefined && (typeof spec.query !== 'object' || spec.query === null || Object.values(spec.query).some((v) => typeof v !== 'string'))) {
      throw new Error('FaultSpec.query must be an object of strings, e.g. {"offset": "1000"}');
    }
    this.faults.push({spec, route: normalise(spec.route), left});
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault for this request, counted down; `names` are the route key and the literal path. */
  take(names: string[], query?: URLSearchParams): FaultSpec | undefined {
    const asked = (f: {spec: FaultSpec}) => f.spec.query === undefined || Object.entries(f.spec.query).every(([k, v]) => query?.get(k) === v);
    const fault = this.faults.find((f) => (f.route === '*' || names.some((name) => sameRoute(f.route, name))) && asked(f));
    if (fault === undefined) return undefined;
    fault.left -= 1;
    if (fault.left === 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault.spec;
  }
}

/** True when the fault answers in the server's place. */
export function answersItself(spec: FaultSpec): boolean {
  return spec.status !== undefined || spec.json !== undefined || spec.html !== undefined || spec.raw !== undefined;
}

// A plausible gateway body when a test gives only a status.
const DEFAULT_CODES: Record<number, {code: number; message: string}> = {
  429: {code: 53, message: 'Too many requests'},
  500: API_ERRORS.internal,
  502: {code: 1, message: 'Bad gateway'},
  503: {code: 5, message: 'The service is temporarily unavailable'},
};

export function faultReply(spec: FaultSpec): Reply {
  const status = spec.status ?? 500;
  const headers = spec.headers ?? {};
  if (spec.html !== undefined) {
    return {status, headers: {'content-type': 'text/html; charset=utf-8', ...headers}, body: spec.html};
  }
  if (spec.raw !== undefined) {
    return {status, headers: {'content-type': 'application/json; charset=utf-8', ...headers}, body: spec.raw};
  }
  if (spec.json !== undefined) return json(status, spec.json, headers);
  const known =
    DEFAULT_CODES[status] ?? Object.values(API_ERRORS).find((e) => e.status === status) ?? {code: status, message: STATUS_CODES[status] ?? 'Error'};
  return json(status, {code: known.code, message: known.message, description: 'Injected by the emulator for a test.'}, headers);
}

/** Holds the request open, sending nothing, until the client or the emulator gives up. */
export async function stallUntilClosed(socket: Socket, signal: AbortSignal): Promise<void> {
  if (socket.destroyed || signal.aborted) return;
  await new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    signal.addEventListener('abort', () => resolve(), {once: true});
  });
}

/** Writes a chunk, waiting when the socket's buffer is full; false once the client is gone. */
async function write(res: ServerResponse, chunk: string | Buffer, signal: AbortSignal): Promise<boolean> {
  if (res.destroyed || signal.aborted) return false;
  if (res.write(chunk)) return true;
  const stop = new AbortController();
  await Promise.race([once(res, 'drain', {signal: stop.signal}), once(res, 'close', {signal: stop.signal})]).catch(() => undefined);
  stop.abort();
  return !res.destroyed && !signal.aborted;
}

/** The body compressed as a gateway may send it; the reply says so in Content-Encoding. */
export async function encodeBody(res: ServerResponse, body: string, encoding: 'gzip' | 'deflate' | 'br'): Promise<Buffer> {
  const bytes = Buffer.from(body, 'utf8');
  res.setHeader('content-encoding', encoding);
  const {brotliCompressSync, deflateSync, gzipSync} = await zlib();
  return encoding === 'gzip' ? gzipSync(bytes) : encoding === 'deflate' ? deflateSync(bytes) : brotliCompressSync(bytes);
}

/** The headers (with the whole body's Content-Length) and the first `bytes` of the body, then the connection is dropped. */
export function sendCut(res: ServerResponse, body: string | Buffer, bytes: number): void {
  const all = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.setHeader('content-length', String(all.length));
  res.flushHeaders();
  res.write(all.subarray(0, bytes), () => res.socket?.destroy());
}

/** The reply's headers are already set: the body goes out `drip.bytes` at a time. */
export async function sendDrip(res: ServerResponse, body: string | Buffer, drip: {bytes: number; everyMs: number}, signal: AbortSignal): Promise<void> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.setHeader('content-length', String(bytes.length));
  res.flushHeaders();
  for (let at = 0; at < bytes.length; at += drip.bytes) {
    if (!(await write(res, bytes.subarray(at, at + drip.bytes), signal))) return;
    if (drip.everyMs > 0) await sleep(drip.everyMs, undefined, {signal}).catch(() => undefined);
  }
  res.end();
}

function siteJson(i: number): string {
  const n = String(i).padStart(9, '0');
  return JSON.stringify({
    voiceSiteId: `vshuge${n}`,
    technicalSiteName: `HUGE_${n}`,
    customerSiteLabel: `A site in a body far too big ${n}`,
    country: 'FR',
    vpnId: 'aa76e66dfc63',
    customerCode: '9999',
    status: 'active',
  });
}

/** 200 with a valid JSON array of voicesites about `size` bytes long, in 64 KB chunks. */
export async function sendHugeBody(res: ServerResponse, size: number, requestId: string, signal: AbortSignal): Promise<void> {
  res.writeHead(200, {'content-type': 'application/json; charset=utf-8', 'x-oapi-request-id': requestId});
  let sent = 0;
  let index = 0;
  let first = true;
  while (sent < size) {
    const parts: string[] = [];
    let length = 0;
    while (length < 65_536 && sent + length < size) {
      const item = (first ? '[' : ',') + siteJson(index++);
      first = false;
      parts.push(item);
      length += item.length;
    }
    if (!(await write(res, parts.join(''), signal))) return;
    sent += length;
  }
  res.end(first ? '[]' : ']');
}

const MIB = 1024 * 1024;
let bombMember: Buffer | undefined;

/**
 * 200 with `Content-Encoding: gzip`: concatenated gzip members (a valid gzip stream) that inflate
 * to "[", `size` spaces, "]": an empty JSON array too big to read. 1 GiB is about 1 MB on the wire.
 */
export async function sendGzipBomb(res: ServerResponse, size: number, requestId: string, signal: AbortSignal): Promise<void> {
  const {gzipSync} = await zlib();
  bombMember ??= gzipSync(Buffer.alloc(MIB, 0x20), {level: 9});
  const open = gzipSync('[');
  const close = gzipSync(']');
  const members = Math.ceil(size / MIB);
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-encoding': 'gzip',
    'content-length': String(open.length + close.length + members * bombMember.length),
    'x-oapi-request-id': requestId,
  });
  if (!(await write(res, open, signal))) return;
  for (let i = 0; i < members; i++) if (!(await write(res, bombMember, signal))) return;
  res.end(close);
}
