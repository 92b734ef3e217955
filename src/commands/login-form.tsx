/**
 * The Ink half of `btalk login`: the credentials form, then the check and the save, each with its
 * own look. It lives apart from login.ts and is loaded with a dynamic import only when the form is
 * shown, so that every other btalk command (and login without a terminal) starts without Ink and
 * React.
 */
import {Box, render, Text} from 'ink';
import React, {useEffect, useState} from 'react';
import type {Credentials} from '../api/types.js';
import {BtalkError, toBtalkError} from '../errors.js';
import type {Runtime} from '../runtime.js';
import {proveCredentials, READONLY_WARNING, type Proof} from '../secrets/prove-credentials.js';
import type {Session} from '../session-types.js';
import {CredentialsForm} from '../ui/screens/credentials.js';
import {loginResult, type LoginResult} from './login-result.js';

export type LoginOutcome = {ok: true; result: LoginResult} | {ok: false; error: BtalkError};

/** Renders the form in the terminal until the credentials are saved, or the person gives up. */
export async function interactiveLogin(runtime: Runtime, session: Session, initial: Partial<Credentials>): Promise<LoginResult> {
  let outcome: LoginOutcome | undefined;
  const app = render(
    <LoginFlow
      session={session}
      initial={initial}
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
  const done = outcome as LoginOutcome | undefined;
  if (done === undefined) throw new BtalkError('cancelled', 'Login interrupted; nothing was saved.');
  if (!done.ok) throw done.error;
  return done.result;
}

type Phase = {name: 'form'; error?: BtalkError} | {name: 'checking'} | {name: 'saving'; proof: Proof} | {name: 'done'; result: LoginResult};

export interface LoginFlowProps {
  session: Session;
  initial?: Partial<Credentials>;
  onFinish: (outcome: LoginOutcome) => void;
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
        setPhase({name: 'done', result: loginResult(session, proof)});
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
