#!/usr/bin/env node
/**
 * Composition root: the only module that reads process.*, builds the real clients (HTTP, OS
 * keychain, config file, embedded emulator) and decides the process exit code.
 */
import {readFileSync} from 'node:fs';
import {Command, CommanderError} from 'commander';
import {createBusinessTalkApi} from './api/client.js';
import type {CommandContext} from './commands/context.js';
import {registerLogin} from './commands/login.js';
import {registerLogout} from './commands/logout.js';
import {registerOrder} from './commands/order.js';
import {registerSandbox} from './commands/sandbox.js';
import {registerStatus} from './commands/status.js';
import {registerVoicesites} from './commands/voicesites.js';
import {registerWizard} from './commands/wizard.js';
import {createConfigStore, defaultConfigDir} from './config/config-store.js';
import {EXIT_CODES} from './errors.js';
import {withEnvDefaults, type GlobalOptions} from './global-options.js';
import type {Runtime} from './runtime.js';
import {startSandbox} from './sandbox/server.js';
import {createKeychainStore} from './secrets/keychain-store.js';
import {createSessionFactory} from './session.js';

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
  return pkg.version;
}

function processRuntime(): Runtime {
  return {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    cwd: process.cwd(),
    platform: process.platform,
    clock: () => Date.now(),
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => {
        process.off('SIGINT', handler);
      };
    },
    version: readVersion(),
  };
}

export function buildProgram(runtime: Runtime): {program: Command; exitCode: () => number} {
  let code: number = EXIT_CODES.ok;
  const program = new Command();
  program
    .name('btalk')
    .description('Provision Orange Business Talk voicesites, step by step.')
    .version(runtime.version, '-V, --version')
    .option('-p, --profile <name>', 'credentials profile (env BTALK_PROFILE)')
    .option('--env <name>', 'environment: orange-sandbox or orange (env BTALK_ENV)')
    .option('--base-url <url>', 'API base URL, overrides --env (env BTALK_BASE_URL)')
    .option('--sandbox', 'use the embedded emulator and its demo account (env BTALK_SANDBOX=1)')
    .option('--debug', 'one redacted stderr line per HTTP request (env BTALK_DEBUG=1)')
    .option('--json', 'machine-readable output on stdout')
    .configureHelp({showGlobalOptions: true})
    .showHelpAfterError('(run "btalk --help" for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => runtime.stdout.write(s),
      writeErr: (s) => runtime.stderr.write(s),
    });

  const globals = (): GlobalOptions => withEnvDefaults(program.opts<GlobalOptions>(), runtime.env);
  const configDir = defaultConfigDir(runtime.env, runtime.platform);
  const sessions = createSessionFactory({
    runtime,
    config: createConfigStore(configDir),
    keychain: () => createKeychainStore({platform: runtime.platform}),
    createApi: createBusinessTalkApi,
    startSandbox,
    debugSink: (line) => runtime.stderr.write(`${line}\n`),
  });
  const ctx: CommandContext = {
    runtime,
    sessions,
    globals,
    setExitCode(n) {
      code = n;
    },
  };
  registerWizard(program, ctx);
  registerLogin(program, ctx);
  registerStatus(program, ctx);
  registerLogout(program, ctx);
  registerOrder(program, ctx);
  registerVoicesites(program, ctx);
  registerSandbox(program, ctx);
  return {program, exitCode: () => code};
}

async function main(): Promise<void> {
  const runtime = processRuntime();
  const {program, exitCode} = buildProgram(runtime);
  try {
    await program.parseAsync(process.argv);
    process.exitCode = exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; unknown options with a usage error.
      process.exitCode = error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
      return;
    }
    throw error;
  }
}

await main();
