/**
 * A spinner and what is being waited for. Past about 2 s the line counts the seconds ("Loading
 * VPNs of My Customer… 4 s", with the bound when there is one: "… 12 s, waiting up to 60 s"),
 * and a retry pause the API asked for during this wait is said under it ("The API asked to wait
 * 8.0 s (rate limited) before GET …; retrying at 14:02:11"). The seconds tick on the injected
 * Timers and clock (BusyProvider), so a test drives them by hand.
 */
import {Box} from 'ink';
import Spinner from 'ink-spinner';
import React, {createContext, useContext, useEffect, useState} from 'react';
import {waitLine, type WaitNotice} from '../../api/wait-notice.js';
import {systemTimers, type Timers} from '../../timers.js';
import {useTheme} from '../theme.js';
import {Text} from './text.js';

/** Seconds are shown from this much waiting on. */
export const SHOW_SECONDS_AFTER_MS = 2_000;

export interface BusyContextValue {
  /** Epoch ms. */
  clock: () => number;
  timers: Timers;
  /** The client's last retry pause (the wizard's state.lastWait). */
  lastWait?: WaitNotice | undefined;
}

const BusyContext = createContext<BusyContextValue>({clock: () => Date.now(), timers: systemTimers});

export function BusyProvider(props: {value: BusyContextValue; children: React.ReactNode}): React.JSX.Element {
  return <BusyContext.Provider value={props.value}>{props.children}</BusyContext.Provider>;
}

/** The clock's time, read again every second on `timers` while mounted. */
function useNow(clock: () => number, timers: Timers): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    let cancel = () => {};
    const tick = () => {
      setNow(clock());
      cancel = timers.after(1_000, tick);
    };
    cancel = timers.after(1_000, tick);
    return () => cancel();
  }, [clock, timers]);
  return now;
}

export interface BusyProps {
  /** What is awaited, ending with "…". */
  label: string;
  /** When the wait began (epoch ms); by default when this line first showed. */
  since?: number | undefined;
  /** The wait's bound, said with the seconds ("waiting up to 60 s"). */
  boundMs?: number | undefined;
}

export function Busy(props: BusyProps): React.JSX.Element {
  const theme = useTheme();
  const {clock, timers, lastWait} = useContext(BusyContext);
  const [shown] = useState(clock);
  const since = props.since ?? shown;
  const now = useNow(clock, timers);
  const elapsedMs = Math.max(0, now - since);
  const seconds = elapsedMs >= SHOW_SECONDS_AFTER_MS ? ` ${Math.floor(elapsedMs / 1000)} s${props.boundMs ? `, waiting up to ${Math.round(props.boundMs / 1000)} s` : ''}` : '';
  // Only a pause announced during this wait belongs on this line.
  const pause = lastWait && lastWait.until - lastWait.delayMs >= since ? lastWait : undefined;
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={theme.accent}>
          <Spinner type="dots" />
        </Text>
        <Text>{` ${props.label}${seconds}`}</Text>
      </Box>
      {pause ? <Text color={theme.warning}>{`  ${waitLine(pause)}`}</Text> : null}
    </Box>
  );
}
