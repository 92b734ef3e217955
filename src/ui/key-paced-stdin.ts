/**
 * Ink hands each chunk read from the terminal to the screens as one input. Keys that arrive
 * together (Enter pressed three times quickly, "fr⏎" typed while the UI was busy rendering, a slow
 * SSH link) then reach the screens as one unknown key ("\r\r\r" is not Enter), or reach handlers
 * that have not caught up with the previous key (two ↓ move the cursor once). This stream hands
 * Ink one key at a time, each once the previous one was rendered and the screens' handlers were
 * renewed. A key that arrives alone goes through at once.
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

export function keyPacedStdin(source: TerminalInput): PacedStdin {
  const queue: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const out = new Readable({read() {}}) as PacedStdin;
  out.isTTY = Boolean(source.isTTY);
  out.setRawMode = (mode) => {
    source.setRawMode?.(mode);
    return out;
  };
  out.ref = () => {
    source.ref?.();
    return out;
  };
  out.unref = () => {
    source.unref?.();
    return out;
  };

  // React renders a key's effect at once but renews the screens' input handlers in a setImmediate
  // callback; a timer fires only after those, so the next key meets the new handlers.
  const pushNext = () => {
    timer = undefined;
    const key = queue.shift();
    if (key === undefined) return;
    out.push(key);
    if (queue.length > 0) timer = setTimeout(pushNext, 0);
  };
  const onData = (data: Buffer | string) => {
    queue.push(...splitKeys(typeof data === 'string' ? data : data.toString('utf8')));
    if (timer === undefined) pushNext();
  };
  source.on('data', onData);

  out.dispose = () => {
    source.off('data', onData);
    source.pause();
    if (timer !== undefined) clearTimeout(timer);
    queue.length = 0;
  };
  return out;
}
