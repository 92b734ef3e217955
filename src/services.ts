/**
 * The real services behind the commands: the HTTP client, the OS keychain, the config file, the
 * order journal and the embedded emulator, built from a Runtime. program.ts loads this module when
 * a command first needs one of them (through `import()`), so `btalk --help` and the commands that
 * need none of it parse neither got, zod nor the session code.
 */
import {createBusinessTalkApi} from './api/client.js';
import {createConfigStore, defaultConfigDir, type ConfigStore} from './config/config-store.js';
import type {startEmulator as StartEmulator} from './emulator/server.js';
import {createOrderJournal, type OrderJournal} from './journal/journal.js';
import {defaultStateDir} from './journal/state-dir.js';
import type {Runtime} from './runtime.js';
import {createKeychainStore, helperOnFirstCall, type KeyringBackend} from './secrets/keychain-store.js';
import type {SecretStore} from './secrets/types.js';
import {createSessionFactory} from './session.js';
import type {SessionFactory} from './session-types.js';

export interface Services {
  config: ConfigStore;
  journal: OrderJournal;
  /** Builds the OS keychain store; nothing is asked of the keychain until a call is made. */
  keychain: () => SecretStore;
  sessions: SessionFactory;
}

// The emulator is loaded only by the commands that run it: in this thread, unless the runtime
// hosts it in a worker (the bundle does, see Runtime.startEmulator).
const inProcessEmulator: typeof StartEmulator = async (options) => (await import('./emulator/server.js')).startEmulator(options);

export interface ServiceHooks {
  /** Where --debug's request lines go (stderr, or the debug file). */
  debugLine: (line: string) => void;
  /** Whether --debug is on, asked when a keychain store is built (the flags are known by then). */
  debugging: () => boolean;
}

/** `runtime` is the one commands see (its streams already guarded). */
export function realServices(runtime: Runtime, hooks: ServiceHooks): Services {
  const journal = createOrderJournal({
    location: defaultStateDir(runtime.env, runtime.platform),
    warn: (line) => runtime.stderr.write(`${line}\n`),
  });
  const config = createConfigStore(defaultConfigDir(runtime.env));
  // One keyring helper for the run (started early by cli.tsx, or on the first call), whatever
  // the number of stores. Under --debug the library's own text of a failure is one debug line
  // (the error itself says it in words).
  let backend: KeyringBackend | undefined = runtime.keyringHelper;
  const keychain = () =>
    createKeychainStore({
      platform: runtime.platform,
      backend: (backend ??= helperOnFirstCall(runtime.platform)),
      debug: hooks.debugging() ? hooks.debugLine : undefined,
    });
  const sessions = createSessionFactory({
    runtime,
    config,
    keychain,
    createApi: createBusinessTalkApi,
    startEmulator: runtime.startEmulator ?? inProcessEmulator,
    debugSink: hooks.debugLine,
    journal,
  });
  return {config, journal, keychain, sessions};
}
