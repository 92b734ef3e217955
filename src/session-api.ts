/**
 * Opens the session a command works in and the API client for its credentials, with one clear
 * error when credentials are missing (naming the fields, never their values).
 */
import {BtalkError} from './errors.js';
import type {BusinessTalkApi} from './api/types.js';
import type {GlobalOptions} from './global-options.js';
import {CREDENTIAL_ENV_LIST, CREDENTIAL_ENV_VARS} from './secrets/env-credentials.js';
import {explainRefusal} from './secrets/secret-origin.js';
import type {Session, SessionFactory} from './session-types.js';

const FIELD_NAMES = {
  clientId: `client id (${CREDENTIAL_ENV_VARS.clientId})`,
  clientSecret: `client secret (${CREDENTIAL_ENV_VARS.clientSecret})`,
  apiKey: `API key (${CREDENTIAL_ENV_VARS.apiKey})`,
};

export async function withApi<T>(
  sessions: SessionFactory,
  globals: GlobalOptions,
  body: (api: BusinessTalkApi, session: Session) => Promise<T>,
): Promise<T> {
  const session = await sessions.open(globals);
  try {
    if (!session.credentials) {
      const missing = (Object.keys(FIELD_NAMES) as Array<keyof typeof FIELD_NAMES>)
        .filter((k) => session.sources[k] === 'missing')
        .map((k) => FIELD_NAMES[k]);
      throw new BtalkError('auth', `No credentials for profile "${session.profile}"${missing.length ? `: missing ${missing.join(', ')}` : ''}.`, {
        hint: `Run "btalk login", or set ${CREDENTIAL_ENV_LIST}, or try --sandbox.`,
      });
    }
    const credentials = session.credentials;
    try {
      return await body(session.api(credentials), session);
    } catch (thrown) {
      // Refusals found above the client (a read-only key before an order) say where the key came from too.
      throw thrown instanceof BtalkError ? explainRefusal(thrown, session.origins(credentials)) : thrown;
    }
  } finally {
    await session.close();
  }
}
