/** `btalk login --accessible` in a terminal: the credentials asked in lines, proven, then saved; no Ink. */
import {describe, expect, it} from 'vitest';
import {login} from '../../src/commands/login-action.js';
import {runCommand} from '../../src/commands/run.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, realClient, testSessions} from '../helpers/session.js';

const sandbox = useEmulator();

async function waitForText(read: () => string, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!read().includes(text)) {
    if (Date.now() > deadline) throw new Error(`never saw ${JSON.stringify(text)} in:\n${read()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('btalk login in accessible mode', {timeout: 30_000}, () => {
  it('asks one credential a line; a refused key is said, Enter keeps the others, and the right ones are saved', async () => {
    const keychain = new MemorySecretStore();
    const s = await testSessions({keychain, interactive: true, ...realClient()});
    const ctx = commandContext(s, {baseUrl: sandbox().baseUrl, accessible: true});
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    const wrongKey = 'y'.repeat(40);
    const done = runCommand(s.runtime, {}, () => login(ctx));
    s.runtime.stdin.write(`${clientId}\n${clientSecret}\n${wrongKey}\n`);
    await waitForText(s.runtime.out, 'These credentials were refused.');
    s.runtime.stdin.write(`\n\n${apiKey}\n`);
    expect(await done).toBe(0);
    const out = s.runtime.out();
    expect(out).toContain('btalk login, accessible mode: profile "default"');
    expect(out).toContain('The credentials work: rights profile "admin", can order.');
    expect(out).toContain('Saved in the OS keychain for profile "default"');
    expect(await keychain.get('default:api-key')).toBe(apiKey);
    expect(await keychain.get('default:client-secret')).toBe(clientSecret);
    for (const secret of [clientSecret, apiKey, wrongKey]) expect(out + s.runtime.err()).not.toContain(secret);
    expect(out).not.toContain('\u001b');
  });

  it('"quit" cancels: nothing is saved, and the exit code says so', async () => {
    const keychain = new MemorySecretStore();
    const s = await testSessions({keychain, interactive: true, ...realClient()});
    const ctx = commandContext(s, {baseUrl: sandbox().baseUrl, accessible: true});
    s.runtime.stdin.write('quit\n');
    expect(await runCommand(s.runtime, {}, () => login(ctx))).toBe(130);
    expect(s.runtime.err()).toContain('Login cancelled; nothing was saved.');
    expect(await keychain.get('default:api-key')).toBeUndefined();
  });
});
