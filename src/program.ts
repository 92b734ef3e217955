/**
 * The command tree and the real services behind it (HTTP client, OS keychain, config file,
 * embedded emulator). Given a Runtime, it reads nothing from the process itself, so tests can
 * build the whole program with a runtime of their own.
 */
import {Command} from 'commander';
import {createBusinessTalkApi} from './api/client.js';
import type {CommandContext} from './commands/context.js';
import {registerCompletion} from './commands/completion.js';
import {registerDoctor} from './commands/doctor.js';
import {registerHistory} from './commands/history.js';
import {registerLogin} from './commands/login.js';
import {registerLogout} from './commands/logout.js';
import {registerOrder} from './commands/order.js';
import {registerProfiles} from './commands/profiles.js';
import {registerSandbox} from './commands/sandbox.js';
import {registerStatus} from './commands/status.js';
import {registerVoicesites} from './commands/voicesites.js';
import {registerWizard} from './commands/wizard.js';
import type {OrderFlags} from './order/order-options.js';
import {createConfigStore, defaultConfigDir} from './config/config-store.js';
import {EXIT_CODES} from './errors.js';
import {withEnvDefaults, type GlobalOptions} from './global-options.js';
import {createOrderJournal} from './journal/journal.js';
import {createDebugOutput, openDebugFile} from './journal/debug-file.js';
import {defaultStateDir} from './journal/state-dir.js';
import type {Runtime} from './runtime.js';
import {guardStream} from './text/guarded-stream.js';
import type {startEmulator as StartEmulator} from './emulator/server.js';
import {createKeychainStore} from './secrets/keychain-store.js';
import {createSessionFactory} from './session.js';

// The emulator is loaded only by the commands that run it.
const startEmulator: typeof StartEmulator = async (options) => (await import('./emulator/server.js')).startEmulator(options);

export function buildProgram(processRuntime: Runtime): {program: Command; exitCode: () => number} {
  // Commands see stdout and stderr only through the guard: nothing they print can carry a raw
  // control character (see src/text/guarded-stream.ts).
  const runtime: Runtime = {...processRuntime, stdout: guardStream(processRuntime.stdout), stderr: guardStream(processRuntime.stderr)};
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
    .option('--debug', 'one redacted stderr line per HTTP request; the wizard writes them to a log file it names when it exits (env BTALK_DEBUG=1)')
    .option('--debug-file <path>', 'append the debug lines to this file instead (implies --debug; env BTALK_DEBUG_FILE)')
    .option('--json', 'machine-readable output on stdout')
    .option('--accessible', 'the wizard as plain line-by-line prompts for screen readers: no redraws, no colour (env BTALK_ACCESSIBLE=1 or INK_SCREEN_READER=true)')
    .option('--timeout <seconds>', 'the most one API read may take, retries and pauses included (default 30; env BTALK_TIMEOUT)')
    .option('--order-timeout <seconds>', 'the most the order POST may take (default 60; env BTALK_ORDER_TIMEOUT)')
    // The answers, for the wizard and for `btalk order` alike (read from here by both: a root
    // option takes its value wherever it appears on the line).
    .option('--customer <code>', 'answer: customer code (wizard and order; env BTALK_CUSTOMER)')
    .option('--vpn <vpn>', 'answer: VPN id, code or exact name (env BTALK_VPN)')
    .option('--country <country>', 'answer: ISO code (FR) or English name (env BTALK_COUNTRY)')
    .option('--site-name <name>', 'answer: technical site name (env BTALK_SITE_NAME)')
    .option('--label <text>', 'answer: customer site label (env BTALK_LABEL)')
    .option('--reference <ref>', 'answer: your order reference (env BTALK_REFERENCE)')
    .configureHelp({showGlobalOptions: true})
    .showHelpAfterError('(run "btalk --help" for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => runtime.stdout.write(s),
      writeErr: (s) => runtime.stderr.write(s),
    });

  const globals = (): GlobalOptions => withEnvDefaults(program.opts<GlobalOptions>(), runtime.env);
  const journal = createOrderJournal({
    location: defaultStateDir(runtime.env, runtime.platform),
    warn: (line) => runtime.stderr.write(`${line}\n`),
  });
  const debug = createDebugOutput({
    stderr: runtime.stderr,
    chosen: () => globals().debugFile,
    open: (chosen) =>
      openDebugFile({
        location: defaultStateDir(runtime.env, runtime.platform),
        chosen,
        cwd: runtime.cwd,
        now: new Date(runtime.clock()),
        header: `btalk ${runtime.version}, run started ${new Date(runtime.clock()).toISOString()}`,
      }),
  });
  // After the command, whatever it was and however it ended: the log file, named.
  program.hook('postAction', () => debug.finish());
  const config = createConfigStore(defaultConfigDir(runtime.env));
  // Built when a keychain call is about to be made, so the flags are known: under --debug the
  // library's own text of a failure is one stderr line (the error itself says it in words).
  const keychain = () => createKeychainStore({platform: runtime.platform, debug: globals().debug ? (line) => runtime.stderr.write(`${line}\n`) : undefined});
  const sessions = createSessionFactory({
    runtime,
    config,
    keychain,
    createApi: createBusinessTalkApi,
    startEmulator,
    debugSink: (line: string) => debug.line(line),
    journal,
  });
  const ctx: CommandContext = {
    runtime,
    sessions,
    globals,
    answerFlags() {
      const o = program.opts<OrderFlags>();
      const flags: OrderFlags = {};
      for (const name of ['customer', 'vpn', 'country', 'siteName', 'label', 'reference'] as const) {
        const value = o[name];
        if (value !== undefined) flags[name] = value;
      }
      return flags;
    },
    debugToFile: () => debug.toFile(),
    setExitCode(n) {
      code = n;
    },
  };
  registerWizard(program, ctx);
  registerLogin(program, ctx);
  registerStatus(program, ctx, {config, keychain});
  registerLogout(program, ctx);
  registerOrder(program, ctx);
  registerVoicesites(program, ctx);
  registerSandbox(program, ctx);
  registerHistory(program, ctx, () => journal);
  registerProfiles(program, ctx, {config, keychain});
  registerDoctor(program, ctx, {config, keychain});
  registerCompletion(program, ctx, config);

  // The wizard is the root action, so a mistyped command would otherwise read as "too many
  // arguments". Set after the subcommands are registered: they keep refusing extra arguments.
  program.allowExcessArguments(true);
  program.hook('preAction', (_root, actionCommand) => {
    const [first] = program.args;
    if (actionCommand === program && first !== undefined) {
      const names = program.commands.map((c) => c.name());
      program.error(`error: unknown command '${first}'. Commands: ${names.join(', ')}.`, {
        exitCode: EXIT_CODES.usage,
        code: 'commander.unknownCommand',
      });
    }
  });
  program.addHelpText(
    'after',
    `
Examples:
  $ btalk --sandbox                          try the wizard against the embedded emulator
  $ btalk login --env orange-sandbox         save credentials for the Orange beta sandbox
  $ btalk                                    the wizard with the saved credentials
  $ btalk order --vpn "My VPN 1" --country FR --label "Paris office" --yes
  $ btalk order --from sites.csv --yes       a batch; run it again to resume
  $ btalk voicesites --json
  $ btalk history --since yesterday          what was ordered, with request ids
  $ btalk profiles --check                   every profile, each proved
  $ btalk doctor                             proxy, TLS, clock, keychain, token: one line each

Exit codes: 0 ok, 1 error, 2 usage, 4 credentials missing or rejected, 130 interrupted.
Docs: README.md in the btalk repository.`,
  );
  return {program, exitCode: () => code};
}
