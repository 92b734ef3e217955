/**
 * The OS keychain as a SecretStore, through @napi-rs/keyring (the keytar API shape: get/set/delete
 * password, find credentials). On Linux every entry is pinned to the Secret Service: without the
 * pin the library may fall back to the kernel keyring, which silently loses everything on reboot.
 * Every call has a deadline, and every failure is a BtalkError of kind 'keychain'. There is no
 * plaintext fallback, by design. The native library is imported on the first call, not when this
 * module loads: runs that never touch the keychain (environment credentials, --sandbox, --help)
 * do not pay for it, and a platform where it cannot load gets a keychain error, not a crash.
 */
import type {EntryOptions} from '@napi-rs/keyring';
import {KEYCHAIN_SERVICE, type SecretStore} from './types.js';
import {keychainError} from './keychain-errors.js';
import {withDeadline} from './with-deadline.js';

export const KEYCHAIN_DEADLINE_MS = 3000;

/** The keytar-shaped calls the store needs; tests pass a fake (e.g. one that never answers). */
export interface KeyringBackend {
  getPassword(service: string, account: string, signal: AbortSignal): Promise<string | null>;
  setPassword(service: string, account: string, password: string, signal: AbortSignal): Promise<void>;
  deletePassword(service: string, account: string, signal: AbortSignal): Promise<boolean>;
  findCredentials(service: string, signal: AbortSignal): Promise<Array<{account: string; password: string}>>;
}

export function napiKeyringBackend(platform: NodeJS.Platform): KeyringBackend {
  const options: EntryOptions | undefined = platform === 'linux' ? {linux: {store: 'secret-service'}} : undefined;
  let library: Promise<typeof import('@napi-rs/keyring')> | undefined;
  const load = () => (library ??= import('@napi-rs/keyring'));
  const entry = async (service: string, account: string) => new (await load()).AsyncEntry(service, account, options);
  return {
    getPassword: async (service, account, signal) => (await entry(service, account)).getPassword(signal),
    setPassword: async (service, account, password, signal) => (await entry(service, account)).setPassword(password, signal),
    deletePassword: async (service, account, signal) => (await entry(service, account)).deletePassword(signal),
    findCredentials: async (service, signal) => (await load()).findCredentialsAsync(service, undefined, signal),
  };
}

export interface KeychainStoreOptions {
  platform: NodeJS.Platform;
  service?: string;
  deadlineMs?: number;
  backend?: KeyringBackend;
}

export function createKeychainStore(options: KeychainStoreOptions): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const deadlineMs = options.deadlineMs ?? KEYCHAIN_DEADLINE_MS;
  const platform = options.platform;
  let backend = options.backend;
  // Built on the first call, so that building the store costs nothing when no call is made.
  const lib = () => (backend ??= napiKeyringBackend(platform));

  async function call<T>(operation: string, account: string | undefined, work: (b: KeyringBackend, signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await withDeadline(deadlineMs, (signal) => work(lib(), signal));
    } catch (thrown) {
      throw keychainError(operation, account, thrown, platform);
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
      const found = await call('list', undefined, (b, signal) => b.findCredentials(service, signal));
      return [...new Set(found.map((c) => c.account))].sort();
    },
  };
}
