/**
 * How keys reach the screens: the one answer to keys that come faster than React renders.
 *
 * 1. This stream (between the terminal and Ink) puts the terminal in raw mode as soon as it is
 *    made, before the first frame, and keeps it raw until dispose(). A key typed while no screen
 *    listens (as the first frame appears, or while a form is busy) is then still a key: in the
 *    terminal's line mode it would be echoed on screen (a secret!), held until Enter, and that
 *    Enter would arrive as "\n", which no screen takes for Enter (`btalk login` waited for ever).
 * 2. It splits each read into keys and hands Ink one key at a time, each once the previous one was
 *    rendered and the screens' handlers were renewed, and only while a screen takes that key:
 *    keys that arrive together (Enter pressed three times quickly, "fr⏎" typed while the UI was
 *    busy, a slow SSH link) each count, in order, on the screen they were meant for.
 * 3. Every screen and widget takes keys through useKeys (use-keys.ts): one stable subscription
 *    that always calls the newest render's handler, and tells this stream (`claim`) that it takes
 *    keys, all of them or some (the wizard's own Ctrl+C handler takes Ctrl+C alone, the coverage
 *    check's wait Esc alone).
 * 4. What a handler decides on lives in a pure reducer inside a store that applies each action at
 *    once (src/flow/store.ts: the wizard's flow; src/ui/use-store.ts: each widget's state), and
 *    the handler reads `get()`, not its render's copy. Pacing alone is not enough: on a busy
 *    machine React may not have rendered one key when the next arrives (three quick Enters on the
 *    site step then met the focus of two keys before). Tests of this go through this stream
 *    (renderPaced in test/helpers/ink.ts), the one path by which keys reach btalk's screens.
 *
 * Ink reports both the Backspace key (DEL) and the Delete key as `delete`; the Delete key is
 * handed over as Ctrl+D (readline's "delete forward") so text fields can tell them apart.
 *
 * Type-ahead, as a terminal has it: a key typed while no screen takes it ("Checking access…",
 * "Loading VPNs…") waits, with those after it, for the first screen that does, so Down Down Enter
 * typed as btalk starts chooses on the VPN list. Except:
 * - Ctrl+C goes to Ink at once, ahead of the keys waiting, which it drops (a terminal's interrupt
 *   flushes its input too): the wizard stops whatever it shows.
 * - A screen that says a wait went wrong (a failed check, a list that could not be read, whole
 *   or in part) drops the keys that waited for it (`typedAhead: false`): they were typed for the
 *   screen that wait was to lead to, and on a menu of "Try again / Other credentials / Quit"
 *   they would choose.
 * - A list still loading holds an Enter that finds no row yet until one comes in (filter-list.tsx),
 *   taking Esc alone meanwhile: the keys after that Enter wait for the screen it leads to. An Esc
 *   (what that screen offers to let go of the Enter) goes ahead of them, and they are dropped
 *   (`ahead`): otherwise it would wait behind them and, the row come in, act on the next screen.
 * - The screen of an order being sent takes every key and does nothing with it, so a key typed
 *   meanwhile never acts on the screen that says how the order went (submitting.tsx).
 *
 * Keys typed while the wizard loads, after its first frame, were read in raw mode and held
 * (src/early-input.ts): they come first, in order, paced like the rest. Keys typed before that
 * frame, the terminal still in line mode, come in the first read, an Enter among them as "\n"
 * (the terminal's CR-to-LF translation): a "\n" is handed over as Enter ("\r"), which is also
 * what a pasted line ending means.
 */
import {Readable} from 'node:stream';
import {leaveRawMode} from '../lost-terminal.js';

/** One key: a CSI or SS3 sequence (arrows, Page Up...), Esc plus one character, or one character. */
const KEY = /\u001B\[[0-?]*[ -/]*[@-~]|\u001BO[\s\S]|\u001B\u001B?[\s\S]?|[\s\S]/gu;

export function splitKeys(text: string): string[] {
  return text.match(KEY) ?? [];
}

export type TerminalInput = Readable & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown; ref?: () => unknown; unref?: () => unknown};

/**
 * What a handler of keys takes, while it is active (useKeys makes one for each). Read as each key
 * is about to go, so a handler can narrow what it takes from one key to the next.
 */
export interface KeyClaim {
  /** The only keys it takes, as this stream hands them over ("\u0003", "\u001B"); every key when undefined. */
  keys(): readonly string[] | undefined;
  /** False: the keys that waited for a screen to take them are dropped when they reach this one. */
  typedAhead(): boolean;
  /**
   * Keys it takes even from behind keys that wait (a list holding an Enter: the Esc that lets go
   * of it): such a key goes at once, and the keys waiting before it are dropped, since they were
   * typed for where that wait was to lead. None when undefined.
   */
  ahead?(): readonly string[] | undefined;
}

export interface PacedStdin extends Readable {
  isTTY: boolean;
  setRawMode(mode: boolean): PacedStdin;
  ref(): PacedStdin;
  unref(): PacedStdin;
  /** A handler takes keys from now until the returned function is called. */
  claim(claim: KeyClaim): () => void;
  /** What a claim takes may have changed (a render): the keys waiting are looked at again. */
  recheck(): void;
  /** Stops reading the terminal (after Ink unmounted), so the process can end. */
  dispose(): void;
}

/** Ctrl+C and Esc as the terminal sends them in raw mode. */
export const CTRL_C = '\u0003';
export const ESCAPE = '\u001B';

const pacedStreams = new WeakSet<object>();

/**
 * Tells the stream under Ink that a handler takes keys, until the returned function is called;
 * a stream that is not a key-paced one (ink-testing-library's) hands every key over anyway.
 */
export function claimKeys(stdin: unknown, claim: KeyClaim): () => void {
  return isPaced(stdin) ? stdin.claim(claim) : () => {};
}

/** After a render, for the claims whose keys changed with it (see PacedStdin.recheck). */
export function recheckKeys(stdin: unknown): void {
  if (isPaced(stdin)) stdin.recheck();
}

function isPaced(stdin: unknown): stdin is PacedStdin {
  return typeof stdin === 'object' && stdin !== null && pacedStreams.has(stdin);
}

/** The Delete key (ESC [ 3 ~, with or without modifiers) and what it is handed over as. */
const DELETE_KEY = /^\u001B\[3(;\d+)?~$/u;
const CTRL_D = '\u0004';

function handedOver(key: string): string {
  if (key === '\n') return '\r';
  return DELETE_KEY.test(key) ? CTRL_D : key;
}

/** `earlier`: bytes read from `source` before this stream was made (src/early-input.ts), taken first. */
export function keyPacedStdin(source: TerminalInput, earlier: readonly Buffer[] = []): PacedStdin {
  const queue: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const out = new Readable({read() {}}) as PacedStdin;
  out.isTTY = Boolean(source.isTTY);
  // Raw from now until dispose(), whatever Ink asks (it turns raw mode off whenever no screen
  // listens, e.g. while the login form proves the credentials).
  source.setRawMode?.(true);
  out.setRawMode = () => out;
  out.ref = () => {
    source.ref?.();
    return out;
  };
  out.unref = () => {
    source.unref?.();
    return out;
  };

  const claims = new Set<KeyClaim>();
  /** A key waited for a screen to take it: the screen it reaches may refuse what waited. */
  let waited = false;
  const reading = () => out.listenerCount('readable') > 0;
  const takers = (key: string) =>
    [...claims].filter((c) => {
      const only = c.keys();
      return only === undefined || only.includes(key);
    });
  const later = () => {
    if (timer === undefined) timer = setTimeout(pushNext, 0);
  };
  // React renders a key's effect at once but renews the screens' input handlers in a setImmediate
  // callback; a timer fires only after those, so the next key meets the new handlers.
  /** Where the first key a claim takes ahead is, behind the key at the head; -1 if none. */
  const aheadAt = () => queue.findIndex((k, i) => i > 0 && [...claims].some((c) => c.ahead?.()?.includes(k)) && takers(k).length > 0);
  function pushNext() {
    timer = undefined;
    if (disposed || queue.length === 0) return;
    let key = queue[0]!;
    let taking = key === CTRL_C ? undefined : takers(key);
    if (taking?.length === 0 && reading()) {
      const at = aheadAt();
      if (at > 0) {
        // The keys before it waited for a screen that key leaves: dropped.
        queue.splice(0, at);
        waited = false;
        key = queue[0]!;
        taking = takers(key);
      }
    }
    if (!reading() || taking?.length === 0) {
      // It waits, in order with those after it: Ink reading again, or a new claim, sends it on.
      if (taking) waited = true;
      return;
    }
    if (taking && waited) {
      waited = false;
      if (taking.some((c) => !c.typedAhead())) {
        queue.length = 0;
        return;
      }
    }
    queue.shift();
    out.push(key);
    if (queue.length > 0) later();
  }
  const onData = (data: Buffer | string) => {
    const keys = splitKeys(typeof data === 'string' ? data : data.toString('utf8')).map(handedOver);
    const interrupt = keys.indexOf(CTRL_C);
    if (interrupt >= 0) {
      // Ahead of every key still waiting, which it drops, as a terminal's interrupt does.
      queue.length = 0;
      waited = false;
      queue.push(...keys.slice(interrupt));
    } else {
      queue.push(...keys);
    }
    if (timer === undefined) pushNext();
  };
  out.claim = (claim) => {
    const own = {keys: () => claim.keys(), typedAhead: () => claim.typedAhead(), ahead: () => claim.ahead?.()};
    claims.add(own);
    later();
    return () => {
      claims.delete(own);
    };
  };
  out.recheck = () => {
    if (queue.length > 0) later();
  };
  pacedStreams.add(out);
  source.on('data', onData);
  // Reading again after a pause (a stream disposed before, or the early hold's end).
  source.resume();
  for (const data of earlier) onData(data);
  // Ink reads again (a screen listens again): the keys that waited go on, one at a time.
  out.on('newListener', (event) => {
    if (event === 'readable') later();
  });

  out.dispose = () => {
    disposed = true;
    source.off('data', onData);
    leaveRawMode(source);
    source.pause();
    if (timer !== undefined) clearTimeout(timer);
    queue.length = 0;
  };
  return out;
}
