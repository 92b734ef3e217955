/**
 * Proves a set of credentials the way every later call will use them: one token request (client id
 * and secret), then GET /me (token and API key together). Used by `btalk login` before saving and
 * by `btalk status`.
 */
import {canOrder, type Me} from '../api/schemas.js';
import type {BusinessTalkApi} from '../api/types.js';

export interface Proof {
  rightsProfile: string;
  canOrder: boolean;
}

export async function proveCredentials(api: BusinessTalkApi, options: {signal?: AbortSignal} = {}): Promise<Proof> {
  const call = options.signal ? {signal: options.signal} : {};
  await api.token(call);
  const me: Me = await api.me(call);
  return {rightsProfile: me.rightsProfile, canOrder: canOrder(me)};
}

export const READONLY_WARNING =
  'This API key is read-only: it can look up customers, VPNs, countries and voicesites, but it cannot order a voicesite.';

/**
 * The last 4 characters of an API key, the most btalk ever shows of a secret; undefined for a key
 * so short that 4 characters would be most of it.
 */
export function apiKeyLast4(apiKey: string): string | undefined {
  return apiKey.length >= 8 ? apiKey.slice(-4) : undefined;
}
