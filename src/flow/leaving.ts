/**
 * How the wizard ends: q, Esc on the done screen, Cancel, or Ctrl+C. Each exit says what was and
 * was not ordered; the sites ordered earlier in the run are always listed, whatever ends it.
 */
import {canOrder} from '../api/schemas.js';
import {EXIT_CODES, errorLines, exitCodeFor, interruptedExitCode, interruptName, type BtalkError, type InterruptSignal} from '../errors.js';
import type {Writable} from 'node:stream';
import {terminalSafe} from '../text/terminal-safe.js';
import type {WizardState} from './state.js';

function exitState(state: WizardState, code: number, reason: string, stream: 'stdout' | 'stderr' = 'stderr'): WizardState {
  const earlier = state.ordered.map((o) => o.summary);
  // A reason on stderr is not the summary: the earlier orders' lines still go to stdout.
  const summary = stream === 'stderr' && earlier.length > 0 ? {summary: earlier} : {};
  return {...state, screen: {kind: 'exit', code, reason, stream, ...summary}};
}

/** "nothing was ordered", or "nothing more" once a site of this run was. */
function nothingOrdered(state: WizardState): string {
  return state.ordered.length > 0 ? 'nothing more was ordered' : 'nothing was ordered';
}

function orderNotDoneText(state: WizardState, error: BtalkError): string {
  const name = state.answers.site?.technicalSiteName ?? 'the site';
  return error.outcomeUnknown
    ? `The order for ${name} may have been created: run "btalk voicesites" and look for ${name} before ordering again.`
    : `The order for ${name} was not created.`;
}

/** Every site of the run, one line each: what stays printed after a run that ended well. */
function allOrdered(state: WizardState): WizardState {
  return exitState(state, EXIT_CODES.ok, state.ordered.map((o) => o.summary).join('\n'), 'stdout');
}

/**
 * Whether the order POST may be on its way (or its lost answer searched for): an interrupt then
 * waits for the outcome instead of leaving the person unsure whether the site was created.
 */
function orderMayBeOnItsWay(screen: WizardState['screen']): boolean {
  return screen.kind === 'submitting' && (screen.mode === 'send' || (screen.mode === 'resend' && screen.resent === true));
}

/** The outcome of an order interrupted on its way, once it is known: said, then the signal's exit code. */
export function interruptedOrderEnded(state: WizardState, outcome: {placed: {voiceSiteId: string; recovered: boolean}} | {error: BtalkError}): WizardState {
  const {screen} = state;
  if (screen.kind !== 'submitting' || !screen.interrupted) return state;
  const name = state.answers.site?.technicalSiteName ?? 'the site';
  const code = interruptedExitCode(screen.interrupted);
  const by = interruptName(screen.interrupted);
  if ('placed' in outcome) {
    const how = outcome.placed.recovered ? 'the order had gone through' : 'the order was delivered';
    // The voiceSiteId goes to stdout with the other sites of the run (state.ordered has it now).
    return exitState(state, code, `Interrupted (${by}) while the order for ${name} was on its way; waited for its answer: ${how}, voiceSiteId ${terminalSafe(outcome.placed.voiceSiteId)}.`);
  }
  const lines = errorLines(outcome.error).map((line) => line.text);
  return exitState(state, code, [`Interrupted (${by}) while the order for ${name} was on its way; waited for its answer:`, ...lines, orderNotDoneText(state, outcome.error)].join('\n'));
}

export function interrupted(state: WizardState, signal: InterruptSignal = 'SIGINT'): WizardState {
  const {screen} = state;
  const name = state.answers.site?.technicalSiteName ?? 'the site';
  switch (screen.kind) {
    case 'exit':
      return state;
    case 'done':
      return allOrdered(state);
    case 'submitting':
      // A second interrupt while waiting changes nothing: the answer is still awaited (as in `btalk order`).
      if (screen.interrupted) return state;
      if (orderMayBeOnItsWay(screen)) return {...state, screen: {...screen, interrupted: signal}};
      return exitState(
        state,
        EXIT_CODES.interrupted,
        `Interrupted while the order for ${name} was being sent: the order WAS sent and may have been created. Run "btalk voicesites" and look for ${name} before ordering again.`,
      );
    case 'order-failed':
      return exitState(state, EXIT_CODES.interrupted, `Interrupted. ${orderNotDoneText(state, screen.error)}`);
    default:
      return exitState(state, EXIT_CODES.interrupted, `Interrupted: ${nothingOrdered(state)}.`);
  }
}

export function quit(state: WizardState): WizardState {
  const {screen} = state;
  switch (screen.kind) {
    case 'done':
      return allOrdered(state);
    case 'order-failed':
      return exitState(state, exitCodeFor(screen.error), orderNotDoneText(state, screen.error));
    case 'submitting':
      return state;
    case 'access': {
      const me = state.data.me;
      if (me?.status === 'ready' && !canOrder(me.value)) {
        return exitState(state, EXIT_CODES.error, `The API key of this profile is read-only (rights profile "${me.value.rightsProfile}"): nothing was ordered.`);
      }
      if (me?.status === 'failed') return exitState(state, exitCodeFor(me.error), `${me.error.message} Nothing was ordered.`);
      return exitState(state, EXIT_CODES.interrupted, 'Cancelled: nothing was ordered.');
    }
    default:
      // Cancelling one more site after others were delivered is a choice, not a failure of the run.
      return exitState(state, state.ordered.length > 0 ? EXIT_CODES.ok : EXIT_CODES.interrupted, `Cancelled: ${nothingOrdered(state)}.`);
  }
}

/** How a run of the wizard ended: its exit screen, less the tag. */
export interface WizardEnding {
  code: number;
  reason: string;
  stream: 'stdout' | 'stderr';
  summary?: string[] | undefined;
}

/**
 * Leaves the ending printed once the wizard's UI is gone (the Ink wizard and the accessible
 * prompts alike): the sites ordered earlier in the run on stdout, then the reason on its stream.
 * Returns the exit code.
 */
export function writeEnding(ending: WizardEnding, streams: {stdout: Writable; stderr: Writable}): number {
  for (const line of ending.summary ?? []) streams.stdout.write(`${line}\n`);
  const stream = ending.stream === 'stdout' ? streams.stdout : streams.stderr;
  if (ending.reason) stream.write(`${ending.reason}\n`);
  return ending.code === 0 ? EXIT_CODES.ok : ending.code;
}
