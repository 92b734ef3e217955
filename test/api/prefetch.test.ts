/** Reads started together before anyone asks, each handed once to its first caller (src/api/prefetch.ts). */
import {describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import {prefetchingApi} from '../../src/api/prefetch.js';
import {BtalkError} from '../../src/errors.js';
import {useEmulator} from '../helpers/emulator.js';

describe('prefetchingApi', () => {
  const sandbox = useEmulator({latencyMs: 50});
  const apiFor = (credentials = sandbox().demo) => createBusinessTalkApi({baseUrl: sandbox().baseUrl, credentials, maxRetryDelayMs: 10});
  const count = (route: string) => sandbox().counters.byRoute[route] ?? 0;

  it('asks for /me, the customers and the voicesites at once, then the only customer\'s VPNs, each once', async () => {
    const api = prefetchingApi(apiFor());
    expect((await api.me()).rightsProfile).toBe('admin');
    // The other two went out with /me, not after it.
    expect(count('GET /customers')).toBe(1);
    expect(count('GET /voicesites')).toBe(1);
    expect((await api.customers()).map((c) => c.customerCode)).toEqual(['9999']);
    expect((await api.vpns('9999')).map((v) => v.name)).toEqual(['My VPN 1', 'My VPN 2']);
    expect((await api.voicesites()).map((s) => s.technicalSiteName)).toContain('PARIS_HQ');
    expect(count('GET /customers/:customerCode/vpns')).toBe(1);
    expect(sandbox().counters.tokenRequests).toBe(1);
    // Used once: the next call is a fresh read (the voicesites after an order must be current).
    await api.voicesites();
    await api.me();
    expect(count('GET /voicesites')).toBe(2);
    expect(count('GET /me')).toBe(2);
  });

  it('reads a given customer\'s VPNs at once, and a caller that wants request ids asks for itself', async () => {
    const api = prefetchingApi(apiFor(sandbox().accounts.multi), {customerCode: '41001'});
    await api.me();
    expect(count('GET /customers/:customerCode/vpns')).toBeGreaterThanOrEqual(1);
    const vpns = await api.vpns('41001');
    expect(vpns).toHaveLength(45);
    const before = count('GET /voicesites');
    const ids: string[] = [];
    await api.voicesites({onRequestId: (id) => ids.push(id)});
    expect(ids.length).toBeGreaterThan(0);
    expect(count('GET /voicesites')).toBe(before + 1);
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
