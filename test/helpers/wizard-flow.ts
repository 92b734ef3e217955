/**
 * The wizard's flow for tests that render <App> themselves, started as btalk starts it: by
 * flow/start.ts, before Ink renders (commands/wizard.tsx), the App then showing its store. It is
 * stopped when the test ends, as btalk stops it once the wizard is done.
 */
import {onTestFinished} from 'vitest';
import {startFlow, type FlowSession, type StartedFlow} from '../../src/flow/start.js';
import type {GivenAnswers} from '../../src/flow/given.js';
import type {RecheckSettings} from '../../src/order/place-order.js';
import {systemTimers, type Timers} from '../../src/timers.js';

export interface TestFlowOptions {
  /** Epoch milliseconds, as the App's own clock (default Date.now). */
  clock?: () => number;
  /** What the prefetch delays wait on (default systemTimers, as btalk's runtime). */
  timers?: Timers;
  /** The re-check window after an unknown order outcome (default 2 minutes, as btalk's). */
  recheck?: RecheckSettings;
  /** Answers given up front (--vpn, --country...), as commands/wizard.tsx passes them. */
  given?: GivenAnswers;
}

export function startTestFlow(session: FlowSession, options: TestFlowOptions = {}): StartedFlow {
  const flow = startFlow(session, {timers: options.timers ?? systemTimers, clock: options.clock ?? Date.now, recheck: options.recheck, ...(options.given ? {given: options.given} : {})});
  onTestFinished(() => flow.stop());
  return flow;
}
