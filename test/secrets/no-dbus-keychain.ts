/**
 * The real keychain store (deadline, error mapping) over a backend that fails the way
 * @napi-rs/keyring does on a headless box without a D-Bus session (the message was captured with
 * DBUS_SESSION_BUS_ADDRESS unset).
 */
import {createKeychainStore, type KeyringBackend} from '../../src/secrets/keychain-store.js';
import type {SecretStore} from '../../src/secrets/types.js';

export const NO_DBUS_MESSAGE =
  'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead';

export function keychainOf(backend: Partial<KeyringBackend>, deadlineMs = 3000): SecretStore {
  const noDbus = async (): Promise<never> => {
    throw new Error(NO_DBUS_MESSAGE);
  };
  return createKeychainStore({
    platform: 'linux',
    deadlineMs,
    backend: {getPassword: noDbus, setPassword: noDbus, deletePassword: noDbus, findAccounts: noDbus, ...backend},
  });
}

export const noDbusKeychain = (): SecretStore => keychainOf({});
