/**
 * `btalk login`: takes the three secrets (the Ink form in a terminal; environment variables or
 * standard input otherwise, never argv), proves them (token + GET /me), shows the rights profile,
 * and only then saves them in the OS keychain for the profile. Nothing is saved when they fail.
 */
import type {Command} from 'commander';
import {Box, render, Text} from 'ink';
import React, {useEffect, useState} from 'react';
import type {Credentials} from '../api/types.js';
import {BtalkError, toBtalkError} from '../errors.js';
import {CREDENTIAL_ENV_VARS, credentialsFromEnv} from '../secrets/env-credentials.js';
import {proveCredentials, READONLY_WARNING, type Proof} from '../secrets/prove-credentials.js';
import {parseCredentialLines, readAll} from '../secrets/stdin-credentials.js';
import type {Session} from '../session-types.js';
import {credentialProblems, CredentialsForm} from '../ui/screens/credentials.js';
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
standard input: three lines (client id, client secret, API key) or KEY=VALUE lines, e.g.
  printf '%s\\n' "$ID" "$SECRET" "$KEY" | btalk login --profile prod --env orange
Secrets are never taken from the command line.`,
    )
    .action(async () => {
      const globals = ctx.globals();
      ctx.setExitCode(await runCommand(ctx.runtime, globals, () => login(ctx)));
    });
}

export interface LoginResult {
  profile: string;
  environment: string;
  baseUrl: string;
  rightsProfile: string;
  canOrder: boolean;
  savedIn: 'keychain' | 'memory';
}

export async function login(ctx: CommandContext): Promise<number> {
  const globals = ctx.globals();
  const session = await ctx.sessions.open(globals);
  try {
    const result = ctx.runtime.interactive && !globals.json ? await interactiveLogin(ctx, session) : await plainLogin(ctx, session);
    if (globals.json) ctx.runtime.stdout.write(JSON.stringify({ok: true, ...result}) + '\n');
    return 0;
  } finally {
    await session.close();
  }
}

function resultOf(session: Session, proof: Proof): LoginResult {
  return {
    profile: session.profile,
    environment: session.environment.name,
    baseUrl: session.environment.baseUrl,
    rightsProfile: proof.rightsProfile,
    canOrder: proof.canOrder,
    savedIn: session.sandbox ? 'memory' : 'keychain',
  };
}

async function plainLogin(ctx: CommandContext, session: Session): Promise<LoginResult> {
  const {runtime} = ctx;
  let given: Partial<Credentials> = credentialsFromEnv(runtime.env);
  const complete = (c: Partial<Credentials>) => Boolean(c.clientId && c.clientSecret && c.apiKey);
  if (!complete(given)) {
    if (runtime.stdin.isTTY) {
      // stdin is a terminal but stdout is not: a prompt nobody sees would look like a hang.
      throw new BtalkError('usage', 'btalk login needs a terminal for its form, or the secrets from the environment or standard input.', {
        hint: `Set ${Object.values(CREDENTIAL_ENV_VARS).join(', ')}, or pipe three lines (client id, client secret, API key) into btalk login.`,
      });
    }
    // What is piped in wins over the environment: it is the more deliberate of the two.
    given = {...given, ...parseCredentialLines(await readAll(runtime.stdin))};
  }
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
  await session.saveCredentials(credentials);
  const result = resultOf(session, proof);
  if (!proof.canOrder) runtime.stderr.write(`Warning: ${READONLY_WARNING}\n`);
  if (!ctx.globals().json) runtime.stdout.write(`${summaryLine(result)}\n`);
  return result;
}

function summaryLine(r: LoginResult): string {
  const where = r.savedIn === 'keychain' ? 'saved in the OS keychain' : 'kept in memory (sandbox)';
  return `Logged in: profile "${r.profile}", ${r.environment} (${r.baseUrl}), rights profile "${r.rightsProfile}" (${r.canOrder ? 'can order' : 'read-only'}); ${where}.`;
}

type Outcome = {ok: true; result: LoginResult} | {ok: false; error: BtalkError};

async function interactiveLogin(ctx: CommandContext, session: Session): Promise<LoginResult> {
  const {runtime} = ctx;
  let outcome: Outcome | undefined;
  const app = render(
    <LoginFlow
      session={session}
      initial={{...(session.credentials ? {clientId: session.credentials.clientId} : {}), ...credentialsFromEnv(runtime.env)}}
      onFinish={(o) => {
        outcome = o;
        app.unmount();
      }}
    />,
    {
      stdin: runtime.stdin as NodeJS.ReadStream,
      stdout: runtime.stdout as NodeJS.WriteStream,
      stderr: runtime.stderr as NodeJS.WriteStream,
      exitOnCtrlC: true,
      patchConsole: false,
    },
  );
  await app.waitUntilExit();
  const done = outcome as Outcome | undefined;
  if (done === undefined) throw new BtalkError('cancelled', 'Login interrupted; nothing was saved.');
  if (!done.ok) throw done.error;
  return done.result;
}

type Phase = {name: 'form'; error?: BtalkError} | {name: 'checking'} | {name: 'saving'; proof: Proof} | {name: 'done'; result: LoginResult};

export interface LoginFlowProps {
  session: Session;
  initial?: Partial<Credentials>;
  onFinish: (outcome: Outcome) => void;
}

/** The form, then the check and the save, each with its own look. */
export function LoginFlow({session, initial, onFinish}: LoginFlowProps): React.JSX.Element {
  const [phase, setPhase] = useState<Phase>({name: 'form'});

  const submit = (credentials: Credentials) => {
    setPhase({name: 'checking'});
    void (async () => {
      let proof: Proof;
      try {
        proof = await proveCredentials(session.api(credentials));
      } catch (thrown) {
        // Back to the form: the person can fix a field and try again, or Esc.
        setPhase({name: 'form', error: toBtalkError(thrown)});
        return;
      }
      setPhase({name: 'saving', proof});
      try {
        await session.saveCredentials(credentials);
        setPhase({name: 'done', result: resultOf(session, proof)});
      } catch (thrown) {
        onFinish({ok: false, error: toBtalkError(thrown)});
      }
    })();
  };

  useEffect(() => {
    if (phase.name === 'done') onFinish({ok: true, result: phase.result});
  }, [phase]);

  const target = `profile "${session.profile}" · ${session.environment.name} (${session.environment.baseUrl})`;
  if (phase.name === 'done') {
    const r = phase.result;
    return (
      <Box flexDirection="column">
        <Text color="green">{`✓ Credentials work: rights profile "${r.rightsProfile}" (${r.canOrder ? 'can order' : 'read-only'})`}</Text>
        {r.canOrder ? null : <Text color="yellow">{`⚠ ${READONLY_WARNING}`}</Text>}
        <Text color="green">{`✓ ${r.savedIn === 'keychain' ? 'Saved in the OS keychain' : 'Kept in memory (sandbox)'} for ${target}`}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text dimColor>{`Logging in: ${target}`}</Text>
      <CredentialsForm
        initial={initial}
        onSubmit={submit}
        onCancel={() => onFinish({ok: false, error: new BtalkError('cancelled', 'Login cancelled; nothing was saved.')})}
        error={phase.name === 'form' ? phase.error : undefined}
        busy={phase.name !== 'form'}
        busyLabel={phase.name === 'saving' ? 'Saving in the OS keychain…' : undefined}
      />
    </Box>
  );
}
