import {describe, expect, it} from 'vitest';
import {runCommand} from '../../src/commands/run.js';
import {status} from '../../src/commands/status-action.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, realClient, testSessions} from '../helpers/session.js';

const sandbox = useEmulator();

async function setup(options: {keychain?: Record<string, string>; env?: Record<string, string>; json?: boolean} = {}) {
  const keychain = new MemorySecretStore(options.keychain);
  const s = await testSessions({keychain, env: options.env ?? {}, ...realClient()});
  const ctx = commandContext(s, {baseUrl: sandbox().baseUrl, json: options.json ?? false});
  return {...s, run: () => runCommand(s.runtime, {json: options.json}, () => status(ctx))};
}

const saved = (c: {clientId: string; clientSecret: string; apiKey: string}) => ({
  'default:client-id': c.clientId,
  'default:client-secret': c.clientSecret,
  'default:api-key': c.apiKey,
});

describe('btalk status', () => {
  it('a --timeout that is no number is a usage error (exit 2), as in every command', async () => {
    const s = await setup({keychain: saved(sandbox().demo), env: {BTALK_TIMEOUT: 'abc'}});
    expect(await s.run()).toBe(2);
    expect(s.runtime.err()).toContain('must be a number of seconds above 0, got "abc"');
  });

  it('exits 0 and shows sources, rights and only the last 4 characters of the key', async () => {
    const demo = sandbox().demo;
    const s = await setup({keychain: saved(demo)});
    expect(await s.run()).toBe(0);
    const out = s.runtime.out();
    expect(out).toContain('Profile:       default');
    expect(out).toContain(`custom (${sandbox().baseUrl})`);
    expect(out).toContain('Client secret: keychain');
    expect(out).toContain(`API key:       keychain, ends …${demo.apiKey.slice(-4)}`);
    expect(out).toContain('✓ token and GET /me work');
    expect(out).toMatch(/Rights: +\S+ \(can order\)/);
    for (const secret of [demo.clientId, demo.clientSecret, demo.apiKey]) expect(out + s.runtime.err()).not.toContain(secret);
  });

  it('names the environment variable a secret came from, and says a read-only key cannot order (--json)', async () => {
    const ro = sandbox().accounts.demoReadonly;
    const s = await setup({keychain: saved(ro), env: {BTALK_API_KEY: ro.apiKey}, json: true});
    expect(await s.run()).toBe(0);
    const report = JSON.parse(s.runtime.out());
    expect(report).toMatchObject({
      ok: true,
      profile: 'default',
      environment: 'custom',
      sources: {clientId: 'keychain', clientSecret: 'keychain', apiKey: 'environment'},
      check: 'ok',
      rightsProfile: 'readonly',
      canOrder: false,
      apiKeyLast4: ro.apiKey.slice(-4),
    });
    expect(report.apiKeyLast4).toHaveLength(4);
    expect(s.runtime.out()).not.toContain(ro.clientSecret);
  });

  it('exits 4 when nothing is saved, saying what is missing and how to fix it', async () => {
    const s = await setup();
    expect(await s.run()).toBe(4);
    expect(s.runtime.out()).toContain('not logged in (missing client id, client secret, API key: run "btalk login"');
    expect(sandbox().counters.requests).toBe(0);
  });

  it('exits 4 with the API message when the server rejects the saved key', async () => {
    const s = await setup({keychain: saved({...sandbox().demo, apiKey: 'Q'.repeat(40)})});
    expect(await s.run()).toBe(4);
    expect(s.runtime.out()).toContain('✗ the API rejected these credentials');
    expect(s.runtime.out()).toContain('the API key is probably wrong or revoked');
    expect(s.runtime.err()).toContain('code 41');
  });

  it('exits 4 naming the client id or secret when the token endpoint refuses them (--json too)', async () => {
    const s = await setup({keychain: saved({...sandbox().demo, clientSecret: 'not-the-secret'}), json: true});
    expect(await s.run()).toBe(4);
    const report = JSON.parse(s.runtime.out()) as {check: string; problem: string};
    expect(report.check).toBe('rejected');
    expect(report.problem).toContain('The client id or client secret was refused');
    expect(report.problem).not.toContain('API key');
  });

  it('exits 1 when the server cannot be reached', async () => {
    const s = await setup({keychain: saved(sandbox().demo)});
    sandbox().injectFault({route: 'POST /oauth/v3/token', status: 503, times: 10});
    sandbox().injectFault({route: '*', reset: 'before', times: 50});
    expect(await s.run()).toBe(1);
    expect(s.runtime.out()).toContain('the check could not be made');
  });
});
