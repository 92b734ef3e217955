/** `btalk login` with the MyApps "Basic ..." value saves what typing the id and secret saves. */
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {login} from '../../src/commands/login-action.js';
import {runCommand} from '../../src/commands/run.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, realClient, testSessions} from '../helpers/session.js';

const sandbox = useEmulator();

async function loginWith(stdin: string, env: Record<string, string> = {}) {
  const keychain = new MemorySecretStore();
  const s = await testSessions({keychain, env, ...realClient()});
  const ctx = commandContext(s, {baseUrl: sandbox().baseUrl});
  s.runtime.stdin.end(stdin);
  const code = await runCommand(s.runtime, {}, () => login(ctx));
  const saved = Object.fromEntries(await Promise.all(['client-id', 'client-secret', 'api-key'].map(async (f) => [f, await keychain.get(`default:${f}`)])));
  return {code, saved, out: s.runtime.out(), err: s.runtime.err(), config: await s.config.profile('default')};
}

describe('btalk login with the Basic header', () => {
  it('printf "Basic $(base64 id:secret)" saves the same credentials as typing the id and the secret', async () => {
    // The multi account's secret has "+ % : /" and a space: the hard case for an encoding.
    const {clientId, clientSecret, apiKey} = sandbox().accounts.multi;
    const header = execFileSync('bash', ['-c', `printf 'Basic %s\\n' "$(printf '%s:%s' "$ID" "$SECRET" | base64 -w0)"`], {env: {ID: clientId, SECRET: clientSecret, PATH: process.env['PATH']}}).toString();
    const typed = await loginWith(`${clientId}\n${clientSecret}\n${apiKey}\n`);
    const pasted = await loginWith(`${header}${apiKey}\n`);
    expect(typed.code).toBe(0);
    expect(pasted.code).toBe(0);
    expect(pasted.saved).toEqual(typed.saved);
    expect(pasted.saved).toEqual({'client-id': clientId, 'client-secret': clientSecret, 'api-key': apiKey});
    expect(pasted.config?.baseUrl).toBe(typed.config?.baseUrl);
    expect(pasted.err).toContain(`The Authorization value holds client id "${clientId}".`);
    expect(pasted.out + pasted.err).not.toContain(clientSecret);
  });

  it('takes "Authorization: Basic ..." from BTALK_AUTHORIZATION, with the API key on stdin', async () => {
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    const r = await loginWith(`${apiKey}\n`, {BTALK_AUTHORIZATION: `Authorization: Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`});
    // The header gave the id and the secret: the one line piped in is the API key.
    expect(r.code).toBe(0);
    expect(r.saved).toEqual({'client-id': clientId, 'client-secret': clientSecret, 'api-key': apiKey});
  });

  it('refuses a value that is not id:secret before anything is sent, and saves nothing', async () => {
    sandbox().resetCounters();
    const r = await loginWith(`Basic ${Buffer.from('just-one-word').toString('base64')}\n${sandbox().demo.apiKey}\n`);
    expect(r.code).toBe(2);
    expect(r.err).toContain('does not decode to client-id:client-secret');
    expect(r.saved).toEqual({'client-id': undefined, 'client-secret': undefined, 'api-key': undefined});
    expect(sandbox().counters.requests).toBe(0);
  });
});
