/**
 * Environment overrides for the three secrets. They are read for one run and never saved: this is
 * the way out on machines without a keychain (CI, bare SSH boxes).
 */
import type {Credentials} from '../api/types.js';

export const CREDENTIAL_ENV_VARS = {
  clientId: 'BTALK_CLIENT_ID',
  clientSecret: 'BTALK_CLIENT_SECRET',
  apiKey: 'BTALK_API_KEY',
} as const satisfies Record<keyof Credentials, string>;

export const API_KEY_LENGTH = 40;

export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<Credentials> {
  const out: Partial<Credentials> = {};
  for (const field of Object.keys(CREDENTIAL_ENV_VARS) as Array<keyof Credentials>) {
    const value = env[CREDENTIAL_ENV_VARS[field]]?.trim();
    if (value) out[field] = value;
  }
  return out;
}

/** Why an API key cannot be right, or undefined when it has the documented shape. */
export function apiKeyProblem(apiKey: string): string | undefined {
  if (apiKey.length !== API_KEY_LENGTH) return `must be exactly ${API_KEY_LENGTH} characters (it has ${apiKey.length})`;
  if (/\s/.test(apiKey)) return 'must not contain spaces';
  return undefined;
}
