/** `btalk profiles` and `btalk status --all`: every profile at a glance, never a secret. */
import {describe, expect, it} from 'vitest';
import {login} from '../../src/commands/login-action.js';
import {profiles, type ProfileView} from '../../src/commands/profiles-action.js';
import {runCommand} from '../../src/commands/run.js';
import {BtalkError} from '../../src/errors.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, realClient, testRuntime, testSessions} from '../helpers/session.js';

const sandbox = useEmulator();

async function twoProfiles() {
  const keychain = new MemorySecretStore();
  const first = await testSessions({keychain, ...realClient()});
  const {demo, multi} = sandbox().accounts;
  for (const [profile, account] of [['lab', demo], ['support', multi]] as const) {
    const runtime = testRuntime({});
    runtime.stdin.end(`${account.clientId}\n${account.clientSecret}\n${account.apiKey}\n`);
    const s = await testSessions({keychain, runtime, configDir: first.configDir, ...realClient()});
    const code = await runCommand(runtime, {}, () => login(commandContext(s, {profile, baseUrl: sandbox().baseUrl})));
    expect(code).toBe(0);
  }
  return {keychain, first};
}

async function list(setup: Awaited<ReturnType<typeof twoProfiles>>, options: {check?: boolean; json?: boolean; keychainFails?: boolean} = {}) {
  const s = await testSessions({keychain: setup.keychain, configDir: setup.first.configDir, ...realClient()});
  const ctx = commandContext(s, options.json ? {json: true} : {});
  const keychain = options.keychainFails
    ? () => ({
        get: (a: string) => setup.keychain.get(a),
        set: (a: string, v: string) => setup.keychain.set(a, v),
        delete: (a: string) => setup.keychain.delete(a),
        list: async (): Promise<string[]> => Promise.reject(new BtalkError('keychain', 'Could not use the OS keychain (list): no D-Bus session is reachable [dbus].')),
      })
    : () => setup.keychain;
  const code = await runCommand(s.runtime, {json: options.json}, () => profiles(ctx, {config: s.config, keychain}, {check: options.check === true}));
  return {code, out: s.runtime.out(), err: s.runtime.err()};
}

describe('btalk profiles', () => {
  it('--json lists two profiles created with btalk login --profile, where each secret lives, never a value', async () => {
    const setup = await twoProfiles();
    const r = await list(setup, {json: true});
    expect(r.code).toBe(0);
    const views = JSON.parse(r.out) as ProfileView[];
    expect(views.map((v) => v.profile)).toEqual(['lab', 'support']);
    for (const v of views) {
      expect(v).toMatchObject({environment: 'custom', baseUrl: sandbox().baseUrl, secrets: {clientId: 'keychain', clientSecret: 'keychain', apiKey: 'keychain'}, current: false});
      expect(Date.parse(v.lastUsedAt!)).toBeGreaterThan(Date.now() - 60_000);
    }
    for (const account of [sandbox().accounts.demo, sandbox().accounts.multi]) {
      expect(r.out).not.toContain(account.clientSecret);
      expect(r.out).not.toContain(account.apiKey);
    }
  });

  it('--check proves every profile in parallel; a broken one is named and the exit code says so', async () => {
    const setup = await twoProfiles();
    await setup.keychain.set('support:api-key', 'Z'.repeat(40));
    const r = await list(setup, {check: true});
    expect(r.code).toBe(4);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^PROFILE\s+ENVIRONMENT\s+CLIENT ID\s+SECRET\s+API KEY/);
    expect(lines.find((l) => l.includes('lab'))).toContain('✓ admin');
    expect(lines.find((l) => l.includes('support'))).toContain('✗ rejected');
    expect(r.out).not.toContain('Z'.repeat(40));
  });

  it('without a keychain it still lists the profiles from the config file, saying where secrets live is unknown', async () => {
    const setup = await twoProfiles();
    const r = await list(setup, {json: true, keychainFails: true});
    expect(r.code).toBe(0);
    const views = JSON.parse(r.out) as ProfileView[];
    expect(views.map((v) => [v.profile, v.secrets.apiKey])).toEqual([['lab', 'unknown'], ['support', 'unknown']]);
    expect(r.err).toContain('The OS keychain could not be read');
  });
});
