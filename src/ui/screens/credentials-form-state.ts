/**
 * The credentials form as data: three text fields (the secret and the key masked in the view),
 * the one with the keyboard, and the problems found when the person last tried to submit.
 */
import type {Credentials} from '../../api/types.js';
import {credentialProblems} from '../../domain/credential-rules.js';
import {isBtalkError} from '../../errors.js';
import {decodeBasicHeader, looksLikeBasicHeader} from '../../secrets/basic-header.js';
import {textInputReducer, textInputState, type TextInputAction, type TextInputState} from '../components/text-input-state.js';

export type CredentialField = keyof Credentials;

export const CREDENTIAL_FIELDS: ReadonlyArray<{field: CredentialField; label: string; masked: boolean}> = [
  {field: 'clientId', label: 'Client ID', masked: false},
  {field: 'clientSecret', label: 'Client secret', masked: true},
  {field: 'apiKey', label: 'API key', masked: true},
];

export interface CredentialsFormState {
  fields: Record<CredentialField, TextInputState>;
  focus: number;
  problems: Partial<Record<CredentialField, string>>;
  /** Said once a pasted "Basic ..." value was decoded into the client id and secret. */
  decoded?: string;
}

export type CredentialsFormAction = {type: 'edit'; edit: TextInputAction} | {type: 'move'; by: number} | {type: 'submit-tried'};

/** The field asked for (e.g. the one a rejection points at), else the first empty one. */
function firstFocus(initial: Partial<Credentials> | undefined, asked: CredentialField | undefined): number {
  const index = CREDENTIAL_FIELDS.findIndex(({field}) => field === asked);
  if (index !== -1) return index;
  const firstEmpty = CREDENTIAL_FIELDS.findIndex(({field}) => !(initial?.[field] ?? ''));
  return firstEmpty === -1 ? CREDENTIAL_FIELDS.length - 1 : firstEmpty;
}

export function credentialsFormState(initial: Partial<Credentials> | undefined, focus?: CredentialField): CredentialsFormState {
  return {
    fields: {
      clientId: textInputState(initial?.clientId ?? ''),
      clientSecret: textInputState(initial?.clientSecret ?? ''),
      apiKey: textInputState(initial?.apiKey ?? ''),
    },
    focus: firstFocus(initial, focus),
    problems: {},
  };
}

/** The values as they would be sent: trimmed (a pasted secret often carries a space or a newline). */
export function typedCredentials(state: CredentialsFormState): Credentials {
  return {clientId: state.fields.clientId.value.trim(), clientSecret: state.fields.clientSecret.value.trim(), apiKey: state.fields.apiKey.value.trim()};
}

/** The credentials when they pass the local rules, else undefined (see submit-tried). */
export function submittable(state: CredentialsFormState): Credentials | undefined {
  const typed = typedCredentials(state);
  return Object.keys(credentialProblems(typed)).length === 0 ? typed : undefined;
}

/**
 * The MyApps "Authorization: Basic ..." value pasted in the Client ID field: decoded into the id
 * and the secret as the field is left (on to the API key), or refused there with the reason.
 * Undefined when the field holds no such value.
 */
function expandHeader(state: CredentialsFormState): CredentialsFormState | undefined {
  const raw = state.fields.clientId.value;
  if (CREDENTIAL_FIELDS[state.focus]!.field !== 'clientId' || !looksLikeBasicHeader(raw)) return undefined;
  try {
    const {clientId, clientSecret} = decodeBasicHeader(raw);
    return {
      fields: {...state.fields, clientId: textInputState(clientId), clientSecret: textInputState(clientSecret)},
      focus: CREDENTIAL_FIELDS.findIndex(({field}) => field === 'apiKey'),
      problems: {...state.problems, clientId: undefined, clientSecret: undefined},
      decoded: `The Basic value holds client id "${clientId}" and its secret.`,
    };
  } catch (thrown) {
    return {...state, problems: {...state.problems, clientId: isBtalkError(thrown) ? thrown.message : String(thrown)}};
  }
}

export function credentialsFormReducer(state: CredentialsFormState, action: CredentialsFormAction): CredentialsFormState {
  switch (action.type) {
    case 'edit': {
      const field = CREDENTIAL_FIELDS[state.focus]!.field;
      const changed = textInputReducer(state.fields[field], action.edit);
      if (changed === state.fields[field]) return state;
      return {...state, fields: {...state.fields, [field]: changed}, problems: {...state.problems, [field]: undefined}};
    }
    case 'move': {
      const expanded = expandHeader(state);
      if (expanded) return expanded;
      const focus = Math.min(CREDENTIAL_FIELDS.length - 1, Math.max(0, state.focus + action.by));
      return focus === state.focus ? state : {...state, focus};
    }
    case 'submit-tried': {
      const problems = credentialProblems(typedCredentials(state));
      const firstBad = CREDENTIAL_FIELDS.findIndex(({field}) => problems[field] !== undefined);
      return {...state, problems, ...(firstBad === -1 ? {} : {focus: firstBad})};
    }
    default: {
      const never: never = action;
      return never;
    }
  }
}
