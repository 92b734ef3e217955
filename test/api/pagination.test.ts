import {describe, expect, it} from 'vitest';
import {fetchAllPages, parseTotal, type Page} from '../../src/api/pagination.js';
import {validate} from '../../src/api/validate.js';
import {CustomerSchema, MeSchema} from '../../src/api/schemas.js';
import * as z from 'zod';
import {BtalkError} from '../../src/errors.js';

/** A list served in pages of at most `cap` items, recording which offsets were asked for. */
function pagedList(size: number, cap: number, withTotal = true) {
  const items = Array.from({length: size}, (_, i) => i);
  const asked: number[] = [];
  const fetchPage = async (offset: number, limit: number): Promise<Page> => {
    asked.push(offset);
    return {items: items.slice(offset, offset + Math.min(limit, cap)), total: withTotal ? size : undefined};
  };
  return {items, asked, fetchPage};
}

describe('fetchAllPages', () => {
  it('fetches the first page, then the rest, in server order', async () => {
    const list = pagedList(130, 40);
    expect(await fetchAllPages(list.fetchPage)).toEqual(list.items);
    expect(list.asked.sort((a, b) => a - b)).toEqual([0, 40, 80, 120]);
  });

  it('steps by what the server returns when it caps pages below the limit', async () => {
    const list = pagedList(45, 20);
    expect(await fetchAllPages(list.fetchPage)).toEqual(list.items);
  });

  it('without X-Total-Count, reads on while pages are full and stops at a short one', async () => {
    const list = pagedList(45, 40, false);
    expect(await fetchAllPages(list.fetchPage)).toEqual(list.items);
    expect(list.asked).toEqual([0, 40]);
  });

  it('refuses pages that do not advance, a total the pages do not fill, and endless pages, naming each', async () => {
    const reading = {what: 'GET /things', identity: (item: unknown) => `id ${String(item)}`};
    const same = async (): Promise<Page> => ({items: [1, 2, 3], total: 9});
    await expect(fetchAllPages(same, reading)).rejects.toThrow(/^GET \/things did not return a complete list: it listed id 1 at position 1 and again at position 4/);
    const lying = async (offset: number): Promise<Page> => ({items: offset < 6 ? [offset, offset + 1, offset + 2] : [], total: 12});
    await expect(fetchAllPages(lying, reading)).rejects.toThrow(/X-Total-Count says 12 items but the page at offset (6|9) is empty/);
    const endless = async (offset: number): Promise<Page> => ({items: [offset, offset + 1], total: undefined});
    await expect(fetchAllPages(endless, {...reading, maxItems: 50})).rejects.toThrow(/kept sending full pages past 50 items without an X-Total-Count/);
    const huge = async (): Promise<Page> => ({items: [1], total: 5_000_000});
    await expect(fetchAllPages(huge, reading)).rejects.toThrow(/X-Total-Count says 5000000 items, more than btalk reads in one list \(1000000\)/);
    const shifting = async (offset: number): Promise<Page> => ({items: [offset, offset + 1], total: offset === 0 ? 6 : 7});
    await expect(fetchAllPages(shifting, reading)).rejects.toThrow(/X-Total-Count changed from 6 to 7/);
  });

  it('names a repeated id as terminal-safe text: an id cannot start a line or send an escape', async () => {
    const reading = {what: 'GET /things', identity: (item: unknown) => `id ${String(item)}`};
    const twice = async (): Promise<Page> => ({items: ['a\nError: forged\u001b]0;t\u0007', 'a\nError: forged\u001b]0;t\u0007'], total: 2});
    const error = await fetchAllPages(twice, reading).then(
      () => undefined,
      (e: unknown) => e as BtalkError,
    );
    expect(error?.message).toContain('it listed id a\\x0aError: forged\\x1b]0;t\\x07 at position 1 and again at position 2');
    expect(error?.message).not.toMatch(/[\n\u001b\u0007]/);
  });

  it('asks for 1000 a page, then smaller sizes when the server refuses the size (400 code 23)', async () => {
    const asked: number[] = [];
    const fetchPage = async (offset: number, limit: number): Promise<Page> => {
      asked.push(limit);
      if (limit > 100) throw new BtalkError('invalid-input', 'limit too large', {api: {status: 400, code: 23}});
      return {items: Array.from({length: Math.min(limit, 150 - offset)}, (_, i) => offset + i), total: 150};
    };
    let remembered: number | undefined;
    expect(await fetchAllPages(fetchPage, {what: 'GET /x', onLimit: (l) => (remembered = l)})).toHaveLength(150);
    expect(asked).toEqual([1000, 100, 100]);
    expect(remembered).toBe(100);
  });

  it('reads only a whole number as a total', () => {
    expect(parseTotal('45')).toBe(45);
    expect(parseTotal('4x')).toBeUndefined();
    expect(parseTotal(undefined)).toBeUndefined();
  });
});

describe('validate', () => {
  it('names the field and the index in the whole list (page offset included)', () => {
    const result = validate(z.array(CustomerSchema), [{name: 'a', customerCode: '1'}, {name: 'b'}], 'customers', 40);
    expect(result).toEqual({ok: false, problem: 'customers[41].customerCode: missing (expected string or number)'});
  });

  it('says what type came instead', () => {
    expect(validate(MeSchema, {rightsProfile: 3}, 'me')).toEqual({ok: false, problem: 'me.rightsProfile: expected string, received number'});
  });

  it('accepts customer codes as numbers and keeps them as strings, ignoring unknown fields', () => {
    expect(validate(CustomerSchema, {name: 'a', customerCode: 9999, extra: true}, 'customer')).toEqual({ok: true, value: {name: 'a', customerCode: '9999'}});
  });
});
