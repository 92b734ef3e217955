/**
 * `btalk login`: takes the three secrets (the Ink form in a terminal; environment variables or
 * standard input otherwise, never argv), proves them (token + GET /me), shows the rights profile,
 * and only then saves them in the OS keychain for the profile. Nothing is saved when they fail.
 */
import type {Command} from 'commander';
import {AUTHORIZATION_ENV_VAR} from '../secrets/basic-header.js';
import {CREDENTIAL_ENV_VARS} from '../secrets/env-credentials.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';

export function registerLogin(program: Command, ctx: CommandContext): void {
  program
    .command('login')
    .description('Check credentials (token + GET /me) and save them in the OS keychain for a profile')
    .addHelpText(
      'after',
      `
In a terminal a form asks for the client id, client secret and API key.
Without one, btalk reads them from ${Object.values(CREDENTIAL_ENV_VARS).join(', ')}, or from
standard input: three lines (client id, client secret, API key) or KEY=VALUE lines.
The "Authorization: Basic ..." value of the MyApps page may stand for the client id and secret:
paste it in the form's Client ID field, give it as ${AUTHORIZATION_ENV_VAR}, or as the first of
two lines on standard input (then the API key).
Secrets are never taken from the command line. Exit codes: 0 saved, 2 missing or malformed
secrets, 4 rejected by the API (nothing saved), 1 keychain or network trouble. Without a usable
keychain the credentials are still checked, then btalk login exits 1 saying whether they work;
working credentials can be used without a keychain through the environment variables above.

Examples:
  $ btalk login                                     # the form, for the default profile
  $ btalk login --profile prod --env orange         # a profile bound to Orange production
  $ printf '%s\\n' "$ID" "$SECRET" "$KEY" | btalk login --profile lab --base-url https://lab.example/btalk/v1
  $ btalk login --profile local --base-url http://127.0.0.1:8080/btalk/beta/v1 < creds.txt
  $ printf '%s\\n' "Basic $BASIC" "$KEY" | btalk login --profile prod --env orange`,
    )
    .action(async () => {
      const globals = ctx.globals();
      ctx.setExitCode(await runCommand(ctx.runtime, globals, async () => (await import('./login-action.js')).login(ctx)));
    });
}
