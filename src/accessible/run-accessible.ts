/**
 * Accessible mode (`--accessible`, BTALK_ACCESSIBLE=1, or Ink's INK_SCREEN_READER=true): the
 * wizard's flow (the same store, reducer and runner as the Ink wizard) driven by plain lines.
 * Every state change is said as sentences ending with a newline; nothing is redrawn, no cursor
 * moves, no spinner turns, no colour is written, and no meaning rests on a symbol or a position.
 * Questions are answered by typing a line, with the terminal's own line editing; "back", "quit"
 * and "help" work at every question. It ends with the same lines and exit codes as the wizard
 * (flow/leaving.ts). It loads no Ink and no React.
 */
import type {InterruptSignal} from '../errors.js';
import type {Action} from '../flow/actions.js';
import type {GivenAnswers} from '../flow/given.js';
import {writeEnding} from '../flow/leaving.js';
import {canGoBack} from '../flow/navigation.js';
import {startRunner} from '../flow/runner.js';
import {initialState, type Screen, type WizardAnswers, type WizardState} from '../flow/state.js';
import {createWizardStore, type WizardStore} from '../flow/store.js';
import type {RecheckSettings} from '../order/place-order.js';
import type {Runtime} from '../runtime.js';
import {terminalSafe, terminalSafeLines} from '../text/terminal-safe.js';
import type {WizardSession} from '../ui/wizard-deps.js';
import {credentialsTurn, siteTurn} from './forms.js';
import {lineInput, type LineInput} from './line-input.js';
import {answerSentences, waitEnded, waitFor, type Wait} from './narration.js';
import {accessTurn, countryTurn, customerTurn, doneTurn, orderFailedTurn, reviewTurn, vpnTurn} from './screens.js';
import type {Turn} from './turn.js';

export type AccessibleRuntime = Pick<Runtime, 'stdin' | 'stdout' | 'stderr' | 'clock' | 'timers' | 'onInterrupt'>;

export interface AccessibleOptions {
  /** Answers given up front (flags, variables), applied as each step comes (flow/given.ts). */
  given?: GivenAnswers | undefined;
  /** The re-check window after an unknown order outcome (default 2 minutes; tests shorten it). */
  recheck?: RecheckSettings;
  /** How often a long wait says it is still waiting. */
  stillWaitingMs?: number;
}

const STILL_WAITING_MS = 10_000;

function turnFor(screen: Screen): ((turn: Turn) => Promise<void>) | undefined {
  switch (screen.kind) {
    case 'credentials':
      return credentialsTurn;
    case 'access':
      return accessTurn;
    case 'customer':
      return customerTurn;
    case 'vpn':
      return vpnTurn;
    case 'country':
      return countryTurn;
    case 'site':
      return siteTurn;
    case 'review':
      return reviewTurn;
    case 'order-failed':
      return orderFailedTurn;
    case 'done':
      return doneTurn;
    case 'submitting':
    case 'exit':
      return undefined;
    default: {
      const never: never = screen;
      return never;
    }
  }
}

/** Resolves at the next state change, or after `ms` (false then). */
function nextChange(store: WizardStore, runtime: AccessibleRuntime, ms: number): Promise<boolean> {
  const seen = store.getState();
  return new Promise((resolve) => {
    let cancel: () => void = () => {};
    const unsubscribe = store.subscribe(() => {
      unsubscribe();
      cancel();
      resolve(true);
    });
    cancel = runtime.timers.after(ms, () => {
      unsubscribe();
      resolve(false);
    });
    if (store.getState() !== seen) {
      unsubscribe();
      cancel();
      resolve(true);
    }
  });
}

function untilExit(store: WizardStore): {done: Promise<void>; stop: () => void} {
  let stop: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    const check = () => {
      if (store.getState().screen.kind === 'exit') {
        stop();
        resolve();
      }
    };
    stop = store.subscribe(check);
    check();
  });
  return {done, stop};
}

/** One answer, with the words that work at every question handled here. */
async function readAnswer(store: WizardStore, input: LineInput, say: (line: string) => void, secret: boolean, onHelp: () => void): Promise<string | undefined> {
  const exit = untilExit(store);
  const line = await Promise.race([secret ? input.secret() : input.line(), exit.done.then(() => undefined)]);
  exit.stop();
  const state = store.getState();
  if (state.screen.kind === 'exit') {
    input.cancel();
    return undefined;
  }
  const dispatch = (action: Action) => store.dispatch(action);
  if (line === undefined) {
    say('End of input.');
    dispatch({type: 'quit-pressed'});
    // A step that quitting does not end (there is none today) must not read from a closed input forever.
    if (store.getState().screen.kind !== 'exit') dispatch({type: 'interrupted'});
    return undefined;
  }
  const word = line.trim().toLowerCase();
  if (word === 'quit') {
    dispatch({type: 'quit-pressed'});
    return undefined;
  }
  if (word === 'back') {
    if (canGoBack(state)) dispatch({type: 'back-pressed'});
    else say('There is no step to go back to from here.');
    return undefined;
  }
  if (word === 'help' || word === '?') {
    onHelp();
    return undefined;
  }
  return line;
}

export async function runAccessible(runtime: AccessibleRuntime, session: WizardSession, options: AccessibleOptions = {}): Promise<number> {
  const store = createWizardStore(initialState(session.credentials, options.given));
  const say = (...lines: string[]) => {
    for (const line of lines) runtime.stdout.write(`${line}\n`);
  };
  const interrupt = (signal?: InterruptSignal) => store.dispatch(signal === undefined ? {type: 'interrupted'} : {type: 'interrupted', signal});
  const input = lineInput(runtime.stdin, {onInterrupt: () => interrupt()});
  const offInterrupt = runtime.onInterrupt(interrupt);
  const runner = startRunner(store, {
    api: (c) => session.api(c),
    saveCredentials: (c) => session.saveCredentials(c),
    ...(session.recordOrder ? {recordOrder: session.recordOrder} : {}),
    timers: runtime.timers,
    ...(options.recheck ? {recheck: options.recheck} : {}),
  });
  const where = session.emulated ? `the emulator at ${terminalSafe(session.environment.baseUrl)}` : `${terminalSafe(session.environment.name)} (${terminalSafe(session.environment.baseUrl)})`;
  say(`btalk, accessible mode: profile ${terminalSafe(session.profile)}, ${where}. Answer each question with a line; type help to hear a question again.`);

  let announced: (Wait & {since: number}) | undefined;
  let answers: WizardAnswers = {};
  let notice: string | undefined;
  let saved = false;
  let lastScreen: Screen | undefined;
  let rows: readonly unknown[] = [];
  let helpAsked = false;
  try {
    for (;;) {
      const state: WizardState = store.getState();
      const wait = waitFor(state);
      if (announced && wait?.key !== announced.key) {
        const ended = waitEnded(announced.key, state);
        if (ended) say(ended);
        announced = undefined;
      }
      say(...answerSentences(answers, state.answers));
      answers = state.answers;
      if (state.notice && state.notice !== notice) say(terminalSafeLines(state.notice));
      notice = state.notice;
      if (state.credentialsSaved && !saved) say(`Credentials checked and saved for profile ${terminalSafe(session.profile)}: next time they are not asked.`);
      saved = state.credentialsSaved ?? false;
      if (state.screen.kind === 'exit') break;

      if (wait) {
        if (announced?.key !== wait.key) {
          say(wait.text);
          announced = {...wait, since: runtime.clock()};
        }
        const changed = await nextChange(store, runtime, options.stillWaitingMs ?? STILL_WAITING_MS);
        if (!changed && announced) say(`Still waiting, ${Math.round((runtime.clock() - announced.since) / 1000)} s so far.`);
        continue;
      }
      const play = turnFor(state.screen);
      if (!play) {
        await nextChange(store, runtime, options.stillWaitingMs ?? STILL_WAITING_MS);
        continue;
      }
      const fresh = state.screen !== lastScreen || helpAsked;
      if (state.screen !== lastScreen) rows = [];
      lastScreen = state.screen;
      helpAsked = false;
      let asked = false;
      await play({
        state,
        fresh,
        say,
        ask: (question, askOptions) => {
          asked = true;
          say(question);
          return readAnswer(store, input, (line) => say(line), askOptions?.secret ?? false, () => {
            helpAsked = true;
          });
        },
        dispatch: (action) => store.dispatch(action),
        session,
        now: new Date(runtime.clock()),
        get rows() {
          return rows;
        },
        setRows: (next) => {
          rows = next;
        },
      });
      // A step with nothing to ask yet (its data is on the way) waits for the next change.
      if (!asked && store.getState() === state) await nextChange(store, runtime, options.stillWaitingMs ?? STILL_WAITING_MS);
    }
  } finally {
    runner.stop();
    input.dispose();
    offInterrupt();
  }
  const {screen} = store.getState();
  if (screen.kind !== 'exit') return 1;
  return writeEnding(screen, runtime);
}
