import {describe, expect, it} from 'vitest';
import {logout} from '../../src/commands/logout.js';
import {runCommand} from '../../src/commands/run.js';
import {status} from '../../src/commands/status-action.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, realClient, testSessions} from '../helpers/session.js';

const sandbox = useEmulator();

describe('btalk logout', () => {
  it("removes the profile's secrets and cached token, keeps other profiles, and status then exits 4", async () => {
    const demo = sandbox().demo;
    const keychain = new MemorySecretStore({
      'default:client-id': demo.clientId,
      'default:client-secret': demo.clientSecret,
      'default:api-key': demo.apiKey,
      'default:token': '{"accessToken":"x","expiresAt":1,"baseUrl":"b","clientId":"c"}',
      'prod:client-id': 'kept',
    });
    const s = await testSessions({keychain, ...realClient()});
    await s.config.setProfile('default', {baseUrl: sandbox().baseUrl});
    const ctx = commandContext(s);
    expect(await runCommand(s.runtime, {}, () => status(ctx))).toBe(0);
    expect(await runCommand(s.runtime, {}, () => logout(ctx))).toBe(0);
    expect(s.runtime.out()).toContain('Logged out: removed default:client-id, default:client-secret, default:api-key, default:token from the OS keychain.');
    expect(await keychain.list()).toEqual(['prod:client-id']);
    expect(await s.config.profile('default')).toBeUndefined();
    expect(await runCommand(s.runtime, {}, () => status(commandContext(s, {baseUrl: sandbox().baseUrl})))).toBe(4);
  });

  it('exits 0 and says so when there was nothing to remove; --json lists what was removed', async () => {
    const s = await testSessions({});
    expect(await runCommand(s.runtime, {}, () => logout(commandContext(s, {profile: 'ghost'})))).toBe(0);
    expect(s.runtime.out()).toContain('Nothing to remove: profile "ghost" had no secrets in the OS keychain.');
    const t = await testSessions({keychain: new MemorySecretStore({'ghost:api-key': 'x'.repeat(40)})});
    expect(await runCommand(t.runtime, {json: true}, () => logout(commandContext(t, {profile: 'ghost', json: true})))).toBe(0);
    expect(JSON.parse(t.runtime.out())).toEqual({ok: true, profile: 'ghost', removed: ['ghost:api-key'], environmentVariablesStillSet: []});
  });

  it('reminds that environment variables still apply', async () => {
    const s = await testSessions({env: {BTALK_API_KEY: 'e'.repeat(40)}});
    expect(await runCommand(s.runtime, {}, () => logout(commandContext(s)))).toBe(0);
    expect(s.runtime.err()).toContain('BTALK_API_KEY is still set');
  });
});
