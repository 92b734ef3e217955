/**
 * The Ink half of `btalk login`: the credentials form, then the check and the save, each with its
 * own look. It lives apart from login.ts and is loaded with a dynamic import only when the form is
 * shown, so that every other btalk command (and login without a terminal) starts without Ink and
 * React.
 */
import {Box, render} from 'ink';
import React, {useEffect} from 'react';
import type {Credentials} from '../api/types.js';
import {BtalkError, toBtalkError} from '../errors.js';
import type {Runtime} from '../runtime.js';
import {rawStream} from '../text/guarded-stream.js';
import {keychainNotice, keychainReason} from '../secrets/keychain-errors.js';
import {proveCredentials, READONLY_WARNING} from '../secrets/prove-credentials.js';
import type {Session} from '../session-types.js';
import {keyPacedStdin} from '../ui/key-paced-stdin.js';
import {CredentialsForm} from '../ui/screens/credentials.js';
import {ThemeProvider, themeFor, useTheme} from '../ui/theme.js';
import {useStore} from '../ui/use-store.js';
import {loginEffect, loginFinished, loginReducer, loginState, type LoginAction} from './login-flow-state.js';
import {loginResult, notSavedError, rightsText, type LoginResult} from './login-result.js';
import {Text} from '../ui/components/text.js';

export type LoginOutcome = {ok: true; result: LoginResult} | {ok: false; error: BtalkError};

/** Renders the form in the terminal until the credentials are saved, or the person gives up. */
export async function interactiveLogin(runtime: Runtime, session: Session, initial: Partial<Credentials>): Promise<LoginResult> {
  let outcome: LoginOutcome | undefined;
  // One key at a time, as in the wizard: a pasted secret followed by Enter, or keys typed over a
  // slow SSH link, arrive in one read and would otherwise reach the form as one unknown key.
  // Keys typed while btalk loaded (held, not echoed, since cli.tsx's runsLoginForm) come first.
  const stdin = keyPacedStdin(runtime.stdin, runtime.earlyInput?.take());
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
      // Ink writes its own escape sequences; outside text in its frames is made safe by <Text>.
      stdout: rawStream(runtime.stdout) as NodeJS.WriteStream,
      stderr: rawStream(runtime.stderr) as NodeJS.WriteStream,
      exitOnCtrlC: true,
      patchConsole: false,
    },
  );
  // SIGTERM and SIGHUP end the form as Ctrl+C does (exit 143, 129): without a handler of btalk's
  // own, the key hold and Ink's exit hook each left the signal to the other, and the form stayed.
  const removeInterrupt = runtime.onInterrupt(() => app.unmount());
  try {
    await app.waitUntilExit();
  } finally {
    removeInterrupt();
    // Stop reading the terminal, or the process would wait for keys after the form is gone.
    stdin.dispose();
  }
  const done = outcome as LoginOutcome | undefined;
  if (done === undefined) throw new BtalkError('cancelled', 'Login interrupted; nothing was saved.');
  if (!done.ok) throw done.error;
  return done.result;
}

export interface LoginFlowProps {
  session: Session;
  initial?: Partial<Credentials>;
  onFinish: (outcome: LoginOutcome) => void;
  /** For the way to get a keychain named when saving fails; defaults to Linux, btalk's usual host. */
  platform?: NodeJS.Platform;
}

/** The form, then the check and the save, each with its own look (states in login-flow-state.ts). */
export function LoginFlow({session, initial, onFinish, platform = 'linux'}: LoginFlowProps): React.JSX.Element {
  const [state, dispatch] = useStore(loginReducer, () => loginState(platform));
  const {phase} = state;
  const theme = useTheme();

  // The one runner: does what the phase asks and reports the outcome as a fact.
  const effect = loginEffect(state);
  useEffect(() => {
    if (!effect) return;
    let stale = false;
    const report = (action: LoginAction) => {
      if (!stale) dispatch(action);
    };
    if (effect.type === 'prove') {
      proveCredentials(session.api(effect.credentials)).then(
        (proof) => report({type: 'proven', proof}),
        (thrown: unknown) => report({type: 'proof-failed', error: toBtalkError(thrown)}),
      );
    } else {
      session.saveCredentials(effect.credentials).then(
        () => report({type: 'saved'}),
        (thrown: unknown) => report({type: 'save-failed', error: toBtalkError(thrown)}),
      );
    }
    return () => {
      stale = true;
    };
    // One run per phase: the phase object changes exactly when there is new work.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase]);

  const finished = loginFinished(state);
  useEffect(() => {
    if (!finished) return;
    onFinish(finished.ok ? {ok: true, result: loginResult(session, finished.proof)} : {ok: false, error: finished.error});
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase]);

  const target = `profile "${session.profile}" · ${session.environment.name} (${session.environment.baseUrl})`;
  if (phase.name === 'saved') {
    const r = loginResult(session, phase.proof);
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
        <Text color={theme.danger}>{`✗ Not saved: no usable OS keychain (${keychainReason(phase.error)}) for ${target}`}</Text>
      </Box>
    );
  }
  const notice = session.keychainProblem ? keychainNotice(session.keychainProblem, 'the credentials can be checked, not saved') : undefined;
  return (
    <Box flexDirection="column">
      <Text dimColor>{`Logging in: ${target}`}</Text>
      <CredentialsForm
        initial={initial}
        onSubmit={(credentials) => dispatch({type: 'credentials-entered', credentials})}
        onCancel={() => dispatch({type: 'cancelled', error: new BtalkError('cancelled', 'Login cancelled; nothing was saved.')})}
        error={phase.name === 'form' ? phase.error : undefined}
        busy={phase.name === 'checking' || phase.name === 'saving'}
        busyLabel={phase.name === 'saving' ? 'Saving in the OS keychain…' : undefined}
        notice={notice}
      />
    </Box>
  );
}
