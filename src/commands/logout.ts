/**
 * `btalk logout`: removes the profile's secrets and cached token from the OS keychain (and its
 * entry in the config file). Succeeds when there was nothing to remove, and says so.
 */
import type {Command} from 'commander';
import {credentialsFromEnv, CREDENTIAL_ENV_VARS} from '../secrets/env-credentials.js';
import type {Credentials} from '../api/types.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';
import {terminalSafeJson} from '../text/terminal-safe.js';

export function registerLogout(program: Command, ctx: CommandContext): void {
  program
    .command('logout')
    .description("Remove the profile's secrets and cached access token from the OS keychain")
    .addHelpText(
      'after',
      `
Removes the client id, client secret, API key and cached token of the profile, and the profile's
entry in the config file. Environment variables (BTALK_CLIENT_ID, ...) are not touched.

Examples:
  $ btalk logout
  $ btalk logout --profile prod`,
    )
    .action(async () => {
      const globals = ctx.globals();
      ctx.setExitCode(await runCommand(ctx.runtime, globals, () => logout(ctx)));
    });
}

export async function logout(ctx: CommandContext): Promise<number> {
  const globals = ctx.globals();
  const session = await ctx.sessions.open(globals);
  try {
    const removed = await session.forget();
    const stillSet = (Object.keys(CREDENTIAL_ENV_VARS) as Array<keyof Credentials>)
      .filter((k) => credentialsFromEnv(ctx.runtime.env)[k] !== undefined)
      .map((k) => CREDENTIAL_ENV_VARS[k]);
    const store = session.emulated ? 'memory (sandbox)' : 'the OS keychain';
    if (globals.json) {
      ctx.runtime.stdout.write(terminalSafeJson({ok: true, profile: session.profile, removed, environmentVariablesStillSet: stillSet}) + '\n');
    } else if (removed.length === 0) {
      ctx.runtime.stdout.write(`Nothing to remove: profile "${session.profile}" had no secrets in ${store}.\n`);
    } else {
      ctx.runtime.stdout.write(`Logged out: removed ${removed.join(', ')} from ${store}.\n`);
    }
    if (stillSet.length > 0 && !globals.json) {
      ctx.runtime.stderr.write(`Note: ${stillSet.join(', ')} ${stillSet.length === 1 ? 'is' : 'are'} still set in this shell; btalk keeps using ${stillSet.length === 1 ? 'it' : 'them'} (unset to stop).\n`);
    }
    return 0;
  } finally {
    await session.close();
  }
}
