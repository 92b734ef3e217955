/**
 * The access token cache kept in a SecretStore (the keychain in real use), so that a second run
 * within the token's lifetime asks for no new token. The value is JSON
 * `{accessToken, expiresAt, baseUrl, clientId}`; a token cached for another base URL or client id is
 * ignored. The cache is an optimisation: when the store fails or holds garbage the run carries on
 * without it (one note), it never fails a command.
 */
import type {CachedToken, TokenCache} from '../api/types.js';
import type {SecretStore} from './types.js';

export interface StoredTokenCacheOptions {
  store: SecretStore;
  account: string;
  baseUrl: string;
  clientId: string;
  /** Receives one line when the cache is skipped (store failure, malformed value). */
  note?: (line: string) => void;
}

export function createStoredTokenCache(options: StoredTokenCacheOptions): TokenCache {
  const {store, account, baseUrl, clientId} = options;
  // After one store failure the cache is off for this run: each further call could cost a deadline.
  let disabled = false;
  const noted = new Set<string>();
  const note = (line: string) => {
    if (noted.has(line)) return;
    noted.add(line);
    options.note?.(line);
  };
  const failed = (thrown: unknown) => {
    disabled = true;
    const why = thrown instanceof Error ? thrown.message : String(thrown);
    note(`Note: the access token cache is off for this run (${why}).`);
  };

  return {
    async get() {
      if (disabled) return undefined;
      let raw: string | undefined;
      try {
        raw = await store.get(account);
      } catch (thrown) {
        failed(thrown);
        return undefined;
      }
      if (raw === undefined) return undefined;
      const token = parseStoredToken(raw);
      if (token === undefined) {
        note(`Note: the cached access token (${account}) is malformed; a new one will be requested.`);
        return undefined;
      }
      if (token.baseUrl !== baseUrl || token.clientId !== clientId) return undefined;
      return {accessToken: token.accessToken, expiresAt: token.expiresAt};
    },
    async set(token) {
      if (disabled) return;
      const value = JSON.stringify({accessToken: token.accessToken, expiresAt: token.expiresAt, baseUrl, clientId});
      try {
        await store.set(account, value);
      } catch (thrown) {
        failed(thrown);
      }
    },
    async clear() {
      if (disabled) return;
      try {
        await store.delete(account);
      } catch (thrown) {
        failed(thrown);
      }
    },
  };
}

export interface StoredToken extends CachedToken {
  baseUrl: string;
  clientId: string;
}

export function parseStoredToken(raw: string): StoredToken | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v['accessToken'] !== 'string' || v['accessToken'] === '') return undefined;
  if (typeof v['expiresAt'] !== 'number' || !Number.isFinite(v['expiresAt'])) return undefined;
  if (typeof v['baseUrl'] !== 'string' || typeof v['clientId'] !== 'string') return undefined;
  return {accessToken: v['accessToken'], expiresAt: v['expiresAt'], baseUrl: v['baseUrl'], clientId: v['clientId']};
}

/** A per-run cache in memory: used when the keychain must stay untouched or for unsaved credentials. */
export function createMemoryTokenCache(): TokenCache & {peek(): CachedToken | undefined} {
  let token: CachedToken | undefined;
  return {
    async get() {
      return token;
    },
    async set(value) {
      token = value;
    },
    async clear() {
      token = undefined;
    },
    peek: () => token,
  };
}
