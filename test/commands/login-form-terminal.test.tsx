/**
 * The login form as `btalk login` runs it (interactiveLogin: Ink's own render on the runtime's
 * terminal), not just the component: NO_COLOR reaches it, and keys that arrive in one read (a
 * pasted secret then Enter, a slow SSH link) each count.
 */
import {PassThrough, Writable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {interactiveLogin} from '../../src/commands/login-form.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import {colourCodes, withChalkColours, waitForFrame} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {commandContext, realClient, testRuntime, testSessions} from '../helpers/session.js';

const sandbox = useEmulator();

/** A terminal of our own: everything Ink writes, and keys in as raw bytes. */
function fakeTerminal() {
  let written = '';
  const stdout = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    }),
    {columns: 80, rows: 24, isTTY: true},
  );
  const stdin = Object.assign(new PassThrough(), {isTTY: true, setRawMode: () => undefined, ref: () => undefined, unref: () => undefined});
  // Matched as text: bold and inverse escapes split "› Client secret" on screen.
  return {stdout, stdin, written: () => written, lastFrame: () => written.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '')};
}

async function setup(env: Record<string, string>) {
  const terminal = fakeTerminal();
  const runtime = {...testRuntime(env, {interactive: true}), stdin: terminal.stdin, stdout: terminal.stdout};
  const keychain = new MemorySecretStore();
  const s = await testSessions({runtime: runtime as never, keychain, ...realClient()});
  const session = await s.factory.open(commandContext(s, {baseUrl: sandbox().baseUrl}).globals());
  return {terminal, runtime, keychain, session};
}

describe('btalk login form in a terminal', () => {
  withChalkColours();

  it('takes a secret, Enter, the API key and Enter sent in one read, as typed', async () => {
    const {terminal, runtime, keychain, session} = await setup({NO_COLOR: '1'});
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    const done = interactiveLogin(runtime, session, {clientId});
    await waitForFrame(terminal, '› Client secret');
    terminal.stdin.write(`${clientSecret}\r${apiKey}\r`);
    const result = await done;
    expect(result).toMatchObject({profile: 'default', canOrder: true, savedIn: 'keychain'});
    expect(await keychain.get('default:client-secret')).toBe(clientSecret);
    expect(await keychain.get('default:api-key')).toBe(apiKey);
    expect(terminal.lastFrame()).toContain('✓ Saved in the OS keychain');
    expect(terminal.written()).not.toContain(clientSecret);
  });

  it('takes Tab and the next field\'s text in two reads right after each other (tmux send-keys, a fast typist)', async () => {
    const {terminal, runtime, keychain, session} = await setup({NO_COLOR: '1'});
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    const done = interactiveLogin(runtime, session, {});
    await waitForFrame(terminal, '› Client ID');
    for (const read of [clientId, '\t', clientSecret, '\r', apiKey, '\r']) {
      terminal.stdin.write(read);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
    expect(await keychain.get('default:client-id')).toBe(clientId);
    expect(await keychain.get('default:client-secret')).toBe(clientSecret);
    expect(await keychain.get('default:api-key')).toBe(apiKey);
  });

  /** The whole run, keys one at a time: what was printed, escapes included. */
  async function printedWith(env: Record<string, string>): Promise<string> {
    const {terminal, runtime, session} = await setup(env);
    const {clientId, clientSecret, apiKey} = sandbox().demo;
    const done = interactiveLogin(runtime, session, {clientId, clientSecret});
    await waitForFrame(terminal, '› API key');
    terminal.stdin.write(apiKey);
    await waitForFrame(terminal, '40/40');
    terminal.stdin.write('\r');
    await done;
    expect(terminal.lastFrame()).toContain('✓ Credentials work');
    return terminal.written();
  }

  it('prints no colour under NO_COLOR, and the theme colours otherwise', async () => {
    expect(colourCodes(await printedWith({NO_COLOR: '1'}))).toEqual([]);
    expect(colourCodes(await printedWith({}))).toContain('32');
  });
});
