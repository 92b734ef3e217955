/**
 * The wizard's flow, started: its store and the runner that does what each state asks. The Ink
 * wizard starts it as soon as its session is open, before Ink has loaded (commands/wizard.tsx):
 * the reads started ahead then go through the flow while Ink loads, and Ink's first frame is the
 * screen they lead to (the VPN list, say) instead of each screen on the way being rendered in
 * turn after it. Nothing here waits for a key, so no order can be sent before a screen takes keys.
 */
import type {BusinessTalkApi, Credentials, WaitNotice} from '../api/types.js';
import type {RecordOrder} from '../journal/record.js';
import type {RecheckSettings} from '../order/place-order.js';
import type {Timers} from '../timers.js';
import type {GivenAnswers} from './given.js';
import {startRunner, type RunnerDeps} from './runner.js';
import {initialState} from './state.js';
import {createWizardStore, type WizardStore} from './store.js';

/** What the flow takes from a session (structurally, the UI's WizardSession). */
export interface FlowSession {
  credentials: Credentials | undefined;
  api(credentials: Credentials, options?: {onWait?: (notice: WaitNotice) => void}): BusinessTalkApi;
  saveCredentials(credentials: Credentials): Promise<void>;
  recordOrder?: RecordOrder | undefined;
}

export interface FlowOptions {
  timers: Timers;
  clock?: (() => number) | undefined;
  recheck?: RecheckSettings | undefined;
}

export interface StartedFlow {
  store: WizardStore;
  /** Stops the runner (its reads, its prefetch delays); the store keeps its last state. */
  stop(): void;
}

/** The runner's dependencies from a session. */
function runnerDepsFor(session: FlowSession, options: FlowOptions): RunnerDeps {
  return {
    api: (c, apiOptions) => session.api(c, apiOptions),
    ...(options.clock ? {clock: options.clock} : {}),
    saveCredentials: (c) => session.saveCredentials(c),
    ...(session.recordOrder ? {recordOrder: session.recordOrder} : {}),
    timers: options.timers,
    ...(options.recheck ? {recheck: options.recheck} : {}),
  };
}

export function startFlow(session: FlowSession, options: FlowOptions & {given?: GivenAnswers | undefined}): StartedFlow {
  const store = createWizardStore(initialState(session.credentials, options.given));
  const runner = startRunner(store, runnerDepsFor(session, options));
  return {store, stop: () => runner.stop()};
}
