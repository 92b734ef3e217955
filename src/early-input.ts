/**
 * The keys typed while the wizard loads. Its first frame (prepaint.ts) goes up long before Ink
 * takes stdin; in the terminal's line mode, keys typed meanwhile would be echoed by the terminal
 * itself (an arrow leaves "^[[B" above the header, a pasted secret shows in clear). So from the
 * first frame the terminal is raw and the bytes wait here, in order, until the wizard's key stream
 * takes them (`take`, ui/key-paced-stdin.ts), through the same pacing as every other key.
 *
 * Raw mode turns the terminal's signal keys into bytes. While they wait here:
 * - Ctrl+C and Ctrl+\ do what the terminal would have done: the terminal goes back to line mode,
 *   then SIGINT (SIGQUIT) goes to the process group, so btalk stops exactly as it does for those
 *   signals (exit 130, the emulator's worker and the keyring helper ending with it). Keys typed
 *   before them are dropped, as the terminal's own interrupt flushes its input.
 * - Ctrl+Z is dropped: stopping btalk with the terminal raw would hand the shell a raw terminal,
 *   and once the wizard runs it does not suspend either.
 * The standard characters only: a terminal whose `stty intr` was changed sends its own, which
 * then is a key like any other.
 *
 * The terminal goes back to line mode on every way out: `end` (the run is over, the keys taken or
 * not), the process's exit (an error, an uncaught exception: Node runs 'exit' listeners for both),
 * and SIGHUP or SIGTERM while no one else handles them (Node restores the terminal itself on
 * SIGINT and SIGTERM, not on SIGHUP). Keys still held when the run ends are dropped: the terminal
 * never saw them, so they do not reach the shell either.
 */
import type {Readable} from 'node:stream';
import {leaveRawMode} from './lost-terminal.js';

export type TerminalIn = Readable & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};

/** What of the process the hold needs; cli.tsx gives the process itself. */
export interface ProcessHooks {
  /** Sends `signal` as the terminal would: to the process group. */
  raise(signal: 'SIGINT' | 'SIGQUIT'): void;
  /** Sends `signal` to this process alone (a signal taken to restore the terminal, sent again). */
  resend(signal: 'SIGHUP' | 'SIGTERM'): void;
  on(event: 'exit' | 'SIGHUP' | 'SIGTERM', listener: () => void): unknown;
  off(event: 'exit' | 'SIGHUP' | 'SIGTERM', listener: () => void): unknown;
  listenerCount(event: 'SIGHUP' | 'SIGTERM'): number;
}

export interface EarlyInput {
  /**
   * The bytes typed since the first frame, in order, handed over once: from now on the caller
   * reads the terminal (call it in the same tick as its own 'data' listener is added) and owns its
   * mode, which stays raw.
   */
  take(): Buffer[];
  /** The run is over: line mode, whoever had the terminal raw, and nothing more is held or read. */
  end(): void;
}

const CTRL_C = 0x03;
const CTRL_BACKSLASH = 0x1c;
const CTRL_Z = 0x1a;

/** Raw mode from now on, the bytes held; undefined (nothing done) when stdin is not a terminal. */
export function holdEarlyInput(stdin: TerminalIn, hooks: ProcessHooks): EarlyInput | undefined {
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return undefined;
  const held: Buffer[] = [];
  let holding = true;
  let released = false;

  const lineMode = () => leaveRawMode(stdin);
  const stopHolding = () => {
    holding = false;
    stdin.off('data', onData);
    held.length = 0;
  };
  /**
   * The hold's one way out (an interrupt typed, a signal, the end of the run): nothing more held,
   * nor read if the keys were never taken (what comes next is the terminal's again), line mode
   * back, no guard left. Once: later calls do nothing.
   */
  const release = () => {
    if (released) return;
    released = true;
    if (holding) {
      stopHolding();
      stdin.pause();
    }
    lineMode();
    hooks.off('exit', onExit);
    hooks.off('SIGHUP', onHangUp);
    hooks.off('SIGTERM', onTerminate);
  };

  function onData(data: Buffer | string) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (byte === CTRL_C || byte === CTRL_BACKSLASH) {
        release();
        hooks.raise(byte === CTRL_C ? 'SIGINT' : 'SIGQUIT');
        return;
      }
      if (byte === CTRL_Z) {
        if (i > start) held.push(bytes.subarray(start, i));
        start = i + 1;
      }
    }
    if (start < bytes.length) held.push(start === 0 ? bytes : bytes.subarray(start));
  }

  // At exit the terminal is restored whoever had it raw (the key stream after `take` too).
  function onExit() {
    lineMode();
  }
  const onSignal = (signal: 'SIGHUP' | 'SIGTERM') => () => {
    // Someone else handles it (the wizard, once it runs): they end the run and restore the terminal.
    if (hooks.listenerCount(signal) > 1) return;
    release();
    hooks.resend(signal);
  };
  const onHangUp = onSignal('SIGHUP');
  const onTerminate = onSignal('SIGTERM');

  stdin.setRawMode(true);
  stdin.on('data', onData);
  hooks.on('exit', onExit);
  hooks.on('SIGHUP', onHangUp);
  hooks.on('SIGTERM', onTerminate);

  return {
    take() {
      const bytes = holding ? [...held] : [];
      if (holding) stopHolding();
      return bytes;
    },
    end: release,
  };
}
