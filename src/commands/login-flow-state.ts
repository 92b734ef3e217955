/**
 * `btalk login`'s form as data, in the style of the wizard's flow (src/flow/): phases as a tagged
 * union, facts as past-tense actions, one pure reducer, and `loginEffect` saying what to do for a
 * phase. Credentials are proven (token + GET /me) and only then saved; nothing else saves them.
 */
import type {Credentials} from '../api/types.js';
import type {BtalkError} from '../errors.js';
import type {Proof} from '../secrets/prove-credentials.js';
import {notSavedError} from './login-result.js';

export type LoginPhase =
  | {name: 'form'; error?: BtalkError}
  | {name: 'checking'; credentials: Credentials}
  | {name: 'saving'; credentials: Credentials; proof: Proof}
  | {name: 'saved'; proof: Proof}
  /** Proven, but the keychain would not take them: the error is printed once the form is gone. */
  | {name: 'not-saved'; proof: Proof; error: BtalkError}
  /** Saving failed for another reason than the keychain, or the person cancelled. */
  | {name: 'failed'; error: BtalkError};

export interface LoginState {
  phase: LoginPhase;
  /** For the way to get a keychain named when saving fails. */
  platform: NodeJS.Platform;
}

export type LoginAction =
  | {type: 'credentials-entered'; credentials: Credentials}
  | {type: 'cancelled'; error: BtalkError}
  | {type: 'proof-failed'; error: BtalkError}
  | {type: 'proven'; proof: Proof}
  | {type: 'saved'}
  | {type: 'save-failed'; error: BtalkError};

export type LoginEffect = {type: 'prove'; credentials: Credentials} | {type: 'save'; credentials: Credentials} | undefined;

export function loginState(platform: NodeJS.Platform): LoginState {
  return {phase: {name: 'form'}, platform};
}

export function loginReducer(state: LoginState, action: LoginAction): LoginState {
  const {phase} = state;
  switch (action.type) {
    case 'credentials-entered':
      if (phase.name !== 'form') return state;
      return {...state, phase: {name: 'checking', credentials: action.credentials}};
    case 'cancelled':
      if (phase.name !== 'form') return state;
      return {...state, phase: {name: 'failed', error: action.error}};
    case 'proof-failed':
      // Back to the form: the person can fix a field and try again, or Esc.
      if (phase.name !== 'checking') return state;
      return {...state, phase: {name: 'form', error: action.error}};
    case 'proven':
      if (phase.name !== 'checking') return state;
      return {...state, phase: {name: 'saving', credentials: phase.credentials, proof: action.proof}};
    case 'saved':
      if (phase.name !== 'saving') return state;
      return {...state, phase: {name: 'saved', proof: phase.proof}};
    case 'save-failed':
      if (phase.name !== 'saving') return state;
      if (action.error.kind === 'keychain') return {...state, phase: {name: 'not-saved', proof: phase.proof, error: notSavedError(phase.proof, action.error, state.platform)}};
      return {...state, phase: {name: 'failed', error: action.error}};
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** What the phase needs done: prove the typed credentials, or save proven ones. */
export function loginEffect(state: LoginState): LoginEffect {
  const {phase} = state;
  if (phase.name === 'checking') return {type: 'prove', credentials: phase.credentials};
  if (phase.name === 'saving') return {type: 'save', credentials: phase.credentials};
  return undefined;
}

/** Whether the form is over, and how. */
export function loginFinished(state: LoginState): {ok: true; proof: Proof} | {ok: false; error: BtalkError} | undefined {
  const {phase} = state;
  if (phase.name === 'saved') return {ok: true, proof: phase.proof};
  if (phase.name === 'not-saved' || phase.name === 'failed') return {ok: false, error: phase.error};
  return undefined;
}
