/**
 * Runs `btalk order` / `btalk voicesites` in-process against the emulator: a commander program with
 * the root's global flags, the real SessionFactory built by testSessions (credentials from BTALK_*
 * variables, a memory store standing in for the keychain, a temp config dir) and the real API
 * client. The runtime is testRuntime's: it captures stdout/stderr, takes stdin answers and lets a
 * test press Ctrl+C.
 */
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Command, CommanderError} from 'commander';
import {beforeEach} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import type {BusinessTalkApi, ClientOptions} from '../../src/api/types.js';
import type {CommandContext} from '../../src/commands/context.js';
import {registerOrder} from '../../src/commands/order.js';
import {registerVoicesites} from '../../src/commands/voicesites.js';
import {withEnvDefaults, type GlobalOptions} from '../../src/global-options.js';
import type {OrderJournal} from '../../src/journal/journal.js';
import type {BatchTuning} from '../../src/order/batch.js';
import {startEmulator} from '../../src/emulator/server.js';
import type {RunningEmulator} from '../../src/emulator/types.js';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {credentialEnv, useEmulator} from '../helpers/emulator.js';
import {testRuntime, testSessions, type TestRuntime} from '../helpers/session.js';

/** The runtime a harness run used: output, stdin, and Ctrl+C (see test/helpers/session.ts). */
export type Harness = TestRuntime;

export {credentialEnv};

export interface RunOptions {
  env?: Record<string, string | undefined>;
  interactive?: boolean;
  cwd?: string;
  /** Written to stdin before the command starts (e.g. "y\n"). */
  stdin?: string;
  tuning?: BatchTuning;
  /** Called with the runtime once it exists (e.g. to press Ctrl+C later). */
  onRuntime?: (runtime: Harness) => void;
  /** The order journal the sessions write to (none by default). */
  journal?: OrderJournal;
  /** The API client (the real one by default); a test may wrap it to watch the calls. */
  createApi?: (o: ClientOptions) => BusinessTalkApi;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  runtime: Harness;
}

/** Runs `btalk ARGS` in-process; the emulator's URL goes in via --base-url unless args say --sandbox. */
export async function btalk(sandbox: RunningEmulator | undefined, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const runtime = testRuntime(options.env ?? {}, {
    ...(options.interactive === undefined ? {} : {interactive: options.interactive}),
    ...(options.cwd === undefined ? {} : {cwd: options.cwd}),
  });
  if (options.stdin !== undefined) runtime.stdin.write(options.stdin);
  options.onRuntime?.(runtime);
  // An empty memory store stands in for the OS keychain: credentials come from BTALK_* variables.
  const setup = await testSessions({runtime, createApi: options.createApi ?? createBusinessTalkApi, startEmulator, debugSink: (line) => runtime.stderr.write(`${line}\n`), ...(options.journal ? {journal: options.journal} : {})});
  const program = new Command()
    .name('btalk')
    .option('-p, --profile <name>')
    .option('--env <name>')
    .option('--base-url <url>')
    .option('--sandbox')
    .option('--debug')
    .option('--json')
    .option('--timeout <seconds>')
    .option('--order-timeout <seconds>')
    .exitOverride()
    .configureOutput({writeOut: (s) => runtime.stdout.write(s), writeErr: (s) => runtime.stderr.write(s)});
  let code = 0;
  const ctx: CommandContext = {
    runtime,
    sessions: setup.factory,
    globals: () => withEnvDefaults(program.opts<GlobalOptions>(), runtime.env),
    setExitCode: (n) => {
      code = n;
    },
  };
  registerOrder(program, ctx, options.tuning ?? {});
  registerVoicesites(program, ctx);
  const base = sandbox && !args.includes('--sandbox') ? ['--base-url', sandbox.baseUrl] : [];
  try {
    await program.parseAsync(['node', 'btalk', ...base, ...args]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode === 0 ? 0 : 2;
  }
  return {code, stdout: runtime.out(), stderr: runtime.err(), runtime};
}

/** One order's answers as flags, with overrides. */
export function orderFlags(overrides: Record<string, string | undefined> = {}): string[] {
  const flags: Record<string, string | undefined> = {
    '--vpn': 'My VPN 1',
    '--country': 'FR',
    '--site-name': 'LYON_01',
    '--label': 'Lyon office',
    '--reference': 'PO-1',
    ...overrides,
  };
  return Object.entries(flags).flatMap(([k, v]) => (v === undefined ? [] : [k, v]));
}

/**
 * Call in a describe block of batch tests: the emulator, and a fresh working folder per test
 * (a temp folder named from `prefix`). `run` is btalk in that folder with the demo account's
 * variables and `defaults` (what a call gives wins); `file` is a path in the folder.
 */
export function useBatchRuns(prefix: string, defaults: RunOptions = {}) {
  const sandbox = useEmulator();
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  return {
    sandbox,
    file: (name: string) => path.join(dir, name),
    run: (args: string[], options: RunOptions = {}) => btalk(sandbox(), args, {env: credentialEnv(EMULATOR_ACCOUNTS.demo), cwd: dir, ...defaults, ...options}),
  };
}
