/**
 * Every message about a refused secret says where it came from (a BTALK_* variable, or the keychain
 * item of a profile) and how to change it: the words as a table, then each source for real against
 * the emulator: `btalk status`, `btalk order` with a read-only key, `btalk login`, and the wizard's
 * access screen.
 */
import {render} from 'ink-testing-library';
import React from 'react';
import {describe, expect, it} from 'vitest';
import {login} from '../../src/commands/login-action.js';
import {runCommand} from '../../src/commands/run.js';
import {status} from '../../src/commands/status-action.js';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {originAdvice, type Origin, type SecretOrigins} from '../../src/secrets/secret-origin.js';
import {App} from '../../src/ui/app.js';
import {themeFor} from '../../src/ui/theme.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {useEmulator} from '../helpers/emulator.js';
import {waitForFrame} from '../helpers/ink.js';
import {commandContext, realClient, testSessions} from '../helpers/session.js';
import {startTestFlow} from '../helpers/wizard-flow.js';
import {btalk, credentialEnv, orderFlags} from '../order/harness.js';

const origins = (clientId: Origin, clientSecret: Origin, apiKey: Origin, profile = 'work'): SecretOrigins => ({profile, of: {clientId, clientSecret, apiKey}});
const CLIENT = {secrets: ['clientId', 'clientSecret'], reason: 'invalid'} as const;
const KEY = {secrets: ['apiKey'], reason: 'invalid'} as const;
const RIGHTS = {secrets: ['apiKey'], reason: 'rights'} as const;

describe('where a refused secret came from, in words', () => {
  it.each([
    [RIGHTS, origins('keychain', 'keychain', 'environment'), 'This API key comes from BTALK_API_KEY: unset it, or set it to an order-capable key.'],
    [KEY, origins('keychain', 'keychain', 'environment'), 'This API key comes from BTALK_API_KEY: unset it, or set it to a valid key (Business Talk Online portal, Developer tab).'],
    [RIGHTS, origins('keychain', 'keychain', 'keychain'), 'This API key is the one saved in the keychain for profile work: run `btalk login --profile work` with an order-capable key.'],
    [KEY, origins('keychain', 'keychain', 'keychain', 'default'), 'The API key saved in the keychain for profile default was refused: run `btalk login`.'],
    [CLIENT, origins('keychain', 'keychain', 'keychain'), 'The client id and client secret saved in the keychain for profile work were refused: run `btalk login --profile work`.'],
    [
      CLIENT,
      origins('environment', 'environment', 'keychain'),
      'The client id and client secret come from BTALK_CLIENT_ID and BTALK_CLIENT_SECRET: unset them, or set them to the right values (Orange Developer portal, My Apps).',
    ],
    [
      CLIENT,
      origins('keychain', 'environment', 'keychain'),
      'The client secret comes from BTALK_CLIENT_SECRET: unset it, or set it to the right value (Orange Developer portal, My Apps). The client id is the one saved in the keychain for profile work: to change it, run `btalk login --profile work`.',
    ],
    [CLIENT, origins('environment', 'typed', 'typed'), 'The client id comes from BTALK_CLIENT_ID: unset it, or set it to the right value (Orange Developer portal, My Apps). The client secret was typed in.'],
    [CLIENT, origins('typed', 'typed', 'environment'), undefined],
    [KEY, origins('sandbox', 'sandbox', 'sandbox'), undefined],
  ] as const)('%j from %j', (refused, from, words) => {
    expect(originAdvice(refused, from)).toBe(words);
  });
});

describe('each source, for real', () => {
  const sandbox = useEmulator();
  const keychainFor = (profile: string, c: {clientId: string; clientSecret: string; apiKey: string}) =>
    new MemorySecretStore({[`${profile}:client-id`]: c.clientId, [`${profile}:client-secret`]: c.clientSecret, [`${profile}:api-key`]: c.apiKey});

  async function statusRun(profile: string, keychain: MemorySecretStore, env: Record<string, string> = {}) {
    const s = await testSessions({keychain, env, ...realClient()});
    const code = await runCommand(s.runtime, {}, () => status(commandContext(s, {profile, baseUrl: sandbox().baseUrl})));
    return {code, out: s.runtime.out(), err: s.runtime.err()};
  }

  it('status: a wrong API key from BTALK_API_KEY names the variable', async () => {
    const r = await statusRun('default', keychainFor('default', sandbox().demo), {BTALK_API_KEY: 'Z'.repeat(40)});
    expect(r.code).toBe(4);
    expect(r.err).toContain('Next: This API key comes from BTALK_API_KEY: unset it, or set it to a valid key (Business Talk Online portal, Developer tab).');
  });

  it('status: a client secret saved in the keychain for profile work that is refused says to log in to that profile', async () => {
    const r = await statusRun('work', keychainFor('work', {...sandbox().demo, clientSecret: 'not-the-secret'}));
    expect(r.code).toBe(4);
    expect(r.err).toContain('Next: The client id and client secret saved in the keychain for profile work were refused: run `btalk login --profile work`.');
  });

  it('status: a wrong BTALK_CLIENT_SECRET over a keychain client id names both', async () => {
    const r = await statusRun('work', keychainFor('work', sandbox().demo), {BTALK_CLIENT_SECRET: 'not-the-secret'});
    expect(r.code).toBe(4);
    expect(r.err).toContain('Next: The client secret comes from BTALK_CLIENT_SECRET: unset it, or set it to the right value (Orange Developer portal, My Apps).');
    expect(r.err).toContain('The client id is the one saved in the keychain for profile work: to change it, run `btalk login --profile work`.');
  });

  it('order: a read-only key from BTALK_API_KEY says to unset it or set an order-capable one; from the keychain, to log in again', async () => {
    const fromEnv = await btalk(sandbox(), ['order', ...orderFlags(), '--yes'], {env: credentialEnv(EMULATOR_ACCOUNTS.demoReadonly)});
    expect(fromEnv.code).toBe(1);
    expect(fromEnv.stderr).toContain('This API key is read-only');
    expect(fromEnv.stderr).toContain('Next: This API key comes from BTALK_API_KEY: unset it, or set it to an order-capable key.');
  });

  it('login: refused BTALK_CLIENT_ID/BTALK_CLIENT_SECRET read without a terminal name both variables', async () => {
    const {clientId, apiKey} = sandbox().demo;
    const s = await testSessions({env: {BTALK_CLIENT_ID: clientId, BTALK_CLIENT_SECRET: 'not-the-secret', BTALK_API_KEY: apiKey}, ...realClient()});
    expect(await runCommand(s.runtime, {}, () => login(commandContext(s, {baseUrl: sandbox().baseUrl})))).toBe(4);
    expect(s.runtime.err()).toContain(
      'Next: The client id and client secret come from BTALK_CLIENT_ID and BTALK_CLIENT_SECRET: unset them, or set them to the right values (Orange Developer portal, My Apps).',
    );
  });

  async function accessScreen(keychain: MemorySecretStore, env: Record<string, string>, profile = 'default') {
    const s = await testSessions({keychain, env, ...realClient()});
    const session = await s.factory.open({profile, baseUrl: sandbox().baseUrl});
    return render(<App session={session} clock={() => Date.now()} theme={themeFor({NO_COLOR: '1'})} onExit={() => {}} flow={startTestFlow(session)} />);
  }

  it('the wizard: a read-only key from BTALK_API_KEY says so on the access screen', async () => {
    const ro = sandbox().accounts.demoReadonly;
    const ui = await accessScreen(keychainFor('default', ro), {BTALK_API_KEY: ro.apiKey});
    const frame = (await waitForFrame(ui, 'order-capable key')).replace(/\s+/g, ' ');
    expect(frame).toContain('This API key (from BTALK_API_KEY) is read-only');
    expect(frame).toContain('This API key comes from BTALK_API_KEY: unset it, or set it to an order-capable key.');
    ui.unmount();
  });

  it('the wizard: a read-only key from the keychain names the profile to log in to again', async () => {
    const ro = sandbox().accounts.demoReadonly;
    const ui = await accessScreen(keychainFor('work', ro), {}, 'work');
    const frame = (await waitForFrame(ui, 'with an order-capable key')).replace(/\s+/g, ' ');
    expect(frame).toContain('This API key (from the keychain (profile work)) is read-only');
    expect(frame).toContain('This API key is the one saved in the keychain for profile work: run `btalk login --profile work` with an order-capable key.');
    ui.unmount();
  });

  it('the wizard: a refused key from BTALK_API_KEY says so in the failed access check', async () => {
    const ui = await accessScreen(keychainFor('default', sandbox().demo), {BTALK_API_KEY: 'Z'.repeat(40)});
    const frame = (await waitForFrame(ui, 'The access check failed')).replace(/\s+/g, ' ');
    expect(frame).toContain('This API key comes from BTALK_API_KEY: unset it, or set it to a valid key');
    ui.unmount();
  });
});
