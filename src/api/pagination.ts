/**
 * Lists: offset/limit pages with the total in `X-Total-Count`. btalk asks for the largest page the
 * server takes (1000, then smaller sizes if it refuses), reads the first page to learn the total,
 * then the rest in parallel, a few at a time. A list is read whole or not at all: pages that do not
 * advance (the same item twice), a total that does not fit what arrives, or more items than any
 * account holds end in an error that names what the server did. Nothing is cut silently.
 */
import {BtalkError} from '../errors.js';
import {terminalSafe} from '../text/terminal-safe.js';

/** Page sizes to ask for, largest first; the next one is tried when the server refuses a size. */
export const PAGE_SIZES = [1000, 100, 40] as const;
/** Pages fetched at once after the first. */
const PARALLEL_PAGES = 6;
/** More items than this in one list is a broken server, not an account (raise it with a setting). */
export const DEFAULT_MAX_ITEMS = 1_000_000;

export interface Page {
  items: unknown[];
  /** X-Total-Count, when the server sent a valid one. */
  total: number | undefined;
  requestId?: string | undefined;
}

export type FetchPage = (offset: number, limit: number) => Promise<Page>;

export interface ListReading {
  /** What the list is, for messages: "GET /voicesites". */
  what: string;
  /** An item's identity (its id); the same identity twice means the pages did not advance. */
  identity?: (item: unknown) => string | undefined;
  maxItems?: number;
  /** The page size this server took last time for this list (see PageSizeMemory). */
  limit?: number;
  /** Told the page size the server took, to start there next time. */
  onLimit?: (limit: number) => void;
  /**
   * The pages after the first are asked for once this settles (see ListCallOptions.laterPages).
   * A failure of it changes nothing: the pages are asked for all the same.
   */
  laterPages?: Promise<unknown> | undefined;
}

export function parseTotal(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

function refused(reading: ListReading, what: string, requestId: string | undefined): BtalkError {
  return new BtalkError('server', `${reading.what} did not return a complete list: ${what}.`, {
    hint: 'btalk uses a list only when it is complete (the duplicate check must see every site). Try again in a few minutes; if it keeps happening, quote the request id to Orange support.',
    ...(requestId ? {api: {requestId}} : {}),
  });
}

/** Codes of a 400 about the URL or query (emulator/replies.ts has the table): the page size may be what it refuses. */
const QUERY_CODES = new Set([20, 23, 28]);

/** A 400 for the page size itself: the server wants smaller pages. */
function refusesPageSize(error: unknown): boolean {
  return error instanceof BtalkError && error.api?.status === 400 && (error.api.code === undefined || QUERY_CODES.has(error.api.code));
}

async function firstPage(fetchPage: FetchPage, reading: ListReading): Promise<{page: Page; limit: number}> {
  const sizes = reading.limit === undefined ? [...PAGE_SIZES] : [reading.limit, ...PAGE_SIZES.filter((s) => s < reading.limit!)];
  for (const [i, limit] of sizes.entries()) {
    try {
      const page = await fetchPage(0, limit);
      reading.onLimit?.(limit);
      return {page, limit};
    } catch (error) {
      if (i === sizes.length - 1 || !refusesPageSize(error)) throw error;
    }
  }
  throw new BtalkError('bug', 'No page size left to try.');
}

/** Every item of the list, in server order. */
export async function fetchAllPages(fetchPage: FetchPage, reading: ListReading = {what: 'the list'}): Promise<unknown[]> {
  const pages = new Map<number, unknown[]>();
  await readAllPages(fetchPage, reading, (items, offset) => pages.set(offset, items));
  return [...pages.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, items]) => items);
}

/**
 * Reads the whole list, checked as it arrives, handing each page to `onPage` (pages after the first
 * arrive in any order) so that a caller may keep only what it needs: memory then stays bounded by
 * the pages in flight, whatever the account's size. `fetchPage` validates each page and throws
 * BtalkErrors. Resolves with the number of items once every page was read and checked.
 */
export async function readAllPages(fetchPage: FetchPage, reading: ListReading, onPage: (items: unknown[], offset: number, total: number | undefined) => void): Promise<number> {
  const maxItems = reading.maxItems ?? DEFAULT_MAX_ITEMS;
  const seen = new Map<string, number>();
  /** Records each item's identity; the same one twice means the server did not advance. */
  const check = (items: unknown[], offset: number, requestId: string | undefined) => {
    if (!reading.identity) return;
    items.forEach((item, i) => {
      const id = reading.identity!(item);
      if (id === undefined) return;
      const before = seen.get(id);
      if (before !== undefined) {
        throw refused(reading, `it listed ${terminalSafe(id)} at position ${before + 1} and again at position ${offset + i + 1} (the pages do not advance: the same page served for different offsets?)`, requestId);
      }
      seen.set(id, offset + i);
    });
  };

  const {page: first, limit} = await firstPage(fetchPage, reading);
  if (first.items.length > limit) throw refused(reading, `it sent ${first.items.length} items for a page of ${limit}`, first.requestId);
  check(first.items, 0, first.requestId);
  const {total} = first;
  if (total === undefined) return readWithoutTotal(fetchPage, reading, first, limit, check, maxItems, onPage);
  if (total > maxItems) throw refused(reading, `X-Total-Count says ${total} items, more than btalk reads in one list (${maxItems})`, first.requestId);
  if (first.items.length >= total) {
    if (first.items.length > total) throw refused(reading, `X-Total-Count says ${total} items but the first page alone has ${first.items.length}`, first.requestId);
    onPage(first.items, 0, total);
    return first.items.length;
  }
  if (first.items.length === 0) throw refused(reading, `X-Total-Count says ${total} items but the first page is empty`, first.requestId);
  // Step by what the server actually returned: it may cap pages below our limit.
  const step = first.items.length;
  const offsets: number[] = [];
  for (let offset = step; offset < total; offset += step) offsets.push(offset);
  onPage(first.items, 0, total);
  if (reading.laterPages) await reading.laterPages.then(
    () => undefined,
    () => undefined,
  );
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (next < offsets.length && !failed) {
      const index = next++;
      const offset = offsets[index] as number;
      try {
        const page = await fetchPage(offset, limit);
        const expected = Math.min(step, total! - offset);
        if (page.total !== undefined && page.total !== total) {
          throw refused(reading, `X-Total-Count changed from ${total} to ${page.total} while the pages were read (sites added or removed meanwhile?)`, page.requestId);
        }
        if (page.items.length !== expected) {
          throw refused(
            reading,
            page.items.length === 0
              ? `X-Total-Count says ${total} items but the page at offset ${offset} is empty`
              : `the page at offset ${offset} has ${page.items.length} items where ${expected} were expected (X-Total-Count ${total}, pages of ${step})`,
            page.requestId,
          );
        }
        check(page.items, offset, page.requestId);
        onPage(page.items, offset, total);
      } catch (error) {
        failed = true; // the other workers stop after their current page
        throw error;
      }
    }
  }
  const workers = Array.from({length: Math.min(PARALLEL_PAGES, offsets.length)}, worker);
  const settled = await Promise.allSettled(workers);
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return total;
}

/** No X-Total-Count: full pages mean there may be more, a short page ends the list. */
async function readWithoutTotal(
  fetchPage: FetchPage,
  reading: ListReading,
  first: Page,
  limit: number,
  check: (items: unknown[], offset: number, requestId: string | undefined) => void,
  maxItems: number,
  onPage: (items: unknown[], offset: number, total: undefined) => void,
): Promise<number> {
  onPage(first.items, 0, undefined);
  let count = first.items.length;
  const step = first.items.length;
  let last = first;
  while (last.items.length === step && step > 0) {
    if (count >= maxItems) throw refused(reading, `it kept sending full pages past ${maxItems} items without an X-Total-Count (endless pages?)`, last.requestId);
    last = await fetchPage(count, limit);
    if (last.items.length > step) throw refused(reading, `the page at offset ${count} has ${last.items.length} items, more than the first page's ${step}`, last.requestId);
    check(last.items, count, last.requestId);
    onPage(last.items, count, undefined);
    count += last.items.length;
  }
  return count;
}
