import {describe, expect, it} from 'vitest';
import {fetchAllPages, parseTotal, type Page} from '../../src/api/pagination.js';
import {validate} from '../../src/api/validate.js';
import {CustomerSchema, MeSchema} from '../../src/api/schemas.js';
import {z} from 'zod';

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

  it('treats a list without X-Total-Count as one page', async () => {
    const list = pagedList(45, 40, false);
    expect(await fetchAllPages(list.fetchPage)).toHaveLength(40);
    expect(list.asked).toEqual([0]);
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
