/**
 * The emulator's own control endpoint, so a person with curl (or a test in another process) can
 * call up a fault while `btalk sandbox` runs. It lives beside the API, not under it, and needs no
 * credentials: the emulator only listens on loopback.
 *
 *   GET    /_emulator/settings           the live settings
 *   PATCH  /_emulator/settings           {"pageCap": 10, "pagination": "repeat-page", ...}
 *   POST   /_emulator/faults             one FaultSpec, e.g. {"route": "GET /voicesites", "stall": true}
 *   DELETE /_emulator/faults             drops every queued fault
 *   POST   /_emulator/voicesites         {"count": 6001}: that many more sites for the demo customer
 *   GET    /_emulator/counters           what the emulator received and created
 */
import type {FaultBook} from './faults.js';
import {json, type Reply} from './replies.js';
import {DEFAULT_SETTINGS, PAGINATION_MODES, type EmulatorCounters, type EmulatorSettings, type FaultSpec} from './types.js';

export const CONTROL_PREFIX = '/_emulator';

export interface ControlDeps {
  settings: EmulatorSettings;
  faults: FaultBook;
  counters: EmulatorCounters;
  addVoicesites(count: number): void;
}

function refused(message: string): Reply {
  return json(400, {error: message});
}

/** Checks and applies a partial settings object; a message when something is wrong. */
export function applySettings(settings: EmulatorSettings, patch: unknown): string | undefined {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return 'the body must be a JSON object of settings';
  const entries = Object.entries(patch as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (!(key in DEFAULT_SETTINGS)) return `unknown setting "${key}" (known: ${Object.keys(DEFAULT_SETTINGS).join(', ')})`;
    if (key === 'pagination') {
      if (!PAGINATION_MODES.includes(value as never)) return `pagination must be one of ${PAGINATION_MODES.join(', ')}`;
    } else if (key === 'apiKeyError') {
      if (value !== 401 && value !== 403) return 'apiKeyError must be 401 or 403';
    } else if (key === 'clockSkewSeconds') {
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'clockSkewSeconds must be a whole number of seconds (negative: behind)';
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || (key === 'maxLimit' && value < 1)) {
      return `${key} must be a whole number${key === 'maxLimit' ? ' of at least 1' : ''}`;
    }
  }
  Object.assign(settings, Object.fromEntries(entries));
  return undefined;
}

export function controlRoute(deps: ControlDeps): (method: string, path: string, body: Buffer) => Reply {
  return (method, path, body) => {
    let parsed: unknown;
    if (method === 'PATCH' || method === 'POST') {
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return refused('the body must be JSON');
      }
    }
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /settings':
        return json(200, deps.settings);
      case 'PATCH /settings': {
        const problem = applySettings(deps.settings, parsed);
        return problem ? refused(problem) : json(200, deps.settings);
      }
      case 'POST /faults':
        try {
          deps.faults.add(parsed as FaultSpec);
        } catch (error) {
          return refused((error as Error).message);
        }
        return json(201, {queued: parsed});
      case 'DELETE /faults':
        deps.faults.clear();
        return json(200, {cleared: true});
      case 'POST /voicesites': {
        const count = (parsed as {count?: unknown} | null)?.count;
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1_000_000) return refused('count must be a whole number from 0 to 1000000');
        deps.addVoicesites(count);
        return json(201, {added: count});
      }
      case 'GET /counters':
        return json(200, deps.counters);
      default:
        return json(404, {error: `no control route ${route}; see src/emulator/control.ts`});
    }
  };
}
