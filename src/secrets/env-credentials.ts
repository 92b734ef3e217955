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

/**
 * What is wrong with typed or piped credentials before any request: each field is required, the
 * API key is exactly 40 characters. The same wording as the login form, so a person sees one rule.
 */
export function credentialProblems(values: Credentials): Partial<Record<keyof Credentials, string>> {
  const problems: Partial<Record<keyof Credentials, string>> = {};
  if (values.clientId.trim() === '') problems.clientId = 'required';
  if (values.clientSecret.trim() === '') problems.clientSecret = 'required';
  const key = values.apiKey.trim();
  if (key === '') problems.apiKey = 'required';
  else if (key.length !== API_KEY_LENGTH) problems.apiKey = `must be exactly ${API_KEY_LENGTH} characters (now ${key.length})`;
  return problems;
}

/** Why an API key cannot be right, or undefined when it has the documented shape. */
export function apiKeyProblem(apiKey: string): string | undefined {
  if (apiKey.length !== API_KEY_LENGTH) return `must be exactly ${API_KEY_LENGTH} characters (it has ${apiKey.length})`;
  if (/\s/.test(apiKey)) return 'must not contain spaces';
  return undefined;
}
