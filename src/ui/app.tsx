/**
 * The wizard: picks the screen for the flow state and wires its callbacks to facts for the
 * reducer. The store and runner live here; screens only get props.
 */
import {Box, useStdout} from 'ink';
import React, {useEffect, useMemo, useState, useSyncExternalStore} from 'react';
import type {Action} from '../flow/actions.js';
import {startRunner} from '../flow/runner.js';
import {systemTimers} from '../timers.js';
import type {GivenAnswers} from '../flow/given.js';
import {initialState, type WizardState} from '../flow/state.js';
import {createWizardStore} from '../flow/store.js';
import {CompletedSteps} from './components/completed-steps.js';
import {Header} from './components/header.js';
import {BusyProvider} from './components/busy.js';
import {completedSteps} from './completed.js';
import {CurrentScreen} from './current-screen.js';
import {ThemeProvider, useTheme} from './theme.js';
import type {WizardDeps, WizardExit} from './wizard-deps.js';
import {useKeys} from './use-keys.js';
import {Text} from './components/text.js';

export interface AppProps extends WizardDeps {
  onExit: (exit: WizardExit) => void;
  /** Answers given up front (flags, variables), applied as each step comes (flow/given.ts). */
  given?: GivenAnswers | undefined;
  /** For tests: start from another state (e.g. a prefilled answer). */
  initial?: WizardState;
}

export function App(props: AppProps): React.JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <Wizard {...props} />
    </ThemeProvider>
  );
}

function Wizard(props: AppProps): React.JSX.Element {
  const {session, onExit} = props;
  const theme = useTheme();
  const [store] = useState(() => createWizardStore(props.initial ?? initialState(session.credentials, props.given)));
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const dispatch = (action: Action) => store.dispatch(action);
  const {stdout} = useStdout();
  const rows = stdout.rows && stdout.rows > 0 ? stdout.rows : 24;
  const columns = stdout.columns && stdout.columns > 0 ? stdout.columns : 80;

  useEffect(() => {
    const runner = startRunner(store, {
      api: (c, options) => session.api(c, options),
      clock: props.clock,
      saveCredentials: (c) => session.saveCredentials(c),
      ...(session.recordOrder ? {recordOrder: session.recordOrder} : {}),
      timers: props.timers ?? systemTimers,
      ...(props.recheck ? {recheck: props.recheck} : {}),
    });
    return () => runner.stop();
  }, [store, session, props.timers, props.recheck, props.clock]);

  useEffect(() => props.onInterrupt?.(() => store.dispatch({type: 'interrupted'})), [store, props.onInterrupt]);

  const exit = state.screen.kind === 'exit' ? state.screen : undefined;
  useEffect(() => {
    if (exit) onExit({code: exit.code, reason: exit.reason, stream: exit.stream, ...(exit.summary ? {summary: exit.summary} : {})});
  }, [exit, onExit]);

  // Ctrl+C belongs to no screen: it works everywhere, including while submitting.
  useKeys((input, key) => {
    if (key.ctrl && input === 'c') dispatch({type: 'interrupted'});
  });

  const timers = props.timers ?? systemTimers;
  const busy = useMemo(() => ({clock: props.clock, timers, lastWait: state.lastWait}), [props.clock, timers, state.lastWait]);
  const steps = completedSteps(state);
  const info = {
    profile: session.profile,
    environment: session.emulated ? `emulator ${new URL(session.environment.baseUrl).host}` : `${session.environment.name} ${session.environment.baseUrl}`,
    baseUrl: session.environment.baseUrl,
    sandbox: session.emulated,
  };
  // Once exited, nothing is left on screen but the line printed after (e.g. the voiceSiteId).
  if (exit) return <Text />;
  return (
    <BusyProvider value={busy}>
      <Box flexDirection="column" width={Math.min(columns, 100)}>
        <Header info={info} />
        <CompletedSteps steps={steps} />
        <CurrentScreen
          state={state}
          dispatch={dispatch}
          rows={Math.max(3, rows - 12 - steps.length)}
          columns={columns}
          now={new Date(props.clock())}
          session={session}
          orderTimeoutMs={props.orderTimeoutMs}
        />
        {state.notice ? <Text color={theme.warning}>{state.notice}</Text> : null}
      </Box>
    </BusyProvider>
  );
}
