import {describe, expect, it} from 'vitest';
import type {BusinessTalkApi, ClientOptions} from '../../src/api/types.js';
import {BtalkError} from '../../src/errors.js';
import {keychainNotice} from '../../src/secrets/keychain-errors.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {testSessions} from '../helpers/session.js';
import {keychainOf, noDbusKeychain} from './no-dbus-keychain.js';

const KEY_A = 'a'.repeat(40);
const KEY_B = 'b'.repeat(40);

/** A createApi that records the options it was built with (no HTTP in these tests). */
function recordingApi() {
  const built: ClientOptions[] = [];
  const createApi = (o: ClientOptions): BusinessTalkApi => {
    built.push(o);
    return {baseUrl: o.baseUrl} as BusinessTalkApi;
  };
  return {built, createApi};
}

describe('session resolution', () => {
  it('takes each secret from the environment over the keychain, field by field', async () => {
    const keychain = new MemorySecretStore({'default:client-id': 'kc-id', 'default:client-secret': 'kc-secret', 'default:api-key': KEY_A});
    const {factory} = await testSessions({keychain, env: {BTALK_API_KEY: KEY_B}});
    const session = await factory.open({});
    expect(session.profile).toBe('default');
    expect(session.credentials).toEqual({clientId: 'kc-id', clientSecret: 'kc-secret', apiKey: KEY_B});
    expect(session.sources).toEqual({clientId: 'keychain', clientSecret: 'keychain', apiKey: 'environment'});
  });

  it("remembers the profile's last customer as a hint (rememberedCustomer), and has none for a new profile", async () => {
    const env = {BTALK_CLIENT_ID: 'env-id', BTALK_CLIENT_SECRET: 'env-secret', BTALK_API_KEY: KEY_A};
    const {factory, config} = await testSessions({env, ...recordingApi()});
    expect((await factory.open({profile: 'ops'})).rememberedCustomer).toBeUndefined();
    await config.setProfile('ops', {env: 'orange'});
    await config.recordUse('ops', {lastCustomer: {code: '41002', name: 'Acme Americas'}, lastUsedAt: '2026-12-01T10:00:00.000Z'});
    expect((await factory.open({profile: 'ops'})).rememberedCustomer).toBe('41002');
    expect((await factory.open({profile: 'other'})).rememberedCustomer).toBeUndefined();
  });

  it('never touches the keychain when all three secrets come from the environment', async () => {
    const {factory, keychainCalls} = await testSessions({
      env: {BTALK_CLIENT_ID: 'env-id', BTALK_CLIENT_SECRET: 'env-secret', BTALK_API_KEY: KEY_A},
      keychainFactory: () => {
        throw new Error('the keychain must not be used');
      },
      ...recordingApi(),
    });
    const session = await factory.open({profile: 'ci'});
    expect(session.sources).toEqual({clientId: 'environment', clientSecret: 'environment', apiKey: 'environment'});
    const api = session.api(session.credentials!);
    // The token cache of an env-only run lives in memory: using it must not reach the keychain.
    expect(api.baseUrl).toBe('https://api.orange.com/btalk/beta/v1');
    expect(keychainCalls()).toBe(0);
  });

  it('reports missing secrets and treats a stored API key of the wrong length as missing, with a note', async () => {
    const keychain = new MemorySecretStore({'prod:client-id': 'id', 'prod:api-key': 'short'});
    const {factory, runtime} = await testSessions({keychain});
    const session = await factory.open({profile: 'prod'});
    expect(session.credentials).toBeUndefined();
    expect(session.sources).toEqual({clientId: 'keychain', clientSecret: 'missing', apiKey: 'missing'});
    expect(runtime.err()).toContain('prod:api-key');
    expect(runtime.err()).toContain('must be exactly 40 characters');
    expect(runtime.err()).not.toContain('short');
  });

  it('uses the environment the profile was saved with, unless a flag or variable says otherwise', async () => {
    const keychain = new MemorySecretStore();
    const {factory, config, runtime} = await testSessions({keychain});
    await config.setProfile('prod', {env: 'orange'});
    await config.setProfile('local', {baseUrl: 'http://127.0.0.1:4010/btalk/beta/v1'});
    expect((await factory.open({profile: 'prod'})).environment).toEqual({name: 'orange', baseUrl: 'https://api.orange.com/btalk/v1'});
    expect((await factory.open({profile: 'local'})).environment.name).toBe('custom');
    expect((await factory.open({profile: 'nobody'})).environment.name).toBe('orange-sandbox');
    expect((await factory.open({profile: 'prod', env: 'orange-sandbox'})).environment.name).toBe('orange-sandbox');
    (runtime.env as Record<string, string>)['BTALK_BASE_URL'] = 'http://localhost:9/x';
    expect((await factory.open({profile: 'prod'})).environment).toEqual({name: 'custom', baseUrl: 'http://localhost:9/x'});
  });

  it('refuses a profile name that would clash with account names', async () => {
    const {factory} = await testSessions({});
    await expect(factory.open({profile: 'a:b'})).rejects.toMatchObject({kind: 'usage'});
  });

  it('never saves a value the environment gave: only the typed fields reach the keychain', async () => {
    const keychain = new MemorySecretStore();
    const {factory} = await testSessions({keychain, env: {BTALK_CLIENT_ID: 'env-id', BTALK_API_KEY: KEY_B}});
    const session = await factory.open({});
    // The form was prefilled from BTALK_CLIENT_ID and left so; the secret and a new key were typed.
    await session.saveCredentials({clientId: 'env-id', clientSecret: 'typed-secret', apiKey: KEY_A});
    expect(await keychain.list()).toEqual(['default:api-key', 'default:client-secret']);
    expect(await keychain.get('default:api-key')).toBe(KEY_A);
    expect(session.sources).toEqual({clientId: 'environment', clientSecret: 'keychain', apiKey: 'keychain'});
  });

  it('saves proven credentials and the profile environment, then forgets all four accounts', async () => {
    const keychain = new MemorySecretStore({'other:client-id': 'keep-me'});
    const {factory, config} = await testSessions({keychain});
    const session = await factory.open({profile: 'prod', env: 'orange'});
    await session.saveCredentials({clientId: 'id', clientSecret: 'secret', apiKey: KEY_A});
    await keychain.set('prod:token', '{}');
    expect(await keychain.list()).toEqual(['other:client-id', 'prod:api-key', 'prod:client-id', 'prod:client-secret', 'prod:token']);
    expect(await config.profile('prod')).toEqual({env: 'orange', lastUsedAt: expect.any(String)});
    const again = await factory.open({profile: 'prod'});
    expect(again.environment.name).toBe('orange');
    expect(again.credentials).toEqual({clientId: 'id', clientSecret: 'secret', apiKey: KEY_A});
    expect((await again.forget()).sort()).toEqual(['prod:api-key', 'prod:client-id', 'prod:client-secret', 'prod:token']);
    expect(await keychain.list()).toEqual(['other:client-id']);
    expect(await config.profile('prod')).toBeUndefined();
  });

  it('wires debug output and the runtime clock and proxy environment into the client', async () => {
    const debugLines: string[] = [];
    const {built, createApi} = recordingApi();
    const env = {BTALK_CLIENT_ID: 'i', BTALK_CLIENT_SECRET: 's', BTALK_API_KEY: KEY_A, HTTPS_PROXY: 'http://proxy:3128'};
    const {factory, runtime} = await testSessions({env, createApi, debugLines});
    const session = await factory.open({debug: true});
    session.api(session.credentials!);
    built[0]!.debug?.('GET /me 200');
    expect(debugLines).toEqual(['GET /me 200']);
    expect(built[0]!.proxyEnv?.['HTTPS_PROXY']).toBe('http://proxy:3128');
    expect(built[0]!.clock).toBe(runtime.clock);
    (await factory.open({debug: false})).api(session.credentials!);
    expect(built[1]!.debug).toBeUndefined();
  });

  it('keeps the keychain error when the keychain cannot be read, and still opens with what the environment gives', async () => {
    const {factory, keychainCalls, config} = await testSessions({env: {BTALK_API_KEY: KEY_A}, keychainFactory: noDbusKeychain});
    const session = await factory.open({profile: 'ssh'});
    expect(session.keychainProblem).toMatchObject({kind: 'keychain'});
    expect(session.keychainProblem?.message).toBe(NO_BUS_LINE);
    expect(session.keychainProblem?.hint).toContain('BTALK_CLIENT_ID');
    expect(session.credentials).toBeUndefined();
    expect(session.sources).toEqual({clientId: 'missing', clientSecret: 'missing', apiKey: 'environment'});
    expect(keychainNotice(session.keychainProblem!).split('\n')).toEqual([
      'No OS keychain, so the credentials are used for this run only.',
      `  ${NO_BUS_LINE}`,
      `  Next: ${session.keychainProblem!.hint}`,
    ]);
    // Saving says why at once, without asking the keychain again, and writes nothing anywhere.
    const calls = keychainCalls();
    const saving = await session.saveCredentials({clientId: 'id', clientSecret: 'secret', apiKey: KEY_A}).catch((e: unknown) => e);
    expect(saving).toMatchObject({kind: 'keychain', message: `Nothing was saved. ${NO_BUS_LINE}`});
    expect((saving as BtalkError).hint).toContain('dbus-run-session');
    expect(keychainCalls()).toBe(calls);
    expect(await config.profile('ssh')).toBeUndefined();
    expect(session.credentials).toBeUndefined();
  });

  it('still fails on an error that is not the keychain\'s', async () => {
    const {factory} = await testSessions({
      keychainFactory: () => ({get: async () => Promise.reject(new Error('boom')), set: async () => {}, delete: async () => false, list: async () => []}),
    });
    await expect(factory.open({})).rejects.toMatchObject({kind: 'bug'});
  });

  it('says a keychain that did not answer in time in a few words too', async () => {
    const {factory} = await testSessions({keychainFactory: () => keychainOf({getPassword: () => new Promise(() => {})}, 50)});
    const session = await factory.open({});
    expect(session.keychainProblem?.message).toContain('did not answer within 0.05 s');
    expect(keychainNotice(session.keychainProblem!)).toContain('\n  The OS keychain did not answer within 0.05 s: it may be waiting for an unlock prompt nobody can see.\n');
  });
});

const NO_BUS_LINE = 'No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): this looks like an SSH or headless session, which has no OS keychain.';

describe('sandbox session', () => {
  it('starts the emulator, uses its demo account and a memory store, never the keychain, and stops it on close', async () => {
    let closed = 0;
    const demo = {clientId: 'demo-id', clientSecret: 'demo-secret', apiKey: KEY_A};
    const {factory, keychainCalls} = await testSessions({
      keychainFactory: () => {
        throw new Error('the keychain must not be used');
      },
      startEmulator: async () => ({baseUrl: 'http://127.0.0.1:1234/btalk/beta/v1', demo, close: async () => void (closed += 1)}),
      ...recordingApi(),
    });
    const session = await factory.open({sandbox: true});
    expect(session.emulated).toBe(true);
    expect(session.environment).toEqual({name: 'sandbox', baseUrl: 'http://127.0.0.1:1234/btalk/beta/v1'});
    expect(session.credentials).toEqual(demo);
    expect(session.sources).toEqual({clientId: 'sandbox', clientSecret: 'sandbox', apiKey: 'sandbox'});
    await session.saveCredentials(demo);
    expect(await session.secrets.list()).toContain('default:api-key');
    expect(session.api(demo).baseUrl).toBe('http://127.0.0.1:1234/btalk/beta/v1');
    await session.close();
    await session.close();
    expect(closed).toBe(1);
    expect(keychainCalls()).toBe(0);
  });
});
