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
import {keychainReason} from '../secrets/keychain-errors.js';
import {proveCredentials, READONLY_WARNING, type Proof} from '../secrets/prove-credentials.js';
import type {Session} from '../session-types.js';
import {keyPacedStdin} from '../ui/key-paced-stdin.js';
import {CredentialsForm} from '../ui/screens/credentials.js';
import {ThemeProvider, themeFor, useTheme} from '../ui/theme.js';
import {loginResult, notSavedError, rightsText, type LoginResult} from './login-result.js';

export type LoginOutcome = {ok: true; result: LoginResult} | {ok: false; error: BtalkError};

/** Renders the form in the terminal until the credentials are saved, or the person gives up. */
export async function interactiveLogin(runtime: Runtime, session: Session, initial: Partial<Credentials>): Promise<LoginResult> {
  let outcome: LoginOutcome | undefined;
  // One key at a time, as in the wizard: a pasted secret followed by Enter, or keys typed over a
  // slow SSH link, arrive in one read and would otherwise reach the form as one unknown key.
  const stdin = keyPacedStdin(runtime.stdin);
  const app = render(
    <ThemeProvider theme={themeFor(runtime.env)}>
      <LoginFlow
        session={session}
        initial={initial}
        platform={runtime.platform}
        onFinish={(o) => {
          outcome = o;
          app.unmount();
        }}
      />
    </ThemeProvider>,
    {
      stdin: stdin as unknown as NodeJS.ReadStream,
      stdout: runtime.stdout as NodeJS.WriteStream,
      stderr: runtime.stderr as NodeJS.WriteStream,
      exitOnCtrlC: true,
      patchConsole: false,
    },
  );
  try {
    await app.waitUntilExit();
  } finally {
    // Stop reading the terminal, or the process would wait for keys after the form is gone.
    stdin.dispose();
  }
  const done = outcome as LoginOutcome | undefined;
  if (done === undefined) throw new BtalkError('cancelled', 'Login interrupted; nothing was saved.');
  if (!done.ok) throw done.error;
  return done.result;
}

type Phase =
  | {name: 'form'; error?: BtalkError}
  | {name: 'checking'}
  | {name: 'saving'; proof: Proof}
  | {name: 'done'; result: LoginResult}
  /** Proven, but the keychain would not take them: the error is printed once the form is gone. */
  | {name: 'not-saved'; proof: Proof; error: BtalkError};

export interface LoginFlowProps {
  session: Session;
  initial?: Partial<Credentials>;
  onFinish: (outcome: LoginOutcome) => void;
  /** For the way to get a keychain named when saving fails; defaults to Linux, btalk's usual host. */
  platform?: NodeJS.Platform;
}

/** The form, then the check and the save, each with its own look. */
export function LoginFlow({session, initial, onFinish, platform = 'linux'}: LoginFlowProps): React.JSX.Element {
  const [phase, setPhase] = useState<Phase>({name: 'form'});
  const theme = useTheme();

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
        const error = toBtalkError(thrown);
        if (error.kind === 'keychain') setPhase({name: 'not-saved', proof, error: notSavedError(proof, error, platform)});
        else onFinish({ok: false, error});
      }
    })();
  };

  useEffect(() => {
    if (phase.name === 'done') onFinish({ok: true, result: phase.result});
    if (phase.name === 'not-saved') onFinish({ok: false, error: phase.error});
  }, [phase]);

  const target = `profile "${session.profile}" · ${session.environment.name} (${session.environment.baseUrl})`;
  if (phase.name === 'done') {
    const r = phase.result;
    return (
      <Box flexDirection="column">
        <Text color={theme.success}>{`✓ Credentials work: rights profile "${r.rightsProfile}" (${r.canOrder ? 'can order' : 'read-only'})`}</Text>
        {r.canOrder ? null : <Text color={theme.warning}>{`⚠ ${READONLY_WARNING}`}</Text>}
        <Text color={theme.success}>{`✓ ${r.savedIn === 'keychain' ? 'Saved in the OS keychain' : 'Kept in memory (sandbox)'} for ${target}`}</Text>
      </Box>
    );
  }
  if (phase.name === 'not-saved') {
    // The full error, with the way to use these credentials anyway, follows on stderr.
    return (
      <Box flexDirection="column">
        <Text color={theme.success}>{`✓ Credentials work: ${rightsText(phase.proof)}`}</Text>
        <Text color={theme.danger}>{`✗ Not saved: no usable OS keychain for ${target}`}</Text>
      </Box>
    );
  }
  const notice = session.keychainProblem ? `No OS keychain (${keychainReason(session.keychainProblem)}): the credentials can be checked, not saved.` : undefined;
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
        notice={notice}
      />
    </Box>
  );
}
