/** Reads started together before anyone asks, each handed once to its first caller (src/api/prefetch.ts). */
import {describe, expect, it, vi} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import {prefetchingApi} from '../../src/api/prefetch.js';
import {BtalkError} from '../../src/errors.js';
import {useEmulator} from '../helpers/emulator.js';

describe('prefetchingApi', () => {
  const sandbox = useEmulator({latencyMs: 50});
  const apiFor = (credentials = sandbox().demo) => createBusinessTalkApi({baseUrl: sandbox().baseUrl, credentials, maxRetryDelayMs: 10});
  const count = (route: string) => sandbox().counters.byRoute[route] ?? 0;

  it('asks for /me and the customers at once, then the only customer\'s VPNs, each once', async () => {
    const api = prefetchingApi(apiFor());
    expect((await api.me()).rightsProfile).toBe('admin');
    // The customers went out with /me, not after it.
    expect(count('GET /customers')).toBe(1);
    expect((await api.customers()).map((c) => c.customerCode)).toEqual(['9999']);
    expect((await api.vpns('9999')).map((v) => v.name)).toEqual(['My VPN 1', 'My VPN 2']);
    expect((await api.voicesiteNames()).map((s) => s.technicalSiteName)).toContain('PARIS_HQ');
    expect(count('GET /customers/:customerCode/vpns')).toBe(1);
    expect(count('GET /voicesites')).toBe(1);
    expect(sandbox().counters.tokenRequests).toBe(1);
    // Used once: the next call is a fresh read (the voicesites after an order must be current).
    await api.voicesiteNames();
    await api.me();
    expect(count('GET /voicesites')).toBe(2);
    expect(count('GET /me')).toBe(2);
  });

  it('asks for the customers before /me: the VPNs wait for the customer list', () => {
    const asked: string[] = [];
    const real = apiFor();
    const watched = Object.assign(Object.create(real) as typeof real, {
      me: () => (asked.push('me'), real.me()),
      customers: () => (asked.push('customers'), real.customers()),
    });
    const api = prefetchingApi(watched);
    expect(asked).toEqual(['customers', 'me']);
    return Promise.all([api.me(), api.customers(), api.vpns('9999'), api.voicesiteNames()]);
  });

  it('reads the voicesite names once the first list is in, not beside it, keeping what the duplicate check needs', async () => {
    const events: string[] = [];
    const real = apiFor();
    const watched = Object.assign(Object.create(real) as typeof real, {
      vpns: async (code: string) => {
        events.push('vpns asked');
        const vpns = await real.vpns(code);
        events.push('vpns in');
        return vpns;
      },
      voicesiteNames: () => {
        events.push('names asked');
        return real.voicesiteNames();
      },
    });
    const api = prefetchingApi(watched);
    // The flow asks for the names early: it gets the prefetched read, which waits for the VPNs.
    const names = api.voicesiteNames();
    await api.customers();
    expect((await api.vpns('9999')).length).toBe(2);
    const sites = await names;
    expect(events).toEqual(['vpns asked', 'vpns in', 'names asked']);
    expect(count('GET /voicesites')).toBe(1);
    const paris = sites.find((s) => s.technicalSiteName === 'PARIS_HQ');
    expect(paris && Object.keys(paris).sort()).toEqual(['customerCode', 'technicalSiteName', 'voiceSiteId']);
  });

  it('reads a given customer\'s VPNs at once, and a caller that wants request ids asks for itself', async () => {
    const api = prefetchingApi(apiFor(sandbox().accounts.multi), {customerCode: '41001'});
    await api.me();
    expect(count('GET /customers/:customerCode/vpns')).toBeGreaterThanOrEqual(1);
    const vpns = await api.vpns('41001');
    expect(vpns).toHaveLength(45);
    // The prefetched names are read after the VPNs; a caller wanting request ids reads again.
    await vi.waitFor(() => expect(count('GET /voicesites')).toBe(1));
    const ids: string[] = [];
    await api.voicesiteNames({onRequestId: (id) => ids.push(id)});
    expect(ids.length).toBeGreaterThan(0);
    expect(count('GET /voicesites')).toBe(2);
    // The prefetched read is still there for the next caller.
    await api.voicesiteNames();
    expect(count('GET /voicesites')).toBe(2);
  });

  it('a failed prefetched read drops the others: nothing stale is handed out afterwards', async () => {
    const calls: string[] = [];
    let fail = true;
    const answer = <T,>(name: string, value: T) => {
      calls.push(name);
      return fail ? Promise.reject(new BtalkError('auth', `${name} refused`)) : Promise.resolve(value);
    };
    const fake = {
      baseUrl: 'http://fake.invalid',
      token: async () => undefined,
      me: () => answer('me', {rightsProfile: 'admin'}),
      customers: () => answer('customers', []),
      voicesites: () => answer('voicesites', []),
      voicesiteNames: () => answer('voicesiteNames', []),
      vpns: () => answer('vpns', []),
      country: () => answer('country', {} as never),
      orderVoicesite: () => answer('order', {} as never),
    } as unknown as Parameters<typeof prefetchingApi>[0];
    const api = prefetchingApi(fake);
    await expect(api.me()).rejects.toMatchObject({kind: 'auth'});
    fail = false;
    expect(await api.customers()).toEqual([]);
    expect(calls.filter((c) => c === 'customers')).toHaveLength(2);
  });

  it('an aborted caller stops waiting for a prefetched answer', async () => {
    sandbox().settings.latencyMs = 400;
    const api = prefetchingApi(apiFor());
    const controller = new AbortController();
    const waiting = api.me({signal: controller.signal});
    controller.abort(new Error('left the screen'));
    await expect(waiting).rejects.toThrow('left the screen');
  });
});
