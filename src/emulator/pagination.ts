/**
 * offset/limit paging of list answers, with X-Total-Count and X-Result-Count (as the Business Talk reference describes them), and
 * the ways a real gateway gets paging wrong, as settings: a silent cap on the page size, the same
 * page for every offset, a total that lies, pages that never end.
 */
import {apiError, json, type Reply} from './replies.js';
import type {EmulatorSettings} from './types.js';

export const DEFAULT_LIMIT = 40;

/** What "endless" pages claim in X-Total-Count. */
export const ENDLESS_TOTAL = 1_000_000_000;

function parseCount(raw: string | null, name: string, min: number, max: number): number | string {
  if (raw === null) return Number.NaN;
  if (!/^\d+$/.test(raw)) return `${name} must be a whole number, got "${raw}".`;
  const value = Number(raw);
  if (value < min || value > max) return `${name} must be between ${min} and ${max}, got ${raw}.`;
  return value;
}

export type PageSettings = Pick<EmulatorSettings, 'maxLimit' | 'pageCap' | 'pagination'>;

/**
 * The page of `items` the query asks for, or a 400 code 23 naming the bad parameter. `madeUp(i)`
 * builds item number i of an endless list.
 */
export function paginate<T>(items: readonly T[], query: URLSearchParams, settings: PageSettings, madeUp: (index: number) => T): Reply {
  const offset = parseCount(query.get('offset'), 'offset', 0, Number.MAX_SAFE_INTEGER);
  if (typeof offset === 'string') return apiError('invalidQuery', offset);
  const limit = parseCount(query.get('limit'), 'limit', 1, settings.maxLimit);
  if (typeof limit === 'string') return apiError('invalidQuery', limit);
  const start = Number.isNaN(offset) ? 0 : offset;
  const asked = Number.isNaN(limit) ? DEFAULT_LIMIT : limit;
  const size = settings.pageCap > 0 ? Math.min(asked, settings.pageCap) : asked;
  let page: readonly T[];
  let total = items.length;
  switch (settings.pagination) {
    case 'repeat-page':
      page = items.slice(0, size);
      break;
    case 'lying-total':
      page = items.slice(start, start + size);
      total = Math.max(items.length * 10, 1000);
      break;
    case 'endless':
      page = Array.from({length: size}, (_, i) => madeUp(start + i));
      total = ENDLESS_TOTAL;
      break;
    default:
      page = items.slice(start, start + size);
  }
  return json(200, page, {'x-total-count': String(total), 'x-result-count': String(page.length)});
}
