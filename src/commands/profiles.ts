/**
 * `btalk profiles` (and `btalk status --all`): every profile at a glance, as `gh auth status` and
 * `aws configure list-profiles` show them: its environment or base URL, where each secret lives
 * (keychain or missing, never the value), the customer it last ordered for and when it was last
 * used. `--check` also proves every profile (token + GET /me), all at once.
 */
import type {Command} from 'commander';
import type {CommandContext} from './context.js';
import type {ProfilesDeps} from './profiles-action.js';
import {runCommand} from './run.js';

const EXAMPLES = `
Secrets are never shown: only where each lives (keychain or missing). "Last use" is the last login
or order of the profile; "last customer" the customer it last ordered for.
Exit codes with --check: 0 every profile works, 4 some are missing or rejected, 1 a check could
not be made.

Examples:
  $ btalk profiles
  $ btalk profiles --check
  $ btalk profiles --json | jq -r '.[].profile'
  $ btalk status --all                  # the same as btalk profiles --check`;

export function registerProfiles(program: Command, ctx: CommandContext, deps: () => Promise<ProfilesDeps>): void {
  program
    .command('profiles')
    .description('List every profile: environment, where its secrets live, last customer and use')
    .option('--check', 'also prove each profile (token + GET /me), in parallel')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: {check?: boolean}) => {
      const globals = ctx.globals();
      ctx.setExitCode(await runCommand(ctx.runtime, globals, async () => (await import('./profiles-action.js')).profiles(ctx, await deps(), {check: flags.check === true})));
    });
}
