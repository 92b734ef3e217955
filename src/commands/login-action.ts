/**
 * What `btalk login` does (loaded by its action): the form in a terminal, else the environment or
 * standard input; the secrets are proven (token + GET /me) before anything is saved.
 */
import type {Credentials} from '../api/types.js';
import {BtalkError, toBtalkError} from '../errors.js';
import {credentialProblems, CREDENTIAL_ENV_VARS, credentialsFromEnv} from '../secrets/env-credentials.js';
import {proveCredentials, READONLY_WARNING} from '../secrets/prove-credentials.js';
import {AUTHORIZATION_ENV_VAR} from '../secrets/basic-header.js';
import {credentialsFromAuthorization, parseCredentialLines, readAll, type ReadCredentials} from '../secrets/stdin-credentials.js';
import type {Session} from '../session-types.js';
import type {CommandContext} from './context.js';
import {loginResult, notSavedError, type LoginResult} from './login-result.js';
import {terminalSafe, terminalSafeJson} from '../text/terminal-safe.js';

export async function login(ctx: CommandContext): Promise<number> {
  const globals = ctx.globals();
  const session = await ctx.sessions.open(globals);
  try {
    const result = ctx.runtime.interactive && !globals.json ? await formLogin(ctx, session, globals.accessible ?? false) : await plainLogin(ctx, session);
    if (globals.json) ctx.runtime.stdout.write(terminalSafeJson({ok: true, ...result}) + '\n');
    return 0;
  } finally {
    await session.close();
  }
}

async function plainLogin(ctx: CommandContext, session: Session): Promise<LoginResult> {
  const {runtime} = ctx;
  const fromEnvHeader = credentialsFromAuthorization(runtime.env[AUTHORIZATION_ENV_VAR]);
  let given: ReadCredentials = {...fromEnvHeader, ...credentialsFromEnv(runtime.env)};
  const complete = (c: Partial<Credentials>) => Boolean(c.clientId && c.clientSecret && c.apiKey);
  if (!complete(given)) {
    if (runtime.stdin.isTTY) {
      // stdin is a terminal but stdout is not: a prompt nobody sees would look like a hang.
      throw new BtalkError('usage', 'btalk login needs a terminal for its form, or the secrets from the environment or standard input.', {
        hint: `Set ${Object.values(CREDENTIAL_ENV_VARS).join(', ')}, or pipe three lines (client id, client secret, API key) into btalk login.`,
      });
    }
    // What is piped in wins over the environment: it is the more deliberate of the two.
    const open = (Object.keys(CREDENTIAL_ENV_VARS) as Array<keyof Credentials>).filter((k) => !given[k]);
    given = {...given, ...parseCredentialLines(await readAll(runtime.stdin), open)};
  }
  if (given.fromHeader && given.clientId) {
    runtime.stderr.write(`The Authorization value holds client id "${terminalSafe(given.clientId)}".\n`);
  }
  delete given.fromHeader;
  const missing = (Object.keys(CREDENTIAL_ENV_VARS) as Array<keyof Credentials>).filter((k) => !given[k]);
  if (missing.length > 0) {
    throw new BtalkError('usage', `Missing ${missing.map((k) => CREDENTIAL_ENV_VARS[k]).join(', ')}: nothing was saved.`, {
      hint: 'Pipe three lines (client id, client secret, API key) into btalk login, or set the environment variables.',
    });
  }
  const credentials = given as Credentials;
  const problems = credentialProblems(credentials);
  if (Object.keys(problems).length > 0) {
    throw new BtalkError('usage', 'These credentials cannot be right; nothing was sent or saved.', {
      problems: Object.entries(problems).map(([field, message]) => ({field: CREDENTIAL_ENV_VARS[field as keyof Credentials], message: message!})),
    });
  }
  const proof = await proveCredentials(session.api(credentials));
  try {
    await session.saveCredentials(credentials, {fromEnvironment: true});
  } catch (thrown) {
    const error = toBtalkError(thrown);
    // No keychain (an SSH box): the check above still tells the person their credentials work.
    throw error.kind === 'keychain' ? notSavedError(proof, error, runtime.platform) : error;
  }
  const result = loginResult(session, proof);
  if (!proof.canOrder) runtime.stderr.write(`Warning: ${READONLY_WARNING}\n`);
  if (!ctx.globals().json) runtime.stdout.write(`${summaryLine(result)}\n`);
  return result;
}

function summaryLine(r: LoginResult): string {
  const where = r.savedIn === 'keychain' ? 'saved in the OS keychain' : 'kept in memory (sandbox)';
  return `Logged in: profile "${r.profile}", ${r.environment} (${terminalSafe(r.baseUrl)}), rights profile "${terminalSafe(r.rightsProfile)}" (${r.canOrder ? 'can order' : 'read-only'}); ${where}.`;
}

/**
 * The Ink form, loaded only now: Ink and React cost every other command ~0.5 s at start-up. In
 * accessible mode the same questions come as lines (src/accessible/login.ts), without Ink.
 */
async function formLogin(ctx: CommandContext, session: Session, accessible: boolean): Promise<LoginResult> {
  const initial = {...(session.credentials ? {clientId: session.credentials.clientId} : {}), ...credentialsFromEnv(ctx.runtime.env)};
  if (accessible) return (await import('../accessible/login.js')).accessibleLogin(ctx.runtime, session, initial);
  const {interactiveLogin} = await import('./login-form.js');
  return interactiveLogin(ctx.runtime, session, initial);
}
