/**
 * Builds a SessionFactory for tests: a MemorySecretStore standing in for the keychain (or a factory
 * that counts or refuses calls), a config store in a temp folder and a Runtime of our own.
 */
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {createBusinessTalkApi} from '../../src/api/client.js';
import type {BusinessTalkApi, ClientOptions} from '../../src/api/types.js';
import type {CommandContext} from '../../src/commands/context.js';
import {withEnvDefaults, type GlobalOptions} from '../../src/global-options.js';
import {createConfigStore, type ConfigStore} from '../../src/config/config-store.js';
import type {Runtime} from '../../src/runtime.js';
import {MemorySecretStore} from '../../src/secrets/memory-store.js';
import type {SecretStore} from '../../src/secrets/types.js';
import {createSessionFactory, type SessionDeps} from '../../src/session.js';
import type {InterruptSignal} from '../../src/errors.js';
import {systemTimers} from '../../src/timers.js';

export interface TestRuntime extends Runtime {
  stdin: PassThrough & {isTTY?: boolean};
  out(): string;
  err(): string;
  /** What a person sees for Ctrl+C (or a SIGTERM/SIGHUP): every handler registered through onInterrupt runs. */
  interrupt(signal?: InterruptSignal): void;
  /** Handlers registered right now (a command must remove its own when it is done). */
  interruptHandlers(): number;
}

export interface TestRuntimeOptions {
  interactive?: boolean;
  clock?: () => number;
  cwd?: string;
}

/** A Runtime that captures stdout/stderr, takes stdin from a PassThrough and lets a test press Ctrl+C. */
export function testRuntime(env: Record<string, string | undefined> = {}, options: TestRuntimeOptions = {}): TestRuntime {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const handlers = new Set<(signal: InterruptSignal) => void>();
  return {
    env,
    stdin: new PassThrough(),
    stdout,
    stderr,
    interactive: options.interactive ?? false,
    cwd: options.cwd ?? process.cwd(),
    platform: process.platform,
    clock: options.clock ?? (() => Date.now()),
    random: Math.random,
    timers: systemTimers,
    onInterrupt(handler) {
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
    version: '0.0.0-test',
    out: () => out,
    err: () => err,
    interrupt: (signal = 'SIGINT') => [...handlers].forEach((h) => h(signal)),
    interruptHandlers: () => handlers.size,
  };
}

export interface TestSessionSetup {
  runtime: TestRuntime;
  keychain: MemorySecretStore;
  config: ConfigStore;
  configDir: string;
  keychainCalls: () => number;
  deps: SessionDeps;
  factory: ReturnType<typeof createSessionFactory>;
}

export async function testSessions(options: {
  env?: Record<string, string | undefined>;
  /** A runtime of the test's own (its env wins over `env`). */
  runtime?: TestRuntime;
  keychain?: MemorySecretStore;
  /** Replace the keychain factory entirely, e.g. with one that throws. */
  keychainFactory?: () => SecretStore;
  createApi?: (o: ClientOptions) => BusinessTalkApi;
  startEmulator?: SessionDeps['startEmulator'];
  interactive?: boolean;
  configDir?: string;
  debugLines?: string[];
  /** Where --debug lines go instead of debugLines, e.g. the runtime's stderr as in the CLI. */
  debugSink?: (line: string) => void;
  /** The order journal sessions write to (none by default). */
  journal?: SessionDeps['journal'];
}): Promise<TestSessionSetup> {
  const runtime = options.runtime ?? testRuntime(options.env ?? {}, {interactive: options.interactive ?? false});
  const keychain = options.keychain ?? new MemorySecretStore();
  const configDir = options.configDir ?? (await mkdtemp(path.join(tmpdir(), 'btalk-session-')));
  const config = createConfigStore(configDir);
  let calls = 0;
  const deps: SessionDeps = {
    runtime,
    config,
    keychain: () => {
      const store = options.keychainFactory ? options.keychainFactory() : keychain;
      // Counts every call that reaches the keychain, not just the factory.
      const count = <T>(work: () => Promise<T>) => {
        calls += 1;
        return work();
      };
      return {
        get: (a) => count(() => store.get(a)),
        set: (a, v) => count(() => store.set(a, v)),
        delete: (a) => count(() => store.delete(a)),
        list: () => count(() => store.list()),
      };
    },
    createApi:
      options.createApi ??
      (() => {
        throw new Error('createApi not given to this test');
      }),
    startEmulator:
      options.startEmulator ??
      (async () => {
        throw new Error('startEmulator not given to this test');
      }),
    debugSink: options.debugSink ?? ((line) => options.debugLines?.push(line)),
    ...(options.journal ? {journal: options.journal} : {}),
  };
  return {runtime, keychain, config, configDir, keychainCalls: () => calls, deps, factory: createSessionFactory(deps)};
}

/** A CommandContext over a test session setup, with the flags a person would have typed. */
export function commandContext(setup: TestSessionSetup, flags: GlobalOptions = {}): CommandContext & {exitCode(): number | undefined} {
  let code: number | undefined;
  return {
    runtime: setup.runtime,
    sessions: setup.factory,
    globals: () => withEnvDefaults(flags, setup.runtime.env),
    setExitCode(n) {
      code = n;
    },
    exitCode: () => code,
  };
}

/** Test sessions whose clients are the real HTTP client (talking to the emulator). */
export function realClient(): {createApi: (o: ClientOptions) => BusinessTalkApi} {
  // Short timeouts and no retry waits: the emulator is local.
  return {createApi: (o) => createBusinessTalkApi({...o, maxRetryDelayMs: 10})};
}
