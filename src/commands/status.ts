/**
 * `btalk status`: which profile and environment, where each secret comes from, and whether they
 * work (token + GET /me). Exit 0 when usable, 4 when missing or rejected, 1 when the check could
 * not be made (network, keychain). Never prints a secret: at most the last 4 characters of the key.
 */
import type {Command} from 'commander';
import type {CommandContext} from './context.js';
import type {ProfilesDeps} from './profiles-action.js';
import {runCommand} from './run.js';

export function registerStatus(program: Command, ctx: CommandContext, all?: () => Promise<ProfilesDeps>): void {
  const command = program
    .command('status')
    .description('Show the profile, its environment, where each secret comes from and whether they work')
    .addHelpText(
      'after',
      `
It asks for a token and calls GET /me; it never prints a secret (at most the API key's last 4
characters). Exit codes: 0 usable, 4 missing or rejected, 1 the check could not be made.

Examples:
  $ btalk status
  $ btalk status --profile prod --json | jq .check
  $ btalk status || btalk login                     # log in only when needed
  $ btalk status --all                              # every profile, each one checked`,
    );
  if (all) command.option('--all', 'every profile, each checked (the same as btalk profiles --check)');
  command.action(async (flags: {all?: boolean}) => {
    const globals = ctx.globals();
    ctx.setExitCode(
      await runCommand(ctx.runtime, globals, async () => {
        if (flags.all && all) return (await import('./profiles-action.js')).profiles(ctx, await all(), {check: true});
        return (await import('./status-action.js')).status(ctx);
      }),
    );
  });
}
