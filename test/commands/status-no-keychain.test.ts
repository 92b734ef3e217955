/**
 * `btalk status` on a machine without a keychain (no D-Bus session): with the three variables it
 * works as anywhere else; without them it exits 4 (missing), says the keychain could not be read
 * and why, and gives the way out, instead of failing with exit 1 before saying anything.
 */
import {describe, expect, it} from 'vitest';
import {runCommand} from '../../src/commands/run.js';
import {status} from '../../src/commands/status-action.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, realClient, testSessions} from '../helpers/session.js';
import {noDbusKeychain} from '../secrets/no-dbus-keychain.js';

const sandbox = useEmulator();

async function setup(env: Record<string, string>, json = false) {
  const s = await testSessions({keychainFactory: noDbusKeychain, env, ...realClient()});
  const ctx = commandContext(s, {baseUrl: sandbox().baseUrl, json});
  return {...s, run: () => runCommand(s.runtime, {json}, () => status(ctx))};
}

describe('btalk status without a keychain', () => {
  it('exits 0 with all three environment variables, never asking the keychain', async () => {
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    const s = await setup({BTALK_CLIENT_ID: clientId, BTALK_CLIENT_SECRET: clientSecret, BTALK_API_KEY: apiKey});
    expect(await s.run()).toBe(0);
    expect(s.runtime.out()).toContain('API key:       environment (BTALK_API_KEY)');
    expect(s.keychainCalls()).toBe(0);
  });

  it('exits 4 with none, saying the keychain could not be read, why, and what to do', async () => {
    const s = await setup({});
    expect(await s.run()).toBe(4);
    const out = s.runtime.out();
    expect(out).toContain('Client secret: missing');
    expect(out).toContain(
      'not logged in (missing client id, client secret, API key: the OS keychain could not be read (no D-Bus session bus); set BTALK_CLIENT_ID, BTALK_CLIENT_SECRET, BTALK_API_KEY)',
    );
    expect(out).not.toContain('run "btalk login"');
    const err = s.runtime.err();
    expect(err).toContain('Error: No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): this looks like an SSH or headless session, which has no OS keychain.');
    expect(err).toContain('Next: Run btalk under `dbus-run-session -- bash` with gnome-keyring unlocked in it');
    expect(err).not.toContain('Platform failure');
    expect(sandbox().counters.requests).toBe(0);
  });

  it('with one variable set, names only the missing ones; --json carries the keychain error', async () => {
    const s = await setup({BTALK_API_KEY: sandbox().demo.apiKey}, true);
    expect(await s.run()).toBe(4);
    const answer = JSON.parse(s.runtime.out()) as Record<string, unknown> & {error: {kind: string; hint: string}};
    expect(answer).toMatchObject({ok: false, check: 'missing', sources: {clientId: 'missing', clientSecret: 'missing', apiKey: 'environment'}});
    expect(answer['problem']).toBe('missing client id, client secret: the OS keychain could not be read (no D-Bus session bus); set BTALK_CLIENT_ID, BTALK_CLIENT_SECRET');
    expect(answer.error.kind).toBe('keychain');
    expect(answer.error.hint).toContain('gnome-keyring-daemon');
  });
});
