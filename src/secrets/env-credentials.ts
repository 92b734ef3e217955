/**
 * Environment overrides for the three secrets. They are read for one run and never saved: this is
 * the way out on machines without a keychain (CI, bare SSH boxes).
 */
import type {Credentials} from '../api/types.js';

// The rules on the secrets' shape live with the other pure rules, where the form reads them too.
export {API_KEY_LENGTH, apiKeyProblem, credentialProblems} from '../domain/credential-rules.js';

export const CREDENTIAL_ENV_VARS = {
  clientId: 'BTALK_CLIENT_ID',
  clientSecret: 'BTALK_CLIENT_SECRET',
  apiKey: 'BTALK_API_KEY',
} as const satisfies Record<keyof Credentials, string>;

/** The three names in a sentence: "BTALK_CLIENT_ID, BTALK_CLIENT_SECRET and BTALK_API_KEY". */
export const CREDENTIAL_ENV_LIST = `${CREDENTIAL_ENV_VARS.clientId}, ${CREDENTIAL_ENV_VARS.clientSecret} and ${CREDENTIAL_ENV_VARS.apiKey}`;

export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<Credentials> {
  const out: Partial<Credentials> = {};
  for (const field of Object.keys(CREDENTIAL_ENV_VARS) as Array<keyof Credentials>) {
    const value = env[CREDENTIAL_ENV_VARS[field]]?.trim();
    if (value) out[field] = value;
  }
  return out;
}
