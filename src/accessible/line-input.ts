/**
 * Lines from stdin, for the accessible prompts: the terminal's own line editing (cooked mode)
 * does the typing, so nothing is redrawn and a screen reader hears exactly what was typed. A
 * secret is read with echo off: on a terminal, raw mode for the time of that one line (no
 * character is shown, not even a mask); from a pipe the line is read as it comes, a pipe has no echo.
 *
 * Lines typed ahead (or piped all at once) wait in order for the questions that read them.
 */
import {StringDecoder} from 'node:string_decoder';
import type {Runtime} from '../runtime.js';
import {leaveRawMode} from '../lost-terminal.js';

export interface LineInput {
  /** The next line, without its line end; undefined at the end of input or when cancelled. */
  line(): Promise<string | undefined>;
  /** The next line typed without echo (see the top of this file). */
  secret(): Promise<string | undefined>;
  /** Ends a pending read with undefined (the run is over: Ctrl+C, an exit). */
  cancel(): void;
  /** True once stdin has ended. */
  ended(): boolean;
  /** Stops listening and lets the process exit. */
  dispose(): void;
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACES = new Set(['\u007f', '\b']);
/** An escape sequence (an arrow key, a function key) typed into a secret: dropped whole. */
const ESCAPE_SEQUENCE = /^\u001b(?:\[[0-?]*[ -/]*[@-~]|O.|.)?/u;

export function lineInput(stdin: Runtime['stdin'], options: {onInterrupt: () => void}): LineInput {
  const decoder = new StringDecoder('utf8');
  let buffer = '';
  let isEnded = false;
  let waiter: {resolve: (line: string | undefined) => void; secret: boolean} | undefined;
  let secretTyped = '';
  const raw = (on: boolean) => {
    if (!stdin.isTTY || !stdin.setRawMode) return;
    if (on) stdin.setRawMode(true);
    else leaveRawMode(stdin);
  };

  /** In raw mode: keys one by one, as a line editor without echo would take them. */
  const takeSecretKeys = (): boolean => {
    while (buffer.length > 0) {
      const escape = ESCAPE_SEQUENCE.exec(buffer);
      if (escape && escape[0].length > 0 && buffer.startsWith('\u001b')) {
        buffer = buffer.slice(escape[0].length);
        continue;
      }
      const [ch] = buffer;
      buffer = buffer.slice(ch!.length);
      if (ch === '\r' || ch === '\n') {
        // A CRLF pasted in: its LF is not an empty second line.
        if (ch === '\r' && buffer.startsWith('\n')) buffer = buffer.slice(1);
        return true;
      }
      if (ch === CTRL_C) {
        options.onInterrupt();
        return false;
      }
      if (ch === CTRL_D && secretTyped === '') {
        isEnded = true;
        return true;
      }
      if (ch === CTRL_U) secretTyped = '';
      else if (BACKSPACES.has(ch!)) secretTyped = [...secretTyped].slice(0, -1).join('');
      else if (ch! >= ' ') secretTyped += ch;
    }
    return false;
  };

  const settle = () => {
    if (!waiter) return;
    const current = waiter;
    if (current.secret && stdin.isTTY) {
      if (takeSecretKeys()) {
        const typed = isEnded && secretTyped === '' ? undefined : secretTyped;
        secretTyped = '';
        waiter = undefined;
        raw(false);
        current.resolve(typed);
      } else if (isEnded) {
        waiter = undefined;
        raw(false);
        current.resolve(undefined);
      }
      return;
    }
    const end = buffer.indexOf('\n');
    if (end !== -1) {
      const line = buffer.slice(0, end).replace(/\r$/u, '');
      buffer = buffer.slice(end + 1);
      waiter = undefined;
      current.resolve(line);
    } else if (isEnded) {
      // A last line without its line end still counts; after it, the end.
      const rest = buffer;
      buffer = '';
      waiter = undefined;
      current.resolve(rest === '' ? undefined : rest);
    }
  };

  const onData = (chunk: Buffer | string) => {
    buffer += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    settle();
  };
  const onEnd = () => {
    buffer += decoder.end();
    isEnded = true;
    settle();
  };
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  stdin.resume();

  const read = (secret: boolean) =>
    new Promise<string | undefined>((resolve) => {
      if (waiter) waiter.resolve(undefined);
      waiter = {resolve, secret};
      if (secret) raw(true);
      settle();
    });

  return {
    line: () => read(false),
    secret: () => read(true),
    cancel() {
      const current = waiter;
      waiter = undefined;
      if (current?.secret) raw(false);
      secretTyped = '';
      current?.resolve(undefined);
    },
    ended: () => isEnded && buffer === '',
    dispose() {
      this.cancel();
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.pause();
    },
  };
}
