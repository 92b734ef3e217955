/**
 * Against a real Secret Service (gnome-keyring under dbus-run-session, as .ci/run sets up). Where
 * none answers these tests skip with the reason, unless BTALK_REQUIRE_KEYCHAIN=1 (CI), where that
 * is a failure.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, readdir, writeFile} from 'node:fs/promises';
import {homedir, tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {login} from '../../src/commands/login-action.js';
import {logout} from '../../src/commands/logout.js';
import {runCommand} from '../../src/commands/run.js';
import {status} from '../../src/commands/status-action.js';
import {createKeychainStore} from '../../src/secrets/keychain-store.js';
import {accountsIn, filesContaining, probeKeychain, secretToolSearch} from '../helpers/keychain.js';
import {useEmulator} from '../helpers/emulator.js';
import {keys, press, type, waitForFrame} from '../helpers/ink.js';
import {render} from 'ink-testing-library';
import React from 'react';
import {App} from '../../src/ui/app.js';
import {themeFor} from '../../src/ui/theme.js';
import {commandContext, realClient, testSessions} from '../helpers/session.js';
import {startTestFlow} from '../helpers/wizard-flow.js';
import {runBuiltCli} from '../helpers/built-cli.js';

const probe = await probeKeychain();
const required = process.env['BTALK_REQUIRE_KEYCHAIN'] === '1';

describe('real OS keychain', () => {
  if (!probe.available) {
    if (required) {
      it('is required here (BTALK_REQUIRE_KEYCHAIN=1) but no Secret Service answered', () => {
        throw new Error(`No usable keychain: ${probe.reason}`);
      });
    } else {
      console.warn(`[keychain-real] skipped: no Secret Service answered (${probe.reason}).`);
      it.skip(`skipped: no Secret Service answered (${probe.reason}); run them with dbus-run-session + gnome-keyring, see README`, () => {});
    }
    return;
  }

  const sandbox = useEmulator();
  const store = () => createKeychainStore({platform: process.platform});
  const unique = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  it('sets, gets, lists and deletes items under service btalk', async () => {
    const keychain = store();
    const account = `${unique()}:client-id`;
    expect(await keychain.get(account)).toBeUndefined();
    await keychain.set(account, 'value-1');
    await keychain.set(account, 'value-2');
    expect(await keychain.get(account)).toBe('value-2');
    expect(await keychain.list()).toContain(account);
    expect(accountsIn(await secretToolSearch())).toContain(account);
    expect(await keychain.delete(account)).toBe(true);
    expect(await keychain.delete(account)).toBe(false);
    expect(await keychain.list()).not.toContain(account);
  });

  it('login stores the profile in the keyring; a wizard-style run reuses the token; logout removes all; no file holds a secret', async () => {
    const profile = unique();
    const configDir = await mkdtemp(path.join(tmpdir(), 'btalk-real-config-'));
    const s = await testSessions({keychainFactory: store, configDir, ...realClient()});
    const ctx = commandContext(s, {profile, baseUrl: sandbox().baseUrl});
    const demo = sandbox().demo;

    s.runtime.stdin.end(`${demo.clientId}\n${demo.clientSecret}\n${demo.apiKey}\n`);
    expect(await runCommand(s.runtime, {}, () => login(ctx))).toBe(0);
    const mine = (out: string) => accountsIn(out).filter((a) => a.startsWith(`${profile}:`));
    expect(mine(await secretToolSearch())).toEqual([`${profile}:api-key`, `${profile}:client-id`, `${profile}:client-secret`, `${profile}:token`]);

    // A wizard-style run: new sessions (new processes in real life) that read the keychain and
    // reuse the token cached at login.
    const later = commandContext(s, {profile});
    const session = await s.factory.open(later.globals());
    expect(session.sources).toEqual({clientId: 'keychain', clientSecret: 'keychain', apiKey: 'keychain'});
    expect(session.environment.baseUrl).toBe(sandbox().baseUrl);
    const api = session.api(session.credentials!);
    const [customer] = await api.customers();
    await api.vpns(String(customer!.customerCode));
    await api.voicesites();
    expect(await runCommand(s.runtime, {}, () => status(later))).toBe(0);
    expect(sandbox().counters.tokenRequests).toBe(1);
    const token = JSON.parse((await store().get(`${profile}:token`))!).accessToken as string;

    expect(await runCommand(s.runtime, {}, () => logout(later))).toBe(0);
    expect(mine(await secretToolSearch())).toEqual([]);
    expect(await runCommand(s.runtime, {}, () => status(commandContext(s, {profile, baseUrl: sandbox().baseUrl})))).toBe(4);

    const secrets = [demo.clientId, demo.clientSecret, demo.apiKey, token];
    // The search itself must be able to see a planted value, or its empty answer means nothing.
    const canaryDir = await mkdtemp(path.join(tmpdir(), 'btalk-canary-'));
    await writeFile(path.join(canaryDir, 'blob.bin'), Buffer.concat([Buffer.from([0, 255, 1]), Buffer.from(demo.clientSecret)]));
    expect(await filesContaining(canaryDir, secrets)).toHaveLength(1);
    expect(await filesContaining(configDir, secrets)).toEqual([]);
    // gnome-keyring (the Secret Service these tests run against) keeps its encrypted keyrings in
    // this folder, which must exist once items were stored and must not hold the values in clear.
    const keyrings = path.join(process.env['XDG_DATA_HOME'] || path.join(homedir(), '.local', 'share'), 'keyrings');
    expect(existsSync(keyrings), `gnome-keyring's folder ${keyrings}`).toBe(true);
    expect(await filesContaining(keyrings, secrets)).toEqual([]);
    expect(s.runtime.out() + s.runtime.err()).not.toContain(demo.clientSecret);
  });

  it("the wizard's form with BTALK_CLIENT_ID set saves only what was typed in the real keychain, after a rejected key", async () => {
    const profile = unique();
    const demo = sandbox().demo;
    const s = await testSessions({keychainFactory: store, env: {BTALK_CLIENT_ID: demo.clientId}, ...realClient()});
    const session = await s.factory.open({profile, baseUrl: sandbox().baseUrl});
    expect(session.sources).toMatchObject({clientId: 'environment', clientSecret: 'missing', apiKey: 'missing'});
    const ui = render(React.createElement(App, {session, clock: () => Date.now(), theme: themeFor({NO_COLOR: '1'}), onExit: () => {}, flow: startTestFlow(session)}));
    try {
      await waitForFrame(ui, 'Client ID');
      // The same client id as the variable (pasted again), a secret, and a key the API refuses.
      await type(ui, demo.clientId);
      await press(ui, keys.enter);
      await type(ui, demo.clientSecret);
      await press(ui, keys.enter);
      await press(ui, 'Z'.repeat(40));
      await press(ui, keys.enter);
      await waitForFrame(ui, 'code 41');
      expect(accountsIn(await secretToolSearch()).filter((a) => a.startsWith(`${profile}:`))).toEqual([]);
      // The form keeps what was typed and empties the key: the right one now.
      await press(ui, demo.apiKey);
      await press(ui, keys.enter);
      await waitForFrame(ui, 'Which VPN');
      const mine = async () => accountsIn(await secretToolSearch()).filter((a) => a.startsWith(`${profile}:`));
      await expect.poll(mine, {timeout: 10_000}).toContain(`${profile}:api-key`);
      expect(await mine()).not.toContain(`${profile}:client-id`);
      // Read back with secret-tool, independently of btalk: the typed values, and no environment value.
      const lookup = (field: string) =>
        new Promise<string>((resolve) => execFile('secret-tool', ['lookup', 'service', 'btalk', 'username', `${profile}:${field}`], {timeout: 5000}, (_e, out) => resolve(out)));
      expect(await lookup('client-secret')).toBe(demo.clientSecret);
      expect(await lookup('api-key')).toBe(demo.apiKey);
      expect(await lookup('client-id')).toBe('');
    } finally {
      ui.unmount();
      await store().delete(`${profile}:client-secret`);
      await store().delete(`${profile}:api-key`);
      await store().delete(`${profile}:token`);
    }
  });

  it('four btalk login processes at once, three rounds, keep every profile in config.json and the keychain', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'btalk-real-logins-'));
    const demo = sandbox().demo;
    const run = unique();
    const profiles: string[] = [];
    const env = {DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] ?? ''};
    const input = `${demo.clientId}\n${demo.clientSecret}\n${demo.apiKey}\n`;
    try {
      for (let round = 0; round < 3; round += 1) {
        const names = [0, 1, 2, 3].map((w) => `${run}-${round}-${w}`);
        profiles.push(...names);
        // Separate processes sharing one config folder, as four terminals would.
        const runs = await Promise.all(
          names.map((name) => runBuiltCli(['login', '--profile', name, '--base-url', sandbox().baseUrl], {cwd, env, input})),
        );
        for (const r of runs) expect(r.stderr + r.stdout, `exit ${r.code}`).toMatch(/saved in the OS keychain/);
        expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
      }
      const config = JSON.parse(await readFile(path.join(cwd, 'config', 'config.json'), 'utf8')) as {profiles: Record<string, unknown>};
      expect(Object.keys(config.profiles).filter((p) => p.startsWith(run)).sort()).toEqual([...profiles].sort());
      const mine = accountsIn(await secretToolSearch()).filter((a) => a.startsWith(`${run}-`));
      for (const profile of profiles) expect(mine).toContain(`${profile}:api-key`);
      expect(await readdir(path.join(cwd, 'config'))).toEqual(['config.json']);
    } finally {
      for (const profile of profiles) {
        for (const field of ['client-id', 'client-secret', 'api-key', 'token']) await store().delete(`${profile}:${field}`);
      }
    }
  }, 120_000);
});
