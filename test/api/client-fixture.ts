/**
 * Shared bits of the client tests: a client pointed at the test's emulator, a token cache in
 * memory, and a way to get the BtalkError a call rejects with.
 */
import {expect} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import type {BusinessTalkApi, CachedToken, ClientOptions, Credentials, TokenCache} from '../../src/api/types.js';
import {BtalkError} from '../../src/errors.js';
import type {RunningEmulator} from '../../src/emulator/types.js';

/** Retries stay on, with waits short enough for a test run. */
export function clientFor(sandbox: RunningEmulator, overrides: Partial<ClientOptions> = {}, credentials: Credentials = sandbox.demo): BusinessTalkApi {
  return createBusinessTalkApi({baseUrl: sandbox.baseUrl, credentials, maxRetryDelayMs: 40, ...overrides});
}

export function credentialsOf(account: Credentials): Credentials {
  return {clientId: account.clientId, clientSecret: account.clientSecret, apiKey: account.apiKey};
}

export interface MemoryTokenCache extends TokenCache {
  value: CachedToken | undefined;
  writes: number;
}

export function memoryTokenCache(initial?: CachedToken): MemoryTokenCache {
  const cache: MemoryTokenCache = {
    value: initial,
    writes: 0,
    async get() {
      return cache.value;
    },
    async set(token) {
      cache.value = token;
      cache.writes += 1;
    },
    async clear() {
      cache.value = undefined;
    },
  };
  return cache;
}

/** The BtalkError a promise rejects with (fails the test if it resolves or throws something else). */
export async function failure(promise: Promise<unknown>): Promise<BtalkError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BtalkError);
    return error as BtalkError;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** The documented order body with a site name of the test's choosing. */
export function order(technicalSiteName: string, vpnId = 'aa76e66dfc63') {
  return {
    customerOrderReference: 'myOrder',
    parameters: {technicalSiteName, customerSiteLabel: 'My Voicesite in France', country: 'FR', vpnId},
  };
}
