/**
 * Access tokens: fetched with the client-credentials grant, kept in memory and in the optional
 * persistent cache until shortly before they expire, shared by concurrent callers (one request in
 * flight at a time), and dropped when the API says the one we sent is no longer good.
 */
import type {CachedToken, TokenCache} from './types.js';

/** Refresh this long before the server's expiry, so a token never dies between check and use. */
const MAX_MARGIN_MS = 60_000;

export interface FreshToken {
  accessToken: string;
  /** Seconds, from the token response. */
  expiresIn: number;
}

export interface TokenProviderOptions {
  fetchToken: () => Promise<FreshToken>;
  cache?: TokenCache | undefined;
  clock: () => number;
  /** Called with every token we hold, so it can be redacted from logs and errors. */
  onToken?: (accessToken: string) => void;
}

export interface TokenProvider {
  /** A usable access token, from memory, the cache, or one shared token request. */
  get(): Promise<string>;
  /** Forgets `rejected` (if still current) so the next get() fetches a new one. */
  invalidate(rejected: string): Promise<void>;
}

/** The instant a token stops being usable: its expiry minus a margin (at most 60 s, at most a quarter of its life). */
export function usableUntil(now: number, expiresInSeconds: number): number {
  const lifeMs = expiresInSeconds * 1000;
  return now + lifeMs - Math.min(MAX_MARGIN_MS, lifeMs / 4);
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  let current: CachedToken | undefined;
  let inFlight: Promise<CachedToken> | undefined;
  // Tokens the API refused: never taken back from the persistent cache.
  const rejected = new Set<string>();
  const usable = (t: CachedToken | undefined): t is CachedToken => t !== undefined && options.clock() < t.expiresAt && !rejected.has(t.accessToken);

  async function fromCache(): Promise<CachedToken | undefined> {
    try {
      const cached = await options.cache?.get();
      if (usable(cached)) return cached;
    } catch {
      // The cache only saves a request; a locked or broken keychain must not stop the call.
    }
    return undefined;
  }

  async function obtain(): Promise<CachedToken> {
    const cached = await fromCache();
    if (cached) {
      options.onToken?.(cached.accessToken);
      return cached;
    }
    const fresh = await options.fetchToken();
    options.onToken?.(fresh.accessToken);
    const token: CachedToken = {accessToken: fresh.accessToken, expiresAt: usableUntil(options.clock(), fresh.expiresIn)};
    try {
      await options.cache?.set(token);
    } catch {
      // Same as above: the token is still good for this run.
    }
    return token;
  }

  return {
    async get() {
      if (usable(current)) return current.accessToken;
      inFlight ??= obtain().finally(() => {
        inFlight = undefined;
      });
      current = await inFlight;
      return current.accessToken;
    },
    async invalidate(token) {
      rejected.add(token);
      if (current?.accessToken !== token) return;
      current = undefined;
      try {
        const cached = await options.cache?.get();
        if (cached?.accessToken === token) await options.cache?.clear();
      } catch {
        // A cache we cannot read or clear still cannot hand the rejected token back (see `rejected`).
      }
    },
  };
}
