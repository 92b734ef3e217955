/**
 * `btalk login` on a machine without a keychain (an SSH box with no D-Bus session): the credentials
 * are still checked against the API, then login exits 1 saying that they work, that nothing was
 * saved, and how to use them anyway (the environment variables) or get a keychain. Nothing is ever
 * written elsewhere instead.
 */
import {readdir} from 'node:fs/promises';
import {render} from 'ink-testing-library';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';
import {LoginFlow, type LoginOutcome} from '../../src/commands/login-form.js';
import {login} from '../../src/commands/login-action.js';
import {runCommand} from '../../src/commands/run.js';
import {keys, press, waitForFrame} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, realClient, testSessions} from '../helpers/session.js';
import {noDbusKeychain} from '../secrets/no-dbus-keychain.js';

const sandbox = useEmulator();

async function setup(env: Record<string, string> = {}) {
  const s = await testSessions({keychainFactory: noDbusKeychain, env, ...realClient()});
  const ctx = commandContext(s, {baseUrl: sandbox().baseUrl});
  const run = (json = false) => runCommand(s.runtime, {json}, () => login(json ? {...ctx, globals: () => ({...ctx.globals(), json: true})} : ctx));
  return {...s, ctx, run};
}

describe('btalk login without a keychain, no terminal', () => {
  it('checks piped credentials (token + GET /me), then exits 1 saying they work and how to use them', async () => {
    const s = await setup();
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    s.runtime.stdin.end(`${clientId}\n${clientSecret}\n${apiKey}\n`);
    expect(await s.run()).toBe(1);
    expect(sandbox().counters.byRoute['GET /me']).toBe(1);
    const err = s.runtime.err();
    expect(err).toContain(`Error: The credentials work (rights profile "admin", can order), but were not saved. ${NO_BUS_LINE}`);
    expect(err).toContain('Next: Use them without a keychain: set BTALK_CLIENT_ID, BTALK_CLIENT_SECRET, BTALK_API_KEY in the environment of each btalk run');
    expect(err).toContain('dbus-run-session');
    expect(s.runtime.out()).not.toContain('Logged in');
    for (const secret of [clientSecret, apiKey]) expect(s.runtime.out() + err).not.toContain(secret);
    // No plaintext fallback, and not even the profile's environment was written.
    expect(await readdir(s.configDir)).toEqual([]);
  });

  it('still exits 4 for credentials the API refuses: the check comes before the keychain', async () => {
    const s = await setup();
    s.runtime.stdin.end(`${sandbox().demo.clientId}\n${sandbox().demo.clientSecret}\n${'Z'.repeat(40)}\n`);
    expect(await s.run()).toBe(4);
    expect(s.runtime.err()).toContain('API: code 41');
    expect(s.runtime.err()).not.toContain('credentials work');
  });

  it('with all three variables set (keychain untouched at start), a failing save says the same in --json', async () => {
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    const s = await setup({BTALK_CLIENT_ID: clientId, BTALK_CLIENT_SECRET: clientSecret, BTALK_API_KEY: apiKey});
    expect(await s.run(true)).toBe(1);
    const answer = JSON.parse(s.runtime.out()) as {ok: boolean; error: {kind: string; message: string; hint: string}};
    expect(answer.ok).toBe(false);
    expect(answer.error.kind).toBe('keychain');
    // The save itself reached the keychain and failed there: its own words follow.
    expect(answer.error.message).toBe(`The credentials work (rights profile "admin", can order), but were not saved. ${NO_BUS_LINE}`);
    expect(answer.error.message).not.toContain('Platform failure');
    expect(answer.error.hint).toContain('BTALK_API_KEY');
  });
});

const NO_BUS_LINE = 'No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set): this looks like an SSH or headless session, which has no OS keychain.';

describe('btalk login form without a keychain', () => {
  it('says up front that nothing can be saved, checks the typed credentials, then says they work but were not saved', async () => {
    const s = await setup();
    const session = await s.factory.open(s.ctx.globals());
    expect(session.keychainProblem?.kind).toBe('keychain');
    const outcomes: LoginOutcome[] = [];
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    const ui = render(<LoginFlow session={session} initial={{clientId, clientSecret}} onFinish={(o) => outcomes.push(o)} />);
    let frame = await waitForFrame(ui, 'API key');
    expect(frame).toContain('⚠ No OS keychain, so the credentials can be checked, not saved.');
    expect(frame).toContain('No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)');
    expect(frame).toContain('Next: Run btalk under `dbus-run-session -- bash`');
    await press(ui, apiKey);
    await press(ui, keys.enter);
    frame = await waitForFrame(ui, 'Not saved');
    expect(frame).toContain('✓ Credentials work: rights profile "admin", can order');
    expect(frame).toContain('✗ Not saved: no usable OS keychain (no D-Bus session bus)');
    await vi.waitFor(() => expect(outcomes).toHaveLength(1));
    const outcome = outcomes[0]!;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.kind).toBe('keychain');
      expect(outcome.error.message).toContain('The credentials work');
      expect(outcome.error.hint).toContain('BTALK_CLIENT_SECRET');
    }
    expect(sandbox().counters.byRoute['GET /me']).toBe(1);
    ui.unmount();
  });
});
