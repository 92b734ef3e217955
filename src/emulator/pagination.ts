/**
 * offset/limit paging of list answers, with X-Total-Count and X-Result-Count (api-notes.md).
 */
import {apiError, json, type Reply} from './replies.js';

export const DEFAULT_LIMIT = 40;
export const MAX_LIMIT = 100;

function parseCount(raw: string | null, name: string, min: number, max: number): number | string {
  if (raw === null) return Number.NaN;
  if (!/^\d+$/.test(raw)) return `${name} must be a whole number, got "${raw}".`;
  const value = Number(raw);
  if (value < min || value > max) return `${name} must be between ${min} and ${max}, got ${raw}.`;
  return value;
}

/** The page of `items` the query asks for, or a 400 code 23 naming the bad parameter. */
export function paginate<T>(items: readonly T[], query: URLSearchParams): Reply {
  const offset = parseCount(query.get('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER);
  if (typeof offset === 'string') return apiError('invalidQuery', offset);
  const limit = parseCount(query.get('limit'), 'limit', 1, MAX_LIMIT);
  if (typeof limit === 'string') return apiError('invalidQuery', limit);
  const start = Number.isNaN(offset) ? 0 : offset;
  const size = Number.isNaN(limit) ? DEFAULT_LIMIT : limit;
  const page = items.slice(start, start + size);
  return json(200, page, {'x-total-count': String(items.length), 'x-result-count': String(page.length)});
}
