/** What `btalk login` reports once the credentials were proven and saved (text, --json, the form). */
import {BtalkError} from '../errors.js';
import {CREDENTIAL_ENV_VARS} from '../secrets/env-credentials.js';
import {keychainFix, keychainLine} from '../secrets/keychain-errors.js';
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
    savedIn: session.emulated ? 'memory' : 'keychain',
  };
}

export function rightsText(proof: Proof): string {
  return `rights profile "${proof.rightsProfile}", ${proof.canOrder ? 'can order' : 'read-only'}`;
}

/**
 * Proven credentials the keychain would not take (none on an SSH box, locked): the failure is the
 * keychain's, so the message says the credentials themselves work and how to use them anyway.
 */
export function notSavedError(proof: Proof, error: BtalkError, platform: NodeJS.Platform): BtalkError {
  const vars = Object.values(CREDENTIAL_ENV_VARS).join(', ');
  return new BtalkError('keychain', `The credentials work (${rightsText(proof)}), but were not saved. ${keychainLine(error)}`, {
    hint:
      `Use them without a keychain: set ${vars} in the environment of each btalk run (btalk reads them and never saves them). ` +
      `Or, to save them: ${lowerFirst(keychainFix(error, platform))}, then run btalk login again.`,
    cause: error,
  });
}

function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
