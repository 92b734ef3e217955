/** `btalk doctor`: checks everything btalk needs on this machine, one line each (src/doctor/doctor.ts). */
import type {Command} from 'commander';
import type {ConfigStore} from '../config/config-store.js';
import {EXIT_CODES} from '../errors.js';
import {terminalSafeJson} from '../text/terminal-safe.js';
import type {SecretStore} from '../secrets/types.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';

export function registerDoctor(program: Command, ctx: CommandContext, deps: () => Promise<{config: ConfigStore; keychain: () => SecretStore}>): void {
  program
    .command('doctor')
    .description('Check Node.js, config, profile, proxy, network, TLS, clock, keychain, token and rights, one line each')
    .addHelpText(
      'after',
      `
Each line is ✓ (fine), ✗ (with the fix on the next line) or – (not checked: it needs a check that
failed). Every check has a deadline of a few seconds. Exit code 0 when nothing failed, 1 otherwise.

Examples:
  $ btalk doctor
  $ btalk doctor --profile prod
  $ HTTPS_PROXY=http://proxy.corp:3128 btalk doctor
  $ btalk doctor --sandbox --json | jq '.checks[] | select(.status == "fail")'`,
    )
    .action(async () => {
      const globals = ctx.globals();
      const {runtime} = ctx;
      const code = await runCommand(runtime, globals, async () => {
        const [{doctorLine, runDoctor}, {config, keychain}] = await Promise.all([import('../doctor/doctor.js'), deps()]);
        const results = await runDoctor(
          {runtime, sessions: ctx.sessions, globals, config, keychain},
          globals.json ? undefined : (r) => runtime.stdout.write(doctorLine(r).join('\n') + '\n'),
        );
        const failed = results.filter((r) => r.status === 'fail');
        if (globals.json) runtime.stdout.write(terminalSafeJson({ok: failed.length === 0, checks: results}) + '\n');
        else runtime.stderr.write(failed.length === 0 ? 'Everything btalk needs works here.\n' : `${failed.length} check${failed.length === 1 ? '' : 's'} failed: see the Fix lines above.\n`);
        return failed.length === 0 ? EXIT_CODES.ok : EXIT_CODES.error;
      });
      ctx.setExitCode(code);
    });
}
