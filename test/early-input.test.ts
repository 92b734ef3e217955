/**
 * The keys typed while the wizard loads (src/early-input.ts): the terminal raw from the first
 * frame, the bytes held in order and handed to the key stream, Ctrl+C still an interrupt, and the
 * terminal back in line mode on every way out before the handover.
 */
import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {holdEarlyInput, type ProcessHooks} from '../src/early-input.js';
import {keyPacedStdin} from '../src/ui/key-paced-stdin.js';
import {readKeys, takes} from './helpers/read-keys.js';

/** A terminal and a process whose every mode change and signal is written, in order, in `log`. */
function setUp(options: {tty?: boolean} = {}) {
  const log: string[] = [];
  const input = Object.assign(new PassThrough(), {
    isTTY: options.tty ?? true,
    setRawMode: (mode: boolean) => log.push(mode ? 'raw' : 'line'),
  });
  const events = new EventEmitter();
  const hooks: ProcessHooks = {
    raise: (signal) => log.push(`raise ${signal}`),
    resend: (signal) => log.push(`resend ${signal}`),
    on: (event, listener) => events.on(event, listener),
    off: (event, listener) => events.off(event, listener),
    listenerCount: (event) => events.listenerCount(event),
  };
  const guards = () => ['exit', 'SIGHUP', 'SIGTERM'].map((event) => events.listenerCount(event));
  return {log, input, events, hooks, guards};
}

const tick = () => new Promise((r) => setTimeout(r, 10));
const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');

describe('holdEarlyInput', () => {
  it('does nothing when stdin is not a terminal', () => {
    const {log, input, hooks, guards} = setUp({tty: false});
    expect(holdEarlyInput(input, hooks)).toBeUndefined();
    expect(log).toEqual([]);
    expect(guards()).toEqual([0, 0, 0]);
  });

  it('makes the terminal raw at once and holds every byte, in order, until taken', async () => {
    const {log, input, hooks} = setUp();
    const early = holdEarlyInput(input, hooks)!;
    expect(log).toEqual(['raw']);
    input.write('\u001B[B');
    input.write('é\r');
    await tick();
    expect(text(early.take())).toBe('\u001B[Bé\r');
    // Taken once: what comes next is the taker's, and the terminal stays raw for it.
    input.write('x');
    await tick();
    expect(early.take()).toEqual([]);
    expect(log).toEqual(['raw']);
    // The run is over: line mode, whoever had the terminal raw.
    early.end();
    expect(log).toEqual(['raw', 'line']);
  });

  it('hands the held keys to the key stream first, paced and "\\n" taken as Enter, then the live ones', async () => {
    const {input, hooks} = setUp();
    const early = holdEarlyInput(input, hooks)!;
    input.write('\u001B[B\u001B[B\n');
    await tick();
    const stdin = keyPacedStdin(input, early.take());
    stdin.claim(takes());
    input.write('q');
    expect(await readKeys(stdin, 4)).toEqual(['\u001B[B', '\u001B[B', '\r', 'q']);
    stdin.dispose();
    early.end();
  });

  it('on Ctrl+C, puts the terminal back in line mode and then raises SIGINT, the keys before it dropped', async () => {
    const {log, input, hooks, guards} = setUp();
    const early = holdEarlyInput(input, hooks)!;
    input.write('secret');
    input.write('\u001B[B\u0003more');
    await tick();
    expect(log).toEqual(['raw', 'line', 'raise SIGINT']);
    expect(early.take()).toEqual([]);
    expect(input.isPaused()).toBe(true);
    expect(guards()).toEqual([0, 0, 0]);
    // It raises once: nothing more is read.
    input.write('\u0003');
    await tick();
    expect(log.filter((entry) => entry.startsWith('raise'))).toEqual(['raise SIGINT']);
  });

  it('on Ctrl+\\, raises SIGQUIT the same way; Ctrl+Z is dropped and the keys around it kept', async () => {
    const quit = setUp();
    holdEarlyInput(quit.input, quit.hooks);
    quit.input.write('a\u001Cb');
    await tick();
    expect(quit.log).toEqual(['raw', 'line', 'raise SIGQUIT']);

    const suspend = setUp();
    const early = holdEarlyInput(suspend.input, suspend.hooks)!;
    suspend.input.write('a\u001Ab\u001A');
    suspend.input.write('\u001Ac');
    await tick();
    expect(text(early.take())).toBe('abc');
    expect(suspend.log).toEqual(['raw']);
  });

  it('once taken, Ctrl+C is a key for the wizard, not a signal', async () => {
    const {log, input, hooks} = setUp();
    const early = holdEarlyInput(input, hooks)!;
    early.take();
    const stdin = keyPacedStdin(input, []);
    input.write('\u0003');
    expect(await readKeys(stdin, 1)).toEqual(['\u0003']);
    expect(log.filter((entry) => entry.startsWith('raise'))).toEqual([]);
    stdin.dispose();
  });

  it('ends a run that never took the keys (an error before Ink) in line mode, reading nothing more', async () => {
    const {log, input, hooks, guards} = setUp();
    const early = holdEarlyInput(input, hooks)!;
    input.write('abc');
    await tick();
    early.end();
    expect(log).toEqual(['raw', 'line']);
    expect(input.isPaused()).toBe(true);
    expect(input.listenerCount('data')).toBe(0);
    expect(guards()).toEqual([0, 0, 0]);
    early.end();
    expect(log).toEqual(['raw', 'line']);
  });

  it('restores line mode as the process exits (an error, an uncaught exception), taken or not', () => {
    for (const taken of [false, true]) {
      const {log, input, hooks, events} = setUp();
      const early = holdEarlyInput(input, hooks)!;
      if (taken) early.take();
      events.emit('exit');
      expect(log).toEqual(['raw', 'line']);
    }
  });

  it('on SIGHUP or SIGTERM that no one else handles, restores line mode and sends the signal again', () => {
    for (const signal of ['SIGHUP', 'SIGTERM'] as const) {
      const {log, input, hooks, events, guards} = setUp();
      holdEarlyInput(input, hooks);
      events.emit(signal);
      expect(log).toEqual(['raw', 'line', `resend ${signal}`]);
      // Sent again with no listener of ours left: the process ends as the signal says (129, 143).
      expect(guards()).toEqual([0, 0, 0]);
    }
  });

  it('leaves SIGHUP and SIGTERM to the wizard once it handles them (it restores the terminal as it ends)', () => {
    for (const signal of ['SIGHUP', 'SIGTERM'] as const) {
      const {log, input, hooks, events} = setUp();
      const early = holdEarlyInput(input, hooks)!;
      early.take();
      events.on(signal, () => log.push(`wizard ${signal}`));
      events.emit(signal);
      expect(log).toEqual(['raw', `wizard ${signal}`]);
    }
  });
});
