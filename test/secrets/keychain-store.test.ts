import {describe, expect, it} from 'vitest';
import {BtalkError} from '../../src/errors.js';
import {createKeychainStore, type KeyringBackend} from '../../src/secrets/keychain-store.js';

/** A backend whose calls never settle: what a locked keyring waiting for a prompt looks like. */
const silentBackend: KeyringBackend = {
  getPassword: () => new Promise(() => {}),
  setPassword: () => new Promise(() => {}),
  deletePassword: () => new Promise(() => {}),
  findAccounts: () => new Promise(() => {}),
};

function fakeBackend(): KeyringBackend & {items: Map<string, string>} {
  const items = new Map<string, string>();
  const key = (s: string, a: string) => `${s}\n${a}`;
  return {
    items,
    async getPassword(s, a) {
      return items.get(key(s, a)) ?? null;
    },
    async setPassword(s, a, p) {
      items.set(key(s, a), p);
    },
    async deletePassword(s, a) {
      return items.delete(key(s, a));
    },
    async findAccounts(s) {
      return [...items.keys()].filter((k) => k.startsWith(`${s}\n`)).map((k) => k.split('\n')[1]!);
    },
  };
}

describe('keychain store', () => {
  it('maps get/set/delete/list onto the keytar-shaped backend under service btalk', async () => {
    const backend = fakeBackend();
    const store = createKeychainStore({platform: 'linux', backend});
    await store.set('default:client-id', 'id-1');
    await store.set('default:api-key', 'k');
    expect(backend.items.get('btalk\ndefault:client-id')).toBe('id-1');
    expect(await store.get('default:client-id')).toBe('id-1');
    expect(await store.get('default:client-secret')).toBeUndefined();
    expect(await store.list()).toEqual(['default:api-key', 'default:client-id']);
    expect(await store.delete('default:api-key')).toBe(true);
    expect(await store.delete('default:api-key')).toBe(false);
  });

  it('gives up on a call that never answers with a keychain error and the way out', async () => {
    const store = createKeychainStore({platform: 'linux', backend: silentBackend, deadlineMs: 50});
    const error = (await store.get('default:api-key').catch((e: unknown) => e)) as BtalkError;
    expect(error).toBeInstanceOf(BtalkError);
    expect(error.kind).toBe('keychain');
    expect(error.message).toContain('did not answer within 0.05 s');
    expect(error.hint).toContain('BTALK_CLIENT_ID');
    expect(error.hint).toContain('gnome-keyring-daemon');
    await expect(store.list()).rejects.toMatchObject({kind: 'keychain'});
  });

  it('turns a library failure into a keychain error that never repeats the value being saved', async () => {
    const backend: KeyringBackend = {
      ...silentBackend,
      setPassword: async () => {
        throw new Error("Couldn't access platform storage: Secret Service: no result found");
      },
    };
    const debug: string[] = [];
    const store = createKeychainStore({platform: 'linux', backend, debug: (l) => debug.push(l)});
    const error = (await store.set('default:client-secret', 'TOP-SECRET-VALUE').catch((e: unknown) => e)) as BtalkError;
    expect(error.kind).toBe('keychain');
    expect(error.message).toContain('no default keyring');
    expect(error.message).not.toContain('no result found');
    expect(debug).toEqual(["keychain save default:client-secret -> Couldn't access platform storage: Secret Service: no result found"]);
    expect(JSON.stringify(error.toJSON()) + debug.join('')).not.toContain('TOP-SECRET-VALUE');
  });

  it('explains a missing D-Bus on the real library without hanging', async () => {
    // The real native library, pointed at a bus that does not exist.
    const saved = process.env['DBUS_SESSION_BUS_ADDRESS'];
    process.env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/btalk-test-bus';
    try {
      const store = createKeychainStore({platform: 'linux', deadlineMs: 3000});
      const error = (await store.get('default:api-key').catch((e: unknown) => e)) as BtalkError;
      expect(error).toBeInstanceOf(BtalkError);
      expect(error.kind).toBe('keychain');
      expect(error.message).toContain('The D-Bus session bus named by DBUS_SESSION_BUS_ADDRESS cannot be reached');
      expect(error.hint).toContain('BTALK_API_KEY');
    } finally {
      if (saved === undefined) delete process.env['DBUS_SESSION_BUS_ADDRESS'];
      else process.env['DBUS_SESSION_BUS_ADDRESS'] = saved;
    }
  });
});
