/**
 * How keys reach the screens: the one answer to keys that come faster than React renders.
 *
 * 1. This stream (between the terminal and Ink) puts the terminal in raw mode as soon as it is
 *    made, before the first frame, and keeps it raw until dispose(). A key typed while no screen
 *    listens (as the first frame appears, or while a form is busy) is then still a key: in the
 *    terminal's line mode it would be echoed on screen (a secret!), held until Enter, and that
 *    Enter would arrive as "\n", which no screen takes for Enter (`btalk login` waited for ever).
 * 2. It splits each read into keys and hands Ink one key at a time, each once the previous one was
 *    rendered and the screens' handlers were renewed, and only while Ink reads (some screen
 *    listens): keys that arrive together (Enter pressed three times quickly, "fr⏎" typed while the
 *    UI was busy, a slow SSH link) each count, in order, on the screen they were meant for.
 * 3. Every screen and widget takes keys through useKeys (use-keys.ts): one stable subscription
 *    that always calls the newest render's handler.
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
 * Keys typed while the wizard loads, after its first frame, were read in raw mode and held
 * (src/early-input.ts): they come first, in order, paced like the rest. Keys typed before that
 * frame, the terminal still in line mode, come in the first read, an Enter among them as "\n"
 * (the terminal's CR-to-LF translation): a "\n" is handed over as Enter ("\r"), which is also
 * what a pasted line ending means.
 */
import {Readable} from 'node:stream';

/** One key: a CSI or SS3 sequence (arrows, Page Up...), Esc plus one character, or one character. */
const KEY = /\u001B\[[0-?]*[ -/]*[@-~]|\u001BO[\s\S]|\u001B\u001B?[\s\S]?|[\s\S]/gu;

export function splitKeys(text: string): string[] {
  return text.match(KEY) ?? [];
}

export type TerminalInput = Readable & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown; ref?: () => unknown; unref?: () => unknown};

export interface PacedStdin extends Readable {
  isTTY: boolean;
  setRawMode(mode: boolean): PacedStdin;
  ref(): PacedStdin;
  unref(): PacedStdin;
  /** Stops reading the terminal (after Ink unmounted), so the process can end. */
  dispose(): void;
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

  const reading = () => out.listenerCount('readable') > 0;
  // React renders a key's effect at once but renews the screens' input handlers in a setImmediate
  // callback; a timer fires only after those, so the next key meets the new handlers.
  const pushNext = () => {
    timer = undefined;
    if (disposed || !reading()) return;
    const key = queue.shift();
    if (key === undefined) return;
    out.push(key);
    if (queue.length > 0) timer = setTimeout(pushNext, 0);
  };
  const onData = (data: Buffer | string) => {
    const keys = splitKeys(typeof data === 'string' ? data : data.toString('utf8'));
    queue.push(...keys.map(handedOver));
    if (timer === undefined) pushNext();
  };
  source.on('data', onData);
  // Reading again after a pause (a stream disposed before, or the early hold's end).
  source.resume();
  for (const data of earlier) onData(data);
  // Ink reads again (a screen listens again): the keys that waited go on, one at a time.
  out.on('newListener', (event) => {
    if (event === 'readable' && timer === undefined) timer = setTimeout(pushNext, 0);
  });

  out.dispose = () => {
    disposed = true;
    source.off('data', onData);
    source.setRawMode?.(false);
    source.pause();
    if (timer !== undefined) clearTimeout(timer);
    queue.length = 0;
  };
  return out;
}
