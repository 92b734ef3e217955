/**
 * The wizard: picks the screen for the flow state and wires its callbacks to facts for the
 * reducer. The flow (its store and runner) is started before, by flow/start.ts; screens only get
 * props.
 */
import {Box, useStdout} from 'ink';
import React, {useEffect, useMemo, useState, useSyncExternalStore} from 'react';
import type {Action} from '../flow/actions.js';
import type {StartedFlow} from '../flow/start.js';
import {systemTimers, type Timers} from '../timers.js';
import {CompletedSteps, completedLines} from './components/completed-steps.js';
import {Header, HEADER_LINES} from './components/header.js';
import {BusyProvider} from './components/busy.js';
import {wrappedLines} from './wrapped-lines.js';
import {completedSteps} from './completed.js';
import {CurrentScreen} from './current-screen.js';
import {ThemeProvider, useTheme} from './theme.js';
import type {WizardDeps, WizardExit} from './wizard-deps.js';
import {useKeys} from './use-keys.js';
import {CTRL_C} from './key-paced-stdin.js';
import {Text} from './components/text.js';

export interface AppProps extends WizardDeps {
  onExit: (exit: WizardExit) => void;
  /**
   * The flow, started before Ink loaded (flow/start.ts, with the answers given up front): the
   * wizard shows its store and leaves its runner to whoever started it.
   */
  flow: Pick<StartedFlow, 'store'>;
}

export function App(props: AppProps): React.JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <Wizard {...props} />
    </ThemeProvider>
  );
}

/** Erase the visible screen from its top-left corner (not the scrollback: no ESC[3J, no ESC[2J). */
const CLEAR_VISIBLE = '\u001B[H\u001B[J';

/** How long after the last resize the screen is drawn again whole: a dragged window sends many, each cancelling the last. */
const REDRAW_AFTER_RESIZE_MS = 60;

/**
 * The terminal's size, followed as it changes, with the screen drawn whole after each change. Ink
 * 6 alone redraws a resize only in part: it clears its frame only when the width shrinks, and
 * then by a count of lines the terminal has already re-wrapped, so pieces of the old frame stay
 * (and React never hears of the new size). Here the wizard renders for the new size, and once
 * that frame is drawn the visible screen is cleared through Ink, which draws the frame again
 * from the top-left corner: nothing of an older frame is left.
 */
function useTerminalSize(stdout: NodeJS.WriteStream, write: (data: string) => void, timers: Timers): {rows: number | undefined; columns: number | undefined} {
  const [size, setSize] = useState(() => ({rows: stdout.rows, columns: stdout.columns, changes: 0}));
  useEffect(() => {
    const resized = () => setSize((old) => ({rows: stdout.rows, columns: stdout.columns, changes: old.changes + 1}));
    stdout.on('resize', resized);
    return () => {
      stdout.off('resize', resized);
    };
  }, [stdout]);
  // After React rendered for the new size and Ink's throttle (17 ms, run-wizard.tsx) let that frame out.
  useEffect(() => {
    if (size.changes === 0) return;
    return timers.after(REDRAW_AFTER_RESIZE_MS, () => write(CLEAR_VISIBLE));
  }, [size.changes, write, timers]);
  return size;
}

function Wizard(props: AppProps): React.JSX.Element {
  const {session, onExit} = props;
  const {store} = props.flow;
  const theme = useTheme();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const dispatch = (action: Action) => store.dispatch(action);
  const {stdout, write} = useStdout();
  const size = useTerminalSize(stdout, write, props.timers ?? systemTimers);
  const rows = size.rows && size.rows > 0 ? size.rows : 24;
  const columns = size.columns && size.columns > 0 ? size.columns : 80;

  useEffect(() => props.onInterrupt?.((signal) => store.dispatch({type: 'interrupted', signal})), [store, props.onInterrupt]);

  const exit = state.screen.kind === 'exit' ? state.screen : undefined;
  useEffect(() => {
    if (exit) onExit({code: exit.code, reason: exit.reason, stream: exit.stream, ...(exit.summary ? {summary: exit.summary} : {})});
  }, [exit, onExit]);

  // Ctrl+C belongs to no screen: it works everywhere, including while submitting. It takes no
  // other key, so keys typed during a wait go on to the screen that comes next.
  useKeys(
    (input, key) => {
      if (key.ctrl && input === 'c') dispatch({type: 'interrupted', signal: 'SIGINT'});
    },
    {keys: [CTRL_C]},
  );

  const timers = props.timers ?? systemTimers;
  const busy = useMemo(() => ({clock: props.clock, timers, lastWait: state.lastWait}), [props.clock, timers, state.lastWait]);
  const steps = completedSteps(state);
  const width = Math.min(columns, 100);
  const stepLines = completedLines(steps, width);
  // What the screen below may take: the frame stays shorter than the terminal (the cursor's line
  // below it), or Ink clears the whole terminal, scrollback included, on every render.
  const height = Math.max(4, rows - 1 - HEADER_LINES - stepLines - (state.notice ? wrappedLines(state.notice, width) : 0));
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
      <Box flexDirection="column" width={width}>
        <Header info={info} />
        <CompletedSteps steps={steps} />
        <CurrentScreen
          state={state}
          dispatch={dispatch}
          rows={Math.max(3, rows - 12 - Math.max(0, stepLines - 1))}
          height={height}
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
