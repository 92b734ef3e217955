/**
 * Failure injection: tests queue faults per route; each request takes the first one that matches
 * and is not used up. A fault may answer for the server (status, JSON, HTML, raw bytes), slow it
 * down, add headers, or drop the connection before or after the server acted.
 */
import {STATUS_CODES} from 'node:http';
import {EMULATOR_BASE_PATH} from '../environments.js';
import {API_ERRORS, json, type Reply} from './replies.js';
import {sameRoute} from './router.js';
import type {FaultSpec} from './types.js';

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
    this.faults.push({spec, route: normalise(spec.route), left});
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault for this request, counted down; `names` are the route key and the literal path. */
  take(names: string[]): FaultSpec | undefined {
    const fault = this.faults.find((f) => f.route === '*' || names.some((name) => sameRoute(f.route, name)));
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
  return json(status, {code: known.code, message: known.message, description: 'Injected by the sandbox for a test.'}, headers);
}
