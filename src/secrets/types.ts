/**
 * Where secrets live. The OS keychain in real use, memory in tests. Items are keyed by account
 * names under one service ("btalk"): see `accountFor`.
 */

export const KEYCHAIN_SERVICE = 'btalk';

export type SecretField = 'client-id' | 'client-secret' | 'api-key' | 'token';

export interface SecretStore {
  get(account: string): Promise<string | undefined>;
  set(account: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
  /** Every account name under the service. */
  list(): Promise<string[]>;
}

/** One account per profile and field, e.g. "default:api-key". */
export function accountFor(profile: string, field: SecretField): string {
  return `${profile}:${field}`;
}
