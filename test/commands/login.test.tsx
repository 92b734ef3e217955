import {render} from 'ink-testing-library';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';
import {LoginFlow} from '../../src/commands/login-form.js';
import {login} from '../../src/commands/login-action.js';
import {runCommand} from '../../src/commands/run.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {keys, press, type, waitForFrame} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, realClient, testSessions} from '../helpers/session.js';

const sandbox = useEmulator();

async function setup(env: Record<string, string> = {}) {
  const keychain = new MemorySecretStore();
  const s = await testSessions({keychain, env, ...realClient()});
  const ctx = commandContext(s, {baseUrl: sandbox().baseUrl});
  const run = (json = false) => runCommand(s.runtime, {json}, () => login(json ? {...ctx, globals: () => ({...ctx.globals(), json: true})} : ctx));
  return {...s, ctx, run};
}

describe('btalk login without a terminal', () => {
  it('reads three lines from stdin, proves them, saves them and the profile environment', async () => {
    const s = await setup();
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    s.runtime.stdin.end(`${clientId}\n${clientSecret}\n${apiKey}\n`);
    expect(await s.run()).toBe(0);
    expect(s.runtime.out()).toContain('Logged in: profile "default"');
    expect(s.runtime.out()).toContain('can order');
    expect(await s.keychain.get('default:client-id')).toBe(clientId);
    expect(await s.keychain.get('default:client-secret')).toBe(clientSecret);
    expect(await s.keychain.get('default:api-key')).toBe(apiKey);
    expect(await s.config.profile('default')).toEqual({baseUrl: sandbox().baseUrl, lastUsedAt: expect.any(String)});
    // The token that proved them is cached for the next run.
    expect(JSON.parse((await s.keychain.get('default:token'))!)).toMatchObject({baseUrl: sandbox().baseUrl, clientId});
    for (const secret of [clientSecret, apiKey]) expect(s.runtime.out() + s.runtime.err()).not.toContain(secret);
  });

  it('takes KEY=VALUE lines and answers --json with an object; a read-only key gets a warning', async () => {
    const s = await setup();
    const ro = sandbox().accounts.demoReadonly;
    s.runtime.stdin.end(`# from the vault\nBTALK_CLIENT_ID=${ro.clientId}\nclient_secret="${ro.clientSecret}"\nBTALK_API_KEY=${ro.apiKey}\n`);
    expect(await s.run(true)).toBe(0);
    expect(JSON.parse(s.runtime.out())).toMatchObject({ok: true, profile: 'default', environment: 'custom', rightsProfile: 'readonly', canOrder: false, savedIn: 'keychain'});
    expect(s.runtime.err()).toContain('cannot order');
  });

  it('takes the environment variables when all three are set', async () => {
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    const s = await setup({BTALK_CLIENT_ID: clientId, BTALK_CLIENT_SECRET: clientSecret, BTALK_API_KEY: apiKey});
    expect(await s.run()).toBe(0);
    expect(await s.keychain.list()).toEqual(['default:api-key', 'default:client-id', 'default:client-secret', 'default:token']);
  });

  it('exits 4 with the API message and saves nothing when the server rejects the key', async () => {
    const s = await setup();
    const {clientId, clientSecret} = sandbox().demo;
    s.runtime.stdin.end(`${clientId}\n${clientSecret}\n${'Z'.repeat(40)}\n`);
    expect(await s.run()).toBe(4);
    expect(s.runtime.err()).toContain('API: code 41');
    expect(await s.keychain.list()).toEqual([]);
    expect(await s.config.profile('default')).toBeUndefined();
  });

  it('exits 4 on a wrong client secret, and refuses a short API key before any request', async () => {
    const s = await setup();
    s.runtime.stdin.end(`${sandbox().demo.clientId}\nwrong-secret\n${sandbox().demo.apiKey}\n`);
    expect(await s.run()).toBe(4);
    expect(await s.keychain.list()).toEqual([]);

    const t = await setup();
    sandbox().resetCounters();
    t.runtime.stdin.end(`id\nsecret\nshort-key\n`);
    expect(await t.run()).toBe(2);
    expect(t.runtime.err()).toContain('BTALK_API_KEY: must be exactly 40 characters (now 9)');
    expect(t.runtime.err()).not.toContain('short-key');
    expect(sandbox().counters.requests).toBe(0);
  });

  it('says which variables are missing when stdin is empty', async () => {
    const s = await setup({BTALK_CLIENT_ID: 'someone'});
    s.runtime.stdin.end('');
    expect(await s.run()).toBe(2);
    expect(s.runtime.err()).toContain('Missing BTALK_CLIENT_SECRET, BTALK_API_KEY');
  });
});

describe('btalk login form', () => {
  it('proves typed credentials with a spinner, shows the rights profile, then saves', async () => {
    const s = await setup();
    const session = await s.factory.open(s.ctx.globals());
    const outcomes: unknown[] = [];
    const ui = render(<LoginFlow session={session} onFinish={(o) => outcomes.push(o)} />);
    await waitForFrame(ui, 'Client ID');
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    await type(ui, clientId);
    await press(ui, keys.tab);
    await type(ui, clientSecret);
    await press(ui, keys.enter);
    await press(ui, apiKey);
    await press(ui, keys.enter);
    const frame = await waitForFrame(ui, 'Saved in the OS keychain');
    expect(frame).toContain('Credentials work');
    expect(ui.frames.some((f) => f.includes('Checking the credentials'))).toBe(true);
    expect(frame).toContain('can order');
    expect(frame).not.toContain(clientSecret);
    await vi.waitFor(() => expect(outcomes).toEqual([{ok: true, result: expect.objectContaining({profile: 'default', canOrder: true})}]));
    expect(await s.keychain.get('default:api-key')).toBe(apiKey);
    ui.unmount();
  });

  it('shows the API error on a rejected key, saves nothing, and lets the person fix it', async () => {
    const s = await setup();
    const session = await s.factory.open(s.ctx.globals());
    const outcomes: unknown[] = [];
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    const ui = render(<LoginFlow session={session} initial={{clientId, clientSecret}} onFinish={(o) => outcomes.push(o)} />);
    await waitForFrame(ui, 'API key');
    await press(ui, 'Y'.repeat(40));
    await press(ui, keys.enter);
    await waitForFrame(ui, 'API: code 41');
    expect(await s.keychain.list()).toEqual([]);
    expect(outcomes).toEqual([]);
    await press(ui, '\u0015'); // Ctrl+U clears the field
    await press(ui, apiKey);
    await press(ui, keys.enter);
    await waitForFrame(ui, 'Saved in the OS keychain');
    expect(await s.keychain.get('default:api-key')).toBe(apiKey);
    ui.unmount();
  });

  it('cancels on Esc without saving', async () => {
    const s = await setup();
    const session = await s.factory.open(s.ctx.globals());
    const outcomes: Array<{ok: boolean; error?: {kind: string}}> = [];
    const ui = render(<LoginFlow session={session} onFinish={(o) => outcomes.push(o)} />);
    await waitForFrame(ui, 'Client ID');
    await press(ui, keys.escape);
    expect(outcomes[0]?.ok).toBe(false);
    expect(outcomes[0]?.error?.kind).toBe('cancelled');
    expect(await s.keychain.list()).toEqual([]);
    ui.unmount();
  });
});
