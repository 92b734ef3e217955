/**
 * A VPN list told as it arrives (`onProgress`): only pages in from the first without a gap, in
 * server order, each checked as the whole list is; never the whole list (its promise gives that),
 * and nothing a hostile server sends is passed on before it was checked.
 */
import {describe, expect, it} from 'vitest';
import {prefetchingApi} from '../../src/api/prefetch.js';
import type {ListSoFar, Vpn} from '../../src/api/types.js';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor, credentialsOf, failure} from './client-fixture.js';

describe('a list told as its pages arrive', () => {
  const sandbox = useEmulator();
  const multi = () => credentialsOf(sandbox().accounts.multi);

  it('tells each longer run of pages from the first, in server order, then gives the whole list', async () => {
    const s = sandbox();
    s.settings.pageCap = 10;
    const told: ListSoFar<Vpn>[] = [];
    const vpns = await clientFor(s, {}, multi()).vpns('41001', {onProgress: (p) => told.push(p)});
    expect(vpns).toHaveLength(45);
    expect(told.length).toBeGreaterThan(0);
    for (const [i, p] of told.entries()) {
      expect(p.total).toBe(45);
      // A prefix of the list, whole pages, growing, never the whole list.
      expect(p.items).toEqual(vpns.slice(0, p.items.length));
      expect(p.items.length % 10).toBe(0);
      expect(p.items.length).toBeLessThan(45);
      if (i > 0) expect(p.items.length).toBeGreaterThan(told[i - 1]!.items.length);
    }
    expect(told[0]!.items.map((v) => v.name)[0]).toBe('Acme EU VPN 01');
  });

  it('tells a list of many small pages a few dozen times, not once a page (each telling copies the run so far)', async () => {
    const s = sandbox();
    s.settings.pageCap = 10;
    const told: number[] = [];
    const vpns = await clientFor(s, {}, credentialsOf(s.accounts.large)).vpns('52000', {onProgress: (p) => told.push(p.items.length)});
    expect(vpns).toHaveLength(10_000);
    expect(s.counters.byRoute['GET /customers/:customerCode/vpns']).toBe(1000);
    // Each at least a quarter more than the one before: about 31 tellings for 1,000 pages.
    expect(told.length).toBeLessThan(40);
    expect(told.every((n, i) => i === 0 || n >= told[i - 1]! * 1.25)).toBe(true);
    expect(told.at(-1)).toBeGreaterThan(10_000 / 1.25 - 10);
  });

  it('passes on no page that repeats an earlier one: the read fails with the first page told', async () => {
    const s = sandbox();
    s.settings.pageCap = 10;
    s.settings.pagination = 'repeat-page';
    const told: ListSoFar<Vpn>[] = [];
    const error = await failure(clientFor(s, {}, multi()).vpns('41001', {onProgress: (p) => told.push(p)}));
    expect(error.message).toMatch(/did not return a complete list: it listed vpnId \S+ at position 1 and again at position 11/);
    expect(told.map((p) => p.items.length)).toEqual([10]);
  });

  it('says the total a lying server claims while the pages are read, and fails at the first empty page', async () => {
    const s = sandbox();
    s.settings.pageCap = 10;
    s.settings.pagination = 'lying-total';
    const told: ListSoFar<Vpn>[] = [];
    const error = await failure(clientFor(s, {}, multi()).vpns('41001', {onProgress: (p) => told.push(p)}));
    const claimed = Number(/X-Total-Count says (\d+) items but the page at offset \d+ is empty/.exec(error.message)?.[1]);
    expect(claimed).toBeGreaterThan(45);
    // Told as the server claims it while the rows in are the real ones: never more than exist.
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((p) => p.total === claimed && p.items.length <= 45)).toBe(true);
  });

  it('a prefetched read tells its taker what is already in, then each page after', async () => {
    const s = sandbox();
    s.settings.pageCap = 10;
    s.settings.latencyMs = 20;
    const api = prefetchingApi(clientFor(s, {}, multi()), {customerCode: '41001'});
    // Taken once its first pages are in: the taker hears of them at once.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const told: number[] = [];
    const vpns = await api.vpns('41001', {onProgress: (p) => told.push(p.items.length)});
    expect(vpns).toHaveLength(45);
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((n, i) => n % 10 === 0 && n < 45 && (i === 0 || n > told[i - 1]!))).toBe(true);
    expect(s.counters.byRoute['GET /customers/:customerCode/vpns']).toBe(5);
  });

  it('a read ahead asks for the pages after the first only once laterPages settles, failed or not', async () => {
    const s = sandbox();
    s.settings.pageCap = 10;
    const pages = () => s.counters.byRoute['GET /customers/:customerCode/vpns'] ?? 0;
    for (const settle of ['resolve', 'reject'] as const) {
      const before = pages();
      let open: () => void = () => {};
      const gate = new Promise<void>((resolve, reject) => (open = settle === 'resolve' ? resolve : () => reject(new Error('Ink did not load'))));
      const api = prefetchingApi(clientFor(s, {}, multi()), {customerCode: '41001', laterVpnPages: gate});
      const told: number[] = [];
      const reading = api.vpns('41001', {onProgress: (p) => told.push(p.items.length)});
      await new Promise((resolve) => setTimeout(resolve, 150));
      // The first page is in and told; nothing more was asked.
      expect(pages() - before).toBe(1);
      expect(told).toEqual([10]);
      open();
      expect(await reading).toHaveLength(45);
      expect(pages() - before).toBe(5);
    }
  });
});
