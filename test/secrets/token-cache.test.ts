import {describe, expect, it} from 'vitest';
import {BtalkError} from '../../src/errors.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {createStoredTokenCache} from '../../src/secrets/token-cache.js';
import type {SecretStore} from '../../src/secrets/types.js';
import {useEmulator} from '../helpers/emulator.js';
import {realClient, testSessions} from '../helpers/session.js';

const sandbox = useEmulator();

function savedDemo() {
  const demo = sandbox().demo;
  return new MemorySecretStore({'default:client-id': demo.clientId, 'default:client-secret': demo.clientSecret, 'default:api-key': demo.apiKey});
}

describe('access token cache in the keychain', () => {
  it('lets a second run within the token lifetime make no token request', async () => {
    const keychain = savedDemo();
    const s = await testSessions({keychain, ...realClient()});
    const globals = {baseUrl: sandbox().baseUrl};
    const first = await s.factory.open(globals);
    await first.api(first.credentials!).me();
    const second = await s.factory.open(globals);
    await second.api(second.credentials!).customers();
    expect(sandbox().counters.tokenRequests).toBe(1);
    const stored = JSON.parse((await keychain.get('default:token'))!);
    expect(stored).toMatchObject({baseUrl: sandbox().baseUrl, clientId: sandbox().demo.clientId});
    expect(typeof stored.accessToken).toBe('string');
    expect(stored.expiresAt).toBeGreaterThan(Date.now());
  });

  it('reads the cached token in the same keychain round as the secrets, and once', async () => {
    const inner = savedDemo();
    // The token must be valid at the emulator: take one, then let a new session use it from the cache.
    const warm = await testSessions({keychain: inner, ...realClient()});
    const first = await warm.factory.open({baseUrl: sandbox().baseUrl});
    await first.api(first.credentials!).me();
    const asked: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // Every read waits until the test lets them go: what was asked by then is one round.
    const slow: SecretStore = {
      get: async (a) => {
        asked.push(a);
        await held;
        return inner.get(a);
      },
      set: (a, v) => inner.set(a, v),
      delete: (a) => inner.delete(a),
      list: () => inner.list(),
    };
    const s = await testSessions({keychainFactory: () => slow, ...realClient()});
    const opening = s.factory.open({baseUrl: sandbox().baseUrl});
    await expect.poll(() => asked.length).toBe(4);
    expect([...asked].sort()).toEqual(['default:api-key', 'default:client-id', 'default:client-secret', 'default:token']);
    release();
    const session = await opening;
    const tokensBefore = sandbox().counters.tokenRequests;
    await session.api(session.credentials!).me();
    expect(sandbox().counters.tokenRequests).toBe(tokensBefore);
    // The token's read ahead was the one read of it.
    expect(asked.filter((a) => a === 'default:token')).toHaveLength(1);
  });

  it('replaces a cached token the server rejects, once', async () => {
    const keychain = savedDemo();
    const bogus = {accessToken: 'revoked-token', expiresAt: Date.now() + 3_600_000, baseUrl: sandbox().baseUrl, clientId: sandbox().demo.clientId};
    await keychain.set('default:token', JSON.stringify(bogus));
    const s = await testSessions({keychain, ...realClient()});
    const session = await s.factory.open({baseUrl: sandbox().baseUrl});
    expect((await session.api(session.credentials!).me()).rightsProfile).toBeTruthy();
    expect(sandbox().counters.tokenRequests).toBe(1);
    const stored = JSON.parse((await keychain.get('default:token'))!);
    expect(stored.accessToken).not.toBe('revoked-token');
  });

  it('ignores a token cached for another base URL or client id, and a malformed value, with a note', async () => {
    const keychain = savedDemo();
    const s = await testSessions({keychain, ...realClient()});
    await keychain.set('default:token', JSON.stringify({accessToken: 't', expiresAt: Date.now() + 3_600_000, baseUrl: 'https://elsewhere/x', clientId: sandbox().demo.clientId}));
    const a = await s.factory.open({baseUrl: sandbox().baseUrl});
    await a.api(a.credentials!).me();
    expect(sandbox().counters.tokenRequests).toBe(1);
    await keychain.set('default:token', '{not json');
    const b = await s.factory.open({baseUrl: sandbox().baseUrl});
    await b.api(b.credentials!).me();
    expect(sandbox().counters.tokenRequests).toBe(2);
    expect(s.runtime.err()).toContain('cached access token (default:token) is malformed');
  });

  it('carries on without a cache when the keychain fails while caching', async () => {
    const inner = savedDemo();
    const failing: SecretStore = {
      get: (a) => (a.endsWith(':token') ? Promise.reject(new BtalkError('keychain', 'The OS keychain did not answer within 3 s.')) : inner.get(a)),
      set: () => Promise.reject(new BtalkError('keychain', 'The OS keychain did not answer within 3 s.')),
      delete: (a) => inner.delete(a),
      list: () => inner.list(),
    };
    const s = await testSessions({keychainFactory: () => failing, ...realClient()});
    const session = await s.factory.open({baseUrl: sandbox().baseUrl});
    const api = session.api(session.credentials!);
    await api.me();
    await api.customers();
    expect(sandbox().counters.tokenRequests).toBe(1);
    expect(s.runtime.err()).toContain('access token cache is off for this run');
    expect(s.keychainCalls()).toBeLessThanOrEqual(4); // 3 credential reads + one failed cache read, then no more
  });

  it('returns what it stored, and nothing for another client id', async () => {
    const store = new MemorySecretStore();
    const cache = createStoredTokenCache({store, account: 'p:token', baseUrl: 'https://a/b', clientId: 'one'});
    await cache.set({accessToken: 'abc', expiresAt: 42});
    expect(await cache.get()).toEqual({accessToken: 'abc', expiresAt: 42});
    expect(await createStoredTokenCache({store, account: 'p:token', baseUrl: 'https://a/b', clientId: 'two'}).get()).toBeUndefined();
    await cache.clear();
    expect(await store.list()).toEqual([]);
  });
});
