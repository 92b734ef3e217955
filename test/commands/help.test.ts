/** `btalk COMMAND --help` is where support staff look first: every command shows a runnable example. */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Command, CommanderError} from 'commander';
import {describe, expect, it} from 'vitest';
import {runBuiltCli} from '../helpers/built-cli.js';
import {registerLogin} from '../../src/commands/login.js';
import {registerLogout} from '../../src/commands/logout.js';
import {registerOrder} from '../../src/commands/order.js';
import {registerSandbox} from '../../src/commands/sandbox.js';
import {registerStatus} from '../../src/commands/status.js';
import {registerVoicesites} from '../../src/commands/voicesites.js';
import {commandContext, testSessions} from '../helpers/session.js';

async function help(command: string): Promise<string> {
  const setup = await testSessions({});
  const ctx = commandContext(setup);
  const program = new Command('btalk')
    .exitOverride()
    .configureOutput({writeOut: (s) => setup.runtime.stdout.write(s), writeErr: (s) => setup.runtime.stderr.write(s)});
  for (const register of [registerLogin, registerStatus, registerLogout, registerOrder, registerVoicesites, registerSandbox]) register(program, ctx);
  await expect(program.parseAsync(['node', 'btalk', command, '--help'])).rejects.toBeInstanceOf(CommanderError);
  return setup.runtime.out();
}

describe('--help', () => {
  it.each(['login', 'status', 'logout', 'order', 'voicesites', 'sandbox'])('of btalk %s has an Examples section with the command in it', async (command) => {
    const text = await help(command);
    expect(text).toContain(`Usage: btalk ${command}`);
    const examples = text.slice(text.indexOf('Examples:'));
    expect(text).toContain('Examples:');
    expect(examples).toMatch(new RegExp(`^\\s+\\$ .*btalk ${command}\\b`, 'm'));
  });
});

describe('btalk help (built CLI)', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'btalk-help-'));

  it('btalk help order shows the order command\'s help, as btalk order --help does (exit 0)', async () => {
    const asked = await runBuiltCli(['help', 'order'], {cwd, env: {NO_COLOR: '1'}});
    const flag = await runBuiltCli(['order', '--help'], {cwd, env: {NO_COLOR: '1'}});
    expect(asked.stderr).toBe('');
    expect(asked.stdout).toContain('Usage: btalk order');
    expect(asked.stdout).toBe(flag.stdout);
    expect(asked.code).toBe(0);
  }, 30_000);

  it('btalk help shows the root help and lists the help command', async () => {
    const asked = await runBuiltCli(['help'], {cwd, env: {NO_COLOR: '1'}});
    expect(asked.stdout).toContain('Usage: btalk [options] [command]');
    expect(asked.stdout).toMatch(/^\s+help \[command\]/m);
    expect(asked.code).toBe(0);
  }, 30_000);
});
