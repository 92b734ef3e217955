/**
 * The OS keychain as a SecretStore, through @napi-rs/keyring (the keytar API shape: get/set/delete
 * password, find credentials). On Linux every entry is pinned to the Secret Service: without the
 * pin the library may fall back to the kernel keyring, which silently loses everything on reboot.
 * Every call has a deadline, and every failure is a BtalkError of kind 'keychain'. There is no
 * plaintext fallback, by design. The library runs in a child process (keyring-process.ts), started
 * on the first call or earlier by cli.tsx when a run is about to read the keychain: runs that never
 * touch the keychain do not pay for it, and a call stuck past its deadline is killed with the
 * child instead of keeping btalk from exiting.
 */
import {keychainError, rawText} from './keychain-errors.js';
import {terminalSafe} from '../text/terminal-safe.js';
import {KEYCHAIN_SERVICE, type SecretStore} from './types.js';
import {withDeadline} from './with-deadline.js';

export const KEYCHAIN_DEADLINE_MS = 3000;

/** The keytar-shaped calls the store needs; tests pass a fake (e.g. one that never answers). */
export interface KeyringBackend {
  getPassword(service: string, account: string, signal: AbortSignal): Promise<string | null>;
  setPassword(service: string, account: string, password: string, signal: AbortSignal): Promise<void>;
  deletePassword(service: string, account: string, signal: AbortSignal): Promise<boolean>;
  /** Account names only: listing has no reason to carry every secret across. */
  findAccounts(service: string, signal: AbortSignal): Promise<string[]>;
}

/**
 * The keyring helper of keyring-process.ts, loaded with its first call: that module loads
 * node:child_process (2.4 ms on this machine), which a run that never touches the keychain (the
 * sandbox wizard) does not need before its first frame, nor after.
 */
export function helperOnFirstCall(platform: NodeJS.Platform): KeyringBackend {
  let helper: Promise<KeyringBackend> | undefined;
  const loaded = () => (helper ??= import('./keyring-process.js').then((m) => m.processKeyringBackend({platform})));
  return {
    getPassword: async (service, account, signal) => (await loaded()).getPassword(service, account, signal),
    setPassword: async (service, account, password, signal) => (await loaded()).setPassword(service, account, password, signal),
    deletePassword: async (service, account, signal) => (await loaded()).deletePassword(service, account, signal),
    findAccounts: async (service, signal) => (await loaded()).findAccounts(service, signal),
  };
}

export interface KeychainStoreOptions {
  platform: NodeJS.Platform;
  service?: string;
  deadlineMs?: number;
  backend?: KeyringBackend;
  /**
   * --debug: told the library's own text of every failure (the message itself only says the
   * trouble in words). Never a secret value: only the operation, the account name and that text.
   */
  debug?: ((line: string) => void) | undefined;
}

export function createKeychainStore(options: KeychainStoreOptions): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const deadlineMs = options.deadlineMs ?? KEYCHAIN_DEADLINE_MS;
  const platform = options.platform;
  let backend = options.backend;
  // Built on the first call, so that building the store costs nothing when no call is made.
  const lib = () => (backend ??= helperOnFirstCall(platform));

  async function call<T>(operation: string, account: string | undefined, work: (b: KeyringBackend, signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await withDeadline(deadlineMs, (signal) => work(lib(), signal));
    } catch (thrown) {
      const error = keychainError(thrown, platform, deadlineMs);
      options.debug?.(`keychain ${operation}${account === undefined ? '' : ` ${account}`} -> ${terminalSafe(rawText(thrown))}`);
      throw error;
    }
  }

  return {
    async get(account) {
      const value = await call('read', account, (b, signal) => b.getPassword(service, account, signal));
      return value ?? undefined;
    },
    async set(account, value) {
      await call('save', account, (b, signal) => b.setPassword(service, account, value, signal));
    },
    async delete(account) {
      return call('delete', account, (b, signal) => b.deletePassword(service, account, signal));
    },
    async list() {
      const found = await call('list', undefined, (b, signal) => b.findAccounts(service, signal));
      return [...new Set(found)].sort();
    },
  };
}
