/**
 * The command tree, and the real services behind it (services.ts: HTTP client, OS keychain,
 * config file, order journal, embedded emulator) loaded when a command first needs them. Given a
 * Runtime, it reads nothing from the process itself, so tests can build the whole program with a
 * runtime of their own.
 *
 * What loads here is only commander and each command's definition (its options and help): every
 * command's work is loaded by its action with `import()` (test/commands/start-up-imports.test.ts
 * and test/build/start-up-chunks.test.ts keep it so), so `btalk --help` parses none of it.
 */
import {Command} from 'commander';

/** commander's error, for cli.tsx (it loads no copy of commander of its own). */
export {CommanderError} from 'commander';
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
import {EXIT_CODES} from './errors.js';
import {withEnvDefaults, type GlobalOptions} from './global-options.js';
import {ROOT_FLAGS} from './option-flags.js';
import {createDebugOutput, openDebugFile} from './journal/debug-file.js';
import {defaultStateDir} from './journal/state-dir.js';
import type {Runtime} from './runtime.js';
import type {Services} from './services.js';
import type {SessionFactory} from './session-types.js';
import {guardStream} from './text/guarded-stream.js';

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
    .option(ROOT_FLAGS.profile, 'credentials profile (env BTALK_PROFILE)')
    .option(ROOT_FLAGS.env, 'environment: orange-sandbox or orange (env BTALK_ENV)')
    .option(ROOT_FLAGS.baseUrl, 'API base URL, overrides --env (env BTALK_BASE_URL)')
    .option(ROOT_FLAGS.sandbox, 'use the embedded emulator and its demo account (env BTALK_SANDBOX=1)')
    .option(ROOT_FLAGS.debug, 'one redacted stderr line per HTTP request; the wizard writes them to a log file it names when it exits (env BTALK_DEBUG=1)')
    .option(ROOT_FLAGS.debugFile, 'append the debug lines to this file instead (implies --debug; env BTALK_DEBUG_FILE)')
    .option(ROOT_FLAGS.json, 'machine-readable output on stdout')
    .option(ROOT_FLAGS.accessible, 'the wizard as plain line-by-line prompts for screen readers: no redraws, no colour (env BTALK_ACCESSIBLE=1 or INK_SCREEN_READER=true)')
    .option(ROOT_FLAGS.timeout, 'the most one API read may take, retries and pauses included (default 30; env BTALK_TIMEOUT)')
    .option(ROOT_FLAGS.orderTimeout, 'the most the order POST may take (default 60; env BTALK_ORDER_TIMEOUT)')
    // The answers, for the wizard and for `btalk order` alike (read from here by both: a root
    // option takes its value wherever it appears on the line).
    .option(ROOT_FLAGS.customer, 'answer: customer code (wizard and order; env BTALK_CUSTOMER); voicesites: that customer\'s sites')
    .option(ROOT_FLAGS.vpn, 'answer: VPN id, code or exact name (env BTALK_VPN); voicesites: that VPN\'s sites')
    .option(ROOT_FLAGS.country, 'answer: ISO code (FR) or name in English or French (env BTALK_COUNTRY); voicesites: that country\'s sites')
    .option(ROOT_FLAGS.siteName, 'answer: technical site name (env BTALK_SITE_NAME)')
    .option(ROOT_FLAGS.label, 'answer: customer site label (env BTALK_LABEL)')
    .option(ROOT_FLAGS.reference, 'answer: your order reference (env BTALK_REFERENCE)')
    .configureHelp({showGlobalOptions: true})
    .showHelpAfterError('(run "btalk --help" for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => runtime.stdout.write(s),
      writeErr: (s) => runtime.stderr.write(s),
    });

  const globals = (): GlobalOptions => withEnvDefaults(program.opts<GlobalOptions>(), runtime.env);
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
  let loaded: Promise<Services> | undefined;
  const services = () =>
    (loaded ??= import('./services.js').then((m) => m.realServices(runtime, {debugLine: (line) => debug.line(line), debugging: () => globals().debug === true})));
  const sessions: SessionFactory = {
    open: async (options) => (await services()).sessions.open(options),
    loaded: async () => {
      await services();
    },
  };
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
  registerStatus(program, ctx, services);
  registerLogout(program, ctx);
  registerOrder(program, ctx);
  registerVoicesites(program, ctx);
  registerSandbox(program, ctx);
  registerHistory(program, ctx, async () => (await services()).journal);
  registerProfiles(program, ctx, services);
  registerDoctor(program, ctx, services);
  registerCompletion(program, ctx, async () => (await services()).config);

  // The wizard is the root action, so a mistyped command would otherwise read as "too many
  // arguments". Set after the subcommands are registered: they keep refusing extra arguments.
  program.allowExcessArguments(true);
  // Commander adds `help [command]` only to a program without an action of its own; the wizard
  // is btalk's, so without this `btalk help order` was refused as an unknown command.
  program.helpCommand(true);
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
