/**
 * Lists: offset/limit pages with the total in `X-Total-Count`. The first page says how many items
 * exist; the remaining pages are then fetched in parallel (a few at a time). A list without the
 * header is a single page.
 */

export const PAGE_SIZE = 40;
/** Pages fetched at once after the first. */
const PARALLEL_PAGES = 6;
/** A total this large is a broken header, not a customer's VPN list. */
const MAX_PAGES = 500;

export interface Page {
  items: unknown[];
  /** X-Total-Count, when the server sent a valid one. */
  total: number | undefined;
}

export type FetchPage = (offset: number, limit: number) => Promise<Page>;

export function parseTotal(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/** Every item of the list, in server order. `fetchPage` validates and throws BtalkErrors. */
export async function fetchAllPages(fetchPage: FetchPage, limit = PAGE_SIZE): Promise<unknown[]> {
  const first = await fetchPage(0, limit);
  const {total} = first;
  if (total === undefined || first.items.length === 0 || first.items.length >= total) return first.items;
  // Step by what the server actually returned: it may cap pages below our limit.
  const step = first.items.length;
  const offsets: number[] = [];
  for (let offset = step; offset < total && offsets.length < MAX_PAGES; offset += step) offsets.push(offset);
  const pages: unknown[][] = new Array<unknown[]>(offsets.length);
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (next < offsets.length && !failed) {
      const index = next++;
      const offset = offsets[index] as number;
      try {
        pages[index] = (await fetchPage(offset, limit)).items;
      } catch (error) {
        failed = true; // the other workers stop after their current page
        throw error;
      }
    }
  }
  await Promise.all(Array.from({length: Math.min(PARALLEL_PAGES, offsets.length)}, worker));
  return [...first.items, ...pages.flat()];
}
