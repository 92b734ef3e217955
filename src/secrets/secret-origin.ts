/**
 * Where a refused secret came from, and how to change it: the one home of those words. A refusal
 * (an error whose `refused` names the secrets, set by api/http-errors.ts or a read-only /me) gets
 * its hint replaced by what fits the secret's origin: the named BTALK_* variable ("unset it, or
 * set it to ..."), the keychain item of a profile ("run `btalk login --profile work`"), or, for a
 * value typed in, nothing new (the form or prompt already points at it).
 */
import type {BusinessTalkApi, Credentials} from '../api/types.js';
import {BtalkError, type RefusedSecrets, type SecretName} from '../errors.js';
import {CREDENTIAL_ENV_VARS} from './env-credentials.js';
import {shellArg} from '../text/shell-quote.js';

export type Origin = 'environment' | 'keychain' | 'typed' | 'sandbox';

export interface SecretOrigins {
  profile: string;
  of: Readonly<Record<SecretName, Origin>>;
}

const NAMES: Record<SecretName, string> = {clientId: 'client id', clientSecret: 'client secret', apiKey: 'API key'};
const CLIENT_PLACE = 'Orange Developer portal, My Apps';
const KEY_PLACE = 'Business Talk Online portal, Developer tab';

/** The login command for a profile, as a person would type it. */
export function loginCommand(profile: string): string {
  return profile === 'default' ? 'btalk login' : `btalk login --profile ${shellArg(profile)}`;
}

function list(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function environmentSentence(secrets: readonly SecretName[], reason: RefusedSecrets['reason']): string {
  const vars = list(secrets.map((s) => CREDENTIAL_ENV_VARS[s]));
  if (secrets.length === 1 && secrets[0] === 'apiKey') {
    return `This API key comes from ${vars}: unset it, or set it to ${reason === 'rights' ? 'an order-capable key' : `a valid key (${KEY_PLACE})`}.`;
  }
  const one = secrets.length === 1;
  const places = list([...(secrets.some((s) => s !== 'apiKey') ? [CLIENT_PLACE] : []), ...(secrets.includes('apiKey') ? [KEY_PLACE] : [])].map((p) => `(${p})`));
  return `The ${list(secrets.map((s) => NAMES[s]))} ${one ? 'comes' : 'come'} from ${vars}: unset ${one ? 'it' : 'them'}, or set ${one ? 'it' : 'them'} to the right ${one ? 'value' : 'values'} ${places}.`;
}

function keychainSentence(secrets: readonly SecretName[], reason: RefusedSecrets['reason'], profile: string, alone: boolean): string {
  const login = `\`${loginCommand(profile)}\``;
  if (reason === 'rights') return `This API key is the one saved in the keychain for profile ${profile}: run ${login} with an order-capable key.`;
  const one = secrets.length === 1;
  const names = list(secrets.map((s) => NAMES[s]));
  // With secrets from elsewhere among the refused, which one was wrong is not known: say where it is, not that it failed.
  if (!alone) return `The ${names} ${one ? 'is the one' : 'are the ones'} saved in the keychain for profile ${profile}: to change ${one ? 'it' : 'them'}, run ${login}.`;
  return `The ${names} saved in the keychain for profile ${profile} ${one ? 'was' : 'were'} refused: run ${login}.`;
}

/** Where one secret came from, in a few words: "BTALK_API_KEY", "the keychain (profile work)", "typed in". */
export function originLabel(secret: SecretName, origins: SecretOrigins): string {
  switch (origins.of[secret]) {
    case 'environment':
      return CREDENTIAL_ENV_VARS[secret];
    case 'keychain':
      return `the keychain (profile ${origins.profile})`;
    case 'typed':
      return 'typed in';
    case 'sandbox':
      return "the emulator's account";
  }
}

/**
 * Where the refused secrets came from and how to change each, or undefined when every one of them
 * was typed in (or is the emulator's): then there is nothing to add to what the screen shows.
 */
export function originAdvice(refused: RefusedSecrets, origins: SecretOrigins): string | undefined {
  const from = (origin: Origin) => refused.secrets.filter((s) => origins.of[s] === origin);
  const [environment, keychain, typed] = [from('environment'), from('keychain'), from('typed')];
  if (environment.length === 0 && keychain.length === 0) return undefined;
  return [
    ...(environment.length ? [environmentSentence(environment, refused.reason)] : []),
    ...(keychain.length ? [keychainSentence(keychain, refused.reason, origins.profile, keychain.length === refused.secrets.length)] : []),
    ...(typed.length ? [`The ${list(typed.map((s) => NAMES[s]))} ${typed.length === 1 ? 'was' : 'were'} typed in.`] : []),
  ].join(' ');
}

/** The error with its hint saying where the refused secrets came from; as it was when that adds nothing. */
export function explainRefusal(error: BtalkError, origins: SecretOrigins): BtalkError {
  if (!error.refused) return error;
  const advice = originAdvice(error.refused, origins);
  if (advice === undefined) return error;
  // `refused` is not carried on: the refusal is explained once, by the one who knew the origins.
  return new BtalkError(error.kind, error.message, {
    hint: advice,
    ...(error.api === undefined ? {} : {api: error.api}),
    outcomeUnknown: error.outcomeUnknown,
    problems: error.problems,
    cause: error,
  });
}

/** Every refusal a call of `api` throws, explained with the origins of the credentials it uses. */
export function explainingApi(api: BusinessTalkApi, origins: () => SecretOrigins): BusinessTalkApi {
  const explain = (thrown: unknown): never => {
    throw thrown instanceof BtalkError ? explainRefusal(thrown, origins()) : thrown;
  };
  return {
    get baseUrl() {
      return api.baseUrl;
    },
    token: (o) => api.token(o).catch(explain),
    me: (o) => api.me(o).catch(explain),
    customers: (o) => api.customers(o).catch(explain),
    vpns: (code, o) => api.vpns(code, o).catch(explain),
    country: (iso2, o) => api.country(iso2, o).catch(explain),
    orderVoicesite: (code, order, o) => api.orderVoicesite(code, order, o).catch(explain),
    voicesites: (o) => api.voicesites(o).catch(explain),
    voicesiteNames: (o) => api.voicesiteNames(o).catch(explain),
    findVoicesites: (match, o) => api.findVoicesites(match, o).catch(explain),
  };
}

/** Which origin each of `credentials` has, given the values the environment and the keychain gave. */
export function originsOf(profile: string, credentials: Credentials, environment: Partial<Credentials>, keychain: Partial<Credentials>): SecretOrigins {
  const of = (key: SecretName): Origin =>
    environment[key] !== undefined && credentials[key] === environment[key] ? 'environment' : keychain[key] !== undefined && credentials[key] === keychain[key] ? 'keychain' : 'typed';
  return {profile, of: {clientId: of('clientId'), clientSecret: of('clientSecret'), apiKey: of('apiKey')}};
}
