/** The command tree as a person meets it: mistyped commands, extra arguments, the root help. */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CommanderError} from 'commander';
import {describe, expect, it} from 'vitest';
import {EXIT_CODES} from '../src/errors.js';
import {buildProgram} from '../src/program.js';
import {testRuntime} from './helpers/session.js';

function program() {
  const runtime = testRuntime({BTALK_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'btalk-program-'))});
  return {runtime, ...buildProgram(runtime)};
}

describe('btalk program', () => {
  it('names a mistyped command and lists the real ones, exit code 2', async () => {
    const {runtime, program: root} = program();
    const failure = await root.parseAsync(['node', 'btalk', 'statuss']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CommanderError);
    expect((failure as CommanderError).exitCode).toBe(EXIT_CODES.usage);
    expect(runtime.err()).toContain("unknown command 'statuss'");
    expect(runtime.err()).toContain('login, status, logout, order, voicesites, sandbox');
  });

  it('still refuses extra arguments to a subcommand', async () => {
    const {runtime, program: root} = program();
    const failure = await root.parseAsync(['node', 'btalk', 'status', 'extra']).catch((e: unknown) => e);
    expect((failure as CommanderError).exitCode).not.toBe(0);
    expect(runtime.err()).toContain("too many arguments for 'status'");
  });

  it('root help lists every command, runnable examples and the exit codes', async () => {
    const {runtime, program: root} = program();
    const failure = await root.parseAsync(['node', 'btalk', '--help']).catch((e: unknown) => e);
    expect((failure as CommanderError).exitCode).toBe(0);
    const help = runtime.out();
    for (const name of ['login', 'status', 'logout', 'order', 'voicesites', 'sandbox']) expect(help).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(help).toContain('$ btalk --sandbox');
    expect(help).toContain('Exit codes: 0 ok, 1 error, 2 usage, 4 credentials missing or rejected, 130 interrupted.');
  });
});
