/**
 * A Session is what every command that talks to the API starts from: the profile, its environment,
 * the credentials and where each came from, and a way to build an API client. `--sandbox` sessions
 * run the embedded emulator and never touch the OS keychain.
 */
import type {BusinessTalkApi, Credentials, WaitNotice} from './api/types.js';
import type {ResolvedEnvironment} from './environments.js';
import type {BtalkError} from './errors.js';
import type {GlobalOptions} from './global-options.js';
import type {RecordOrder} from './journal/record.js';
import type {SecretOrigins} from './secrets/secret-origin.js';
import type {SecretStore} from './secrets/types.js';

export type SecretSource = 'environment' | 'keychain' | 'sandbox' | 'stdin' | 'missing';

export interface CredentialSources {
  clientId: SecretSource;
  clientSecret: SecretSource;
  apiKey: SecretSource;
}

export interface ApiOptions {
  /** Where retry pauses are told; by default one stderr line each. */
  onWait?: (notice: WaitNotice) => void;
}

export interface Session {
  profile: string;
  environment: ResolvedEnvironment;
  /** Undefined when any of the three secrets is missing; see `sources`. */
  credentials: Credentials | undefined;
  sources: CredentialSources;
  /**
   * Set when the OS keychain could not be read as the session opened (no D-Bus on an SSH box, a
   * locked keyring): the session still opened, with what the environment gave and the rest
   * 'missing'. Saving then fails at once with the same cause; nothing is written anywhere else.
   */
  keychainProblem?: BtalkError | undefined;
  /** The store this session saves to: the OS keychain, or memory for --sandbox. */
  secrets: SecretStore;
  /**
   * A client for these (or other, e.g. just typed) credentials, with the profile's token cache.
   * Its refusals say where each refused secret came from (see secrets/secret-origin.ts).
   */
  api(credentials: Credentials, options?: ApiOptions): BusinessTalkApi;
  /** Where each of these credentials came from: a variable, the keychain, typed in, the emulator. */
  origins(credentials: Credentials): SecretOrigins;
  /**
   * Saves the three secrets (and the profile's environment) after they were proven. Throws a
   * BtalkError of kind 'keychain' when the keychain cannot take them (see keychainProblem).
   * A value a BTALK_* variable gave this run is not saved (it keeps coming from the variable),
   * unless `fromEnvironment` says the person asked for exactly that (`btalk login` reading them).
   */
  saveCredentials(credentials: Credentials, options?: {fromEnvironment?: boolean}): Promise<void>;
  /** Removes the profile's secrets and cached token; returns the accounts removed. */
  forget(): Promise<string[]>;
  /**
   * Journals one order attempt (adding profile, environment, time and version) and remembers the
   * profile's last customer and use. Never rejects and never blocks an order for long.
   */
  recordOrder: RecordOrder;
  /**
   * The customer code of the profile's last order (config.json), a hint for what to read first:
   * never used as an answer, and useless once the API no longer lists it.
   */
  rememberedCustomer?: string | undefined;
  /** True when this session runs against the embedded emulator. */
  emulated: boolean;
  /** Stops what the session started (the embedded emulator). */
  close(): Promise<void>;
}

export interface SessionFactory {
  open(globals: GlobalOptions): Promise<Session>;
  /**
   * Resolves once the code that opens sessions and sends their requests is loaded (program.ts:
   * the services, with the HTTP client), however long opening itself then takes (the keychain, the
   * emulator). Without it, that code is there already.
   */
  loaded?(): Promise<void>;
}
