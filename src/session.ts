/**
 * The session factory: turns global options into a Session (profile, environment, credentials and
 * where each came from, an API client builder with the profile's token cache). Credentials come per
 * field from BTALK_CLIENT_ID / BTALK_CLIENT_SECRET / BTALK_API_KEY, else the keychain; when all three
 * come from the environment the keychain is never touched. `--sandbox` runs the embedded emulator
 * with its demo account and a memory store.
 */
import type {BusinessTalkApi, ClientOptions, Credentials, TokenCache} from './api/types.js';
import type {ConfigStore, ProfileSettings} from './config/config-store.js';
import {createUsageWriter, type UsageWriter} from './config/usage-writer.js';
import {resolveEnvironment, type ResolvedEnvironment} from './environments.js';
import {BtalkError, toBtalkError} from './errors.js';
import {withEnvDefaults, type GlobalOptions} from './global-options.js';
import {isProfileName} from './domain/profile-name.js';
import type {OrderJournal} from './journal/journal.js';
import type {RecordOrder} from './journal/record.js';
import type {Runtime} from './runtime.js';
import {apiKeyProblem, credentialsFromEnv} from './secrets/env-credentials.js';
import {keychainUnavailable} from './secrets/keychain-errors.js';
import {explainingApi, originsOf} from './secrets/secret-origin.js';
import {MemorySecretStore} from './secrets/memory-store.js';
import {createMemoryTokenCache, createStoredTokenCache} from './secrets/token-cache.js';
import {accountFor, type SecretField, type SecretStore} from './secrets/types.js';
import {waitLine} from './api/transport.js';
import type {ApiOptions, CredentialSources, Session, SessionFactory} from './session-types.js';
import {terminalSafe} from './text/terminal-safe.js';
import type {SecretOrigins} from './secrets/secret-origin.js';

/** What the session needs from the emulator (structurally what src/emulator/server.ts returns). */
export interface EmbeddedEmulator {
  baseUrl: string;
  demo: Credentials;
  /** Every account of the emulator by name (see BTALK_SANDBOX_ACCOUNT). */
  accounts?: object;
  close(): Promise<void>;
}

export interface SessionDeps {
  runtime: Runtime;
  config: ConfigStore;
  /** Builds the OS keychain store; called only when a keychain call is about to be made. */
  keychain: () => SecretStore;
  createApi: (options: ClientOptions) => BusinessTalkApi;
  startEmulator: (options?: {port?: number}) => Promise<EmbeddedEmulator>;
  debugSink: (line: string) => void;
  memoryStore?: () => SecretStore;
  /** The order journal; without one (most tests) order attempts are not journalled. */
  journal?: OrderJournal;
}

export const CREDENTIAL_FIELDS: ReadonlyArray<readonly [keyof Credentials, SecretField]> = [
  ['clientId', 'client-id'],
  ['clientSecret', 'client-secret'],
  ['apiKey', 'api-key'],
];

/** Every account a profile may own in the store, the token cache included. */
export function profileAccounts(profile: string): string[] {
  return [...CREDENTIAL_FIELDS.map(([, field]) => accountFor(profile, field)), accountFor(profile, 'token')];
}

export function checkProfileName(name: string): string {
  if (!isProfileName(name)) {
    throw new BtalkError('usage', `"${name}" is not a valid profile name.`, {
      hint: 'Use letters, digits, ".", "_" or "-" (up to 64 characters), e.g. --profile prod.',
    });
  }
  return name;
}

/** Defers building the keychain store until a call is made, so env-only runs never touch it. */
function lazyStore(factory: () => SecretStore): SecretStore {
  let store: SecretStore | undefined;
  const s = () => (store ??= factory());
  return {
    get: (account) => s().get(account),
    set: (account, value) => s().set(account, value),
    delete: (account) => s().delete(account),
    list: () => s().list(),
  };
}

/**
 * Starts reading `account` now; its first `get` is answered by that read. A write or delete of
 * the account drops it, so nothing older than the store's own answer is ever returned.
 */
function readingAhead(store: SecretStore, account: string): SecretStore {
  let ahead: Promise<string | undefined> | undefined = store.get(account);
  // Failures surface (as the token cache's note) when it is asked for, if it ever is.
  ahead.catch(() => undefined);
  return {
    get(name) {
      if (name !== account || ahead === undefined) return store.get(name);
      const read = ahead;
      ahead = undefined;
      return read;
    },
    set(name, value) {
      if (name === account) ahead = undefined;
      return store.set(name, value);
    },
    delete(name) {
      if (name === account) ahead = undefined;
      return store.delete(name);
    },
    list: () => store.list(),
  };
}

export function createSessionFactory(deps: SessionDeps): SessionFactory {
  return {open: (globals) => openSession(deps, withEnvDefaults(globals, deps.runtime.env))};
}

async function openSession(deps: SessionDeps, globals: GlobalOptions): Promise<Session> {
  if (globals.sandbox) return openEmulatorSession(deps, globals);
  const profile = checkProfileName(globals.profile ?? 'default');
  const environment = await environmentFor(deps.config, profile, globals);
  // A hint only (see Session.rememberedCustomer): a config that cannot be read already failed above.
  const rememberedCustomer = await deps.config.profile(profile).then(
    (p) => p?.lastCustomer?.code,
    () => undefined,
  );
  const fromEnv = credentialsFromEnv(deps.runtime.env);
  const tokenAccount = accountFor(profile, 'token');
  // When a secret comes from the keychain, the cached token is read with them, in the same round
  // (it is asked for as soon as the first request is made), not one keychain round later.
  const fromKeychain = CREDENTIAL_FIELDS.some(([key]) => fromEnv[key] === undefined);
  const secrets = fromKeychain ? readingAhead(lazyStore(deps.keychain), tokenAccount) : lazyStore(deps.keychain);
  const note = (line: string) => deps.runtime.stderr.write(`${line}\n`);

  const sources: CredentialSources = {clientId: 'missing', clientSecret: 'missing', apiKey: 'missing'};
  const found: Partial<Credentials> = {};
  // What the keychain holds for this profile, as far as this run knows: where a refused value came from.
  const keychainValues: Partial<Credentials> = {};
  // A keychain that cannot be read (no Secret Service on an SSH box, a locked keyring) does not
  // stop the run: the environment may hold the rest, the wizard can take typed credentials for
  // this run, and `btalk login` can still check them. The first failure is kept to explain it.
  let keychainProblem: BtalkError | undefined;
  // In parallel: a slow keychain then costs one deadline, not three.
  await Promise.all(
    CREDENTIAL_FIELDS.map(async ([key, field]) => {
      const envValue = fromEnv[key];
      if (envValue !== undefined) {
        found[key] = envValue;
        sources[key] = 'environment';
        return;
      }
      const account = accountFor(profile, field);
      let stored: string | undefined;
      try {
        stored = (await secrets.get(account))?.trim();
      } catch (thrown) {
        const error = toBtalkError(thrown);
        if (error.kind !== 'keychain') throw error;
        keychainProblem ??= error;
        return;
      }
      if (!stored) return;
      const problem = key === 'apiKey' ? apiKeyProblem(stored) : undefined;
      if (problem !== undefined) {
        note(`Note: the API key stored in the keychain (${account}) ${problem}; it is treated as missing. Run "btalk login" again.`);
        return;
      }
      found[key] = stored;
      keychainValues[key] = stored;
      sources[key] = 'keychain';
    }),
  );
  const allFromEnv = Object.values(sources).every((s) => s === 'environment');
  const complete = (c: Partial<Credentials>): c is Credentials => Boolean(c.clientId && c.clientSecret && c.apiKey);

  let saved: Credentials | undefined = complete(found) && !allFromEnv ? found : undefined;
  // Tokens for credentials not (yet) in the keychain stay in memory: nothing is written for
  // credentials that were never proven and saved. saveCredentials persists the pending one.
  const memoryCaches = new Map<string, ReturnType<typeof createMemoryTokenCache>>();
  /** Aborted by close(): every client of the session stops its requests. */
  const ending = new AbortController();
  const usage = createUsageWriter(deps.config, profile, deps.runtime.timers);
  const storedCache = (clientId: string) =>
    createStoredTokenCache({store: secrets, account: tokenAccount, baseUrl: environment.baseUrl, clientId, note});

  const tokenCacheFor = (c: Credentials): TokenCache => {
    if (saved && saved.clientId === c.clientId && saved.clientSecret === c.clientSecret) return storedCache(c.clientId);
    const key = `${c.clientId}\n${c.clientSecret}`;
    let cache = memoryCaches.get(key);
    if (!cache) memoryCaches.set(key, (cache = createMemoryTokenCache()));
    return cache;
  };

  const session: Session = {
    profile,
    environment,
    credentials: complete(found) ? found : undefined,
    sources,
    ...(keychainProblem ? {keychainProblem} : {}),
    secrets,
    emulated: false,
    ...(rememberedCustomer ? {rememberedCustomer} : {}),
    recordOrder: orderRecorder(deps, profile, environment, usage),
    origins: (c) => originsOf(profile, c, fromEnv, keychainValues),
    // A refusal says where the refused secret came from (a variable, the keychain) and how to change it.
    api: (c, options) => explainingApi(buildApi(deps, globals, environment, c, tokenCacheFor(c), ending.signal, options), () => session.origins(c)),
    async saveCredentials(c, options = {}) {
      // Asking a keychain that already failed again would cost another deadline for the same
      // answer; and nothing (not even the environment binding) is written for unsaved secrets.
      if (keychainProblem) throw keychainUnavailable(keychainProblem);
      // The profile's environment first: secrets saved under the wrong environment would be worse
      // than an environment saved without secrets.
      await deps.config.setProfile(profile, {...settingsFor(environment), lastUsedAt: new Date(deps.runtime.clock()).toISOString()});
      // The environment is not saved behind the person's back: a field whose value is the one a
      // BTALK_* variable gave this run (a form prefilled from it, left as it was) stays out of the
      // keychain and keeps coming from the variable. `btalk login` reading the variables is the
      // one explicit way to store them.
      const sourcesAfter: CredentialSources = {...sources};
      for (const [key, field] of CREDENTIAL_FIELDS) {
        if (!options.fromEnvironment && fromEnv[key] !== undefined && fromEnv[key] === c[key]) {
          sourcesAfter[key] = 'environment';
          continue;
        }
        await secrets.set(accountFor(profile, field), c[key]);
        keychainValues[key] = c[key];
        sourcesAfter[key] = 'keychain';
      }
      saved = c;
      session.credentials = c;
      session.sources = sourcesAfter;
      const pending = memoryCaches.get(`${c.clientId}\n${c.clientSecret}`)?.peek();
      if (pending) await storedCache(c.clientId).set(pending);
    },
    async forget() {
      const removed: string[] = [];
      for (const account of profileAccounts(profile)) {
        if (await secrets.delete(account)) removed.push(account);
      }
      await deps.config.removeProfile(profile);
      saved = undefined;
      return removed;
    },
    async close() {
      ending.abort();
      await usage.flush();
    },
  };
  return session;
}

async function environmentFor(config: ConfigStore, profile: string, globals: GlobalOptions): Promise<ResolvedEnvironment> {
  // Flags and BTALK_ENV / BTALK_BASE_URL win over what the profile remembers.
  if (globals.baseUrl || globals.env) return resolveEnvironment({env: globals.env, baseUrl: globals.baseUrl});
  const stored = await config.profile(profile);
  return resolveEnvironment({env: stored?.env, baseUrl: stored?.baseUrl});
}

/**
 * The session's recordOrder: one journal line, awaited (it is the record of what was sent); then,
 * for a profile, its last customer and use, noted for the usage writer (written behind the order,
 * flushed when the session closes).
 */
function orderRecorder(deps: SessionDeps, profile: string, environment: ResolvedEnvironment, usage?: UsageWriter): RecordOrder {
  return async (attempt) => {
    const time = new Date(deps.runtime.clock()).toISOString();
    await deps.journal?.append({v: 1, time, btalk: deps.runtime.version, profile, environment: environment.name, baseUrl: environment.baseUrl, ...attempt});
    if (usage && (attempt.outcome === 'ordered' || attempt.outcome === 'recovered')) usage.note({lastCustomer: attempt.customer, lastUsedAt: time});
  };
}

function settingsFor(environment: ResolvedEnvironment): ProfileSettings {
  if (environment.name === 'orange' || environment.name === 'orange-sandbox') return {env: environment.name};
  return {baseUrl: environment.baseUrl};
}

/** Seconds from a flag or variable, as milliseconds; a clear usage error when it is not a number. */
function secondsSetting(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw.trim());
  if (!Number.isFinite(value) || value <= 0 || value > 24 * 3600) {
    throw new BtalkError('usage', `${name} must be a number of seconds above 0, got "${raw}".`, {hint: `For example ${name.split(' ')[0]} 60.`});
  }
  return Math.round(value * 1000);
}

/** The client's bounds from flags and variables (README: "Talking to the API"). */
export function clientBounds(globals: GlobalOptions, env: Readonly<Record<string, string | undefined>>): Pick<ClientOptions, 'timeoutMs' | 'orderTimeoutMs' | 'maxBodyBytes'> {
  const timeoutMs = secondsSetting(globals.timeout, '--timeout (BTALK_TIMEOUT)');
  const orderTimeoutMs = secondsSetting(globals.orderTimeout, '--order-timeout (BTALK_ORDER_TIMEOUT)');
  const mb = env['BTALK_MAX_BODY_MB'];
  let maxBodyBytes: number | undefined;
  if (mb !== undefined && mb.trim() !== '') {
    const value = Number(mb.trim());
    if (!Number.isFinite(value) || value < 1) throw new BtalkError('usage', `BTALK_MAX_BODY_MB must be a number of megabytes of at least 1, got "${mb}".`);
    maxBodyBytes = Math.round(value * 1024 * 1024);
  }
  return {
    ...(timeoutMs === undefined ? {} : {timeoutMs}),
    ...(orderTimeoutMs === undefined ? {} : {orderTimeoutMs}),
    ...(maxBodyBytes === undefined ? {} : {maxBodyBytes}),
  };
}

function buildApi(
  deps: SessionDeps,
  globals: GlobalOptions,
  environment: ResolvedEnvironment,
  credentials: Credentials,
  tokenCache: TokenCache,
  ended: AbortSignal,
  options: ApiOptions = {},
): BusinessTalkApi {
  return deps.createApi({
    baseUrl: environment.baseUrl,
    credentials,
    tokenCache,
    clock: deps.runtime.clock,
    random: deps.runtime.random,
    timers: deps.runtime.timers,
    proxyEnv: {...deps.runtime.env},
    userAgent: `btalk/${deps.runtime.version}`,
    ...clientBounds(globals, deps.runtime.env),
    // Every pause gets one stderr line, --debug or not; the wizard shows them on its busy line instead.
    onWait: options.onWait ?? ((notice) => deps.debugSink(waitLine(notice))),
    ...(globals.debug ? {debug: deps.debugSink} : {}),
    // A read still under way when the session closes (one started ahead and never needed) stops.
    signal: ended,
    ...(deps.runtime.headStart ? {headStart: deps.runtime.headStart} : {}),
  });
}

/**
 * `--sandbox` uses the demo account; BTALK_SANDBOX_ACCOUNT names another of the emulator's
 * (demoReadonly, multi, large, hostile), so a person can see btalk against any of them.
 */
function emulatorAccount(emulator: EmbeddedEmulator, name: string | undefined): Credentials {
  const wanted = name?.trim();
  if (!wanted) return emulator.demo;
  const accounts = (emulator.accounts ?? {demo: emulator.demo}) as Record<string, Credentials>;
  const account = Object.hasOwn(accounts, wanted) ? accounts[wanted] : undefined;
  if (!account) {
    throw new BtalkError('usage', `BTALK_SANDBOX_ACCOUNT must be one of ${Object.keys(accounts).join(', ')}, got "${terminalSafe(wanted)}".`, {
      hint: 'Unset it for the demo account.',
    });
  }
  return {clientId: account.clientId, clientSecret: account.clientSecret, apiKey: account.apiKey};
}

async function openEmulatorSession(deps: SessionDeps, globals: GlobalOptions): Promise<Session> {
  const emulator = await deps.startEmulator({port: 0});
  const store = deps.memoryStore?.() ?? new MemorySecretStore();
  const profile = checkProfileName(globals.profile ?? 'default');
  const environment: ResolvedEnvironment = {name: 'sandbox', baseUrl: emulator.baseUrl};
  const tokenAccount = accountFor(profile, 'token');
  let closed = false;
  const ending = new AbortController();
  const session: Session = {
    profile,
    environment,
    credentials: emulatorAccount(emulator, deps.runtime.env['BTALK_SANDBOX_ACCOUNT']),
    sources: {clientId: 'sandbox', clientSecret: 'sandbox', apiKey: 'sandbox'},
    secrets: store,
    emulated: true,
    origins: (): SecretOrigins => ({profile, of: {clientId: 'sandbox', clientSecret: 'sandbox', apiKey: 'sandbox'}}),
    // Orders on the emulator are journalled (marked environment "sandbox"); no profile is remembered.
    recordOrder: orderRecorder(deps, profile, environment),
    api: (c, options) =>
      buildApi(deps, globals, environment, c, createStoredTokenCache({store, account: tokenAccount, baseUrl: environment.baseUrl, clientId: c.clientId}), ending.signal, options),
    async saveCredentials(c) {
      // Memory only: the emulator's credentials never reach the OS keychain or the config file.
      for (const [key, field] of CREDENTIAL_FIELDS) await store.set(accountFor(profile, field), c[key]);
      session.credentials = c;
    },
    async forget() {
      const removed: string[] = [];
      for (const account of profileAccounts(profile)) if (await store.delete(account)) removed.push(account);
      return removed;
    },
    async close() {
      if (closed) return;
      closed = true;
      // Reads still under way (started ahead, retrying) end first, so none retries against a closed port.
      ending.abort();
      await emulator.close();
    },
  };
  return session;
}
