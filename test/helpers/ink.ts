/**
 * Stepping Ink UIs in tests without fixed sleeps: Ink needs a tick between keystrokes, so press()
 * writes a key and waits until a new frame was rendered (bounded, since some keys change nothing),
 * and waitForFrame() polls lastFrame() until it matches or a generous deadline passes.
 */
import {PassThrough, Writable} from 'node:stream';
import chalk from 'chalk';
import {render} from 'ink';
import type React from 'react';
import {afterAll, afterEach, beforeAll} from 'vitest';
import {keyPacedStdin} from '../../src/ui/key-paced-stdin.js';

export interface InkLike {
  lastFrame(): string | undefined;
  frames: string[];
  stdin: {write(data: string): void};
}

/** Raw terminal input for the keys the wizard uses. */
export const keys = {
  enter: '\r',
  escape: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  left: '\u001B[D',
  right: '\u001B[C',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  tab: '\t',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

/** For describe(..., {timeout: WIZARD_TEST_TIMEOUT_MS}): a whole walk through the wizard under load. */
export const WIZARD_TEST_TIMEOUT_MS = 180_000;

/**
 * Writes `input` to the UI's stdin and waits for the render it causes. A key that changes nothing
 * renders nothing: after `quietMs` without a new frame the wait ends anyway.
 */
export async function press(ui: InkLike, input: string, options: {quietMs?: number} = {}): Promise<void> {
  const quietMs = options.quietMs ?? 150;
  // Let a previous key's effects settle, so this key reaches the input handlers now active.
  await tick();
  const before = ui.frames.length;
  ui.stdin.write(input);
  const deadline = Date.now() + quietMs;
  while (ui.frames.length === before && Date.now() < deadline) await tick();
  await tick();
}

/** Types text one character at a time, as a person would (text inputs read key by key). */
export async function type(ui: InkLike, text: string): Promise<void> {
  for (const ch of text) await press(ui, ch);
}

export type FrameMatcher = string | RegExp | ((frame: string) => boolean);

function matches(frame: string, matcher: FrameMatcher): boolean {
  if (typeof matcher === 'string') return frame.includes(matcher);
  if (matcher instanceof RegExp) return matcher.test(frame);
  return matcher(frame);
}

/**
 * How long a frame may take to show up. Generous on purpose: the deadline only bounds a test that
 * is failing anyway, and a loaded machine (several test runs at once on two cores) can take
 * seconds for what takes milliseconds when idle. Wizard tests set their own test timeout to fit.
 */
export const FRAME_DEADLINE_MS = 30_000;

/** Polls lastFrame() until it matches; throws with the last frame seen when the deadline passes. */
export async function waitForFrame(ui: Pick<InkLike, 'lastFrame'>, matcher: FrameMatcher, options: {timeoutMs?: number} = {}): Promise<string> {
  const deadline = Date.now() + (options.timeoutMs ?? FRAME_DEADLINE_MS);
  for (;;) {
    const frame = ui.lastFrame() ?? '';
    if (matches(frame, matcher)) return frame;
    if (Date.now() > deadline) {
      throw new Error(`No frame matched ${String(matcher)} in time. Last frame:\n${frame}`);
    }
    await tick();
  }
}

/**
 * The colour-setting parameters (foreground 30-38, 90-97; background 40-48, 100-107) of every SGR
 * escape in `text`. Bold, dim and inverse are not colours and NO_COLOR leaves them on; 39/49 only
 * return to the terminal's default (tmux's capture-pane -e writes them on every line).
 */
export function colourCodes(text: string): string[] {
  const found: string[] = [];
  for (const [, params = ''] of text.matchAll(/\u001B\[([0-9;]*)m/g)) {
    for (const p of params.split(';')) {
      const n = Number(p);
      if (p !== '' && ((n >= 30 && n <= 48 && n !== 39) || (n >= 90 && n <= 107))) found.push(p);
    }
  }
  return found;
}

/**
 * Ink colours text through chalk, which stays silent when stdout is not a terminal (as in tests).
 * Call inside a describe block: chalk is on for its tests, so a colour a screen prints would show.
 */
export function withChalkColours(): void {
  let level: typeof chalk.level;
  beforeAll(() => {
    level = chalk.level;
    chalk.level = 1;
  });
  afterAll(() => {
    chalk.level = level;
  });
}

export interface PacedUi {
  lastFrame(): string;
  frames: string[];
  /** Raw bytes from the "terminal": several keys in one write arrive as one read, as from a fast hand. */
  write(data: string): void;
  /** The same, as InkLike has it, so press() and type() work here too. */
  stdin: {write(data: string): void};
  unmount(): void;
}

const pacedUis: PacedUi[] = [];
afterEach(() => {
  for (const ui of pacedUis.splice(0)) ui.unmount();
});

/**
 * Renders `element` the way btalk does (Ink's render() on a terminal, keys through key-paced
 * stdin: src/ui/key-paced-stdin.ts), on a fake terminal of `columns` x `rows`. For tests of keys
 * that arrive together: the one path by which keys reach btalk's screens.
 */
export function renderPaced(element: React.ReactElement, size: {columns?: number; rows?: number} = {}): PacedUi {
  const frames: string[] = [];
  const stdout = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        frames.push(String(chunk));
        done();
      },
    }),
    {columns: size.columns ?? 100, rows: size.rows ?? 40, isTTY: true},
  );
  const input = Object.assign(new PassThrough(), {isTTY: true, setRawMode: () => undefined});
  const stdin = keyPacedStdin(input);
  const instance = render(element, {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  let gone = false;
  const ui: PacedUi = {
    frames,
    lastFrame: () => frames.at(-1) ?? '',
    write: (data) => input.write(data),
    stdin: {write: (data) => input.write(data)},
    unmount() {
      if (gone) return;
      gone = true;
      instance.unmount();
      stdin.dispose();
    },
  };
  pacedUis.push(ui);
  return ui;
}
