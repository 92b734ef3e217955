/** What `btalk login` reports once the credentials were proven and saved (text, --json, the form). */
import type {Proof} from '../secrets/prove-credentials.js';
import type {Session} from '../session-types.js';

export interface LoginResult {
  profile: string;
  environment: string;
  baseUrl: string;
  rightsProfile: string;
  canOrder: boolean;
  savedIn: 'keychain' | 'memory';
}

export function loginResult(session: Session, proof: Proof): LoginResult {
  return {
    profile: session.profile,
    environment: session.environment.name,
    baseUrl: session.environment.baseUrl,
    rightsProfile: proof.rightsProfile,
    canOrder: proof.canOrder,
    savedIn: session.sandbox ? 'memory' : 'keychain',
  };
}
