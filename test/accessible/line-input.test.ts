/** Lines from stdin: type-ahead kept in order, secrets read with echo off on a terminal. */
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {lineInput} from '../../src/accessible/line-input.js';

/** A stdin that says it is a terminal and records every raw-mode switch. */
function fakeTerminal(): PassThrough & {isTTY: boolean; setRawMode: (on: boolean) => void; modes: boolean[]} {
  const stdin = new PassThrough() as PassThrough & {isTTY: boolean; setRawMode: (on: boolean) => void; modes: boolean[]};
  stdin.isTTY = true;
  stdin.modes = [];
  stdin.setRawMode = (on: boolean) => stdin.modes.push(on);
  return stdin;
}

describe('lineInput', () => {
  it('hands out lines in order, CRLF or LF, a last line without its end, then the end', async () => {
    const stdin = new PassThrough();
    const input = lineInput(stdin, {onInterrupt: () => {}});
    stdin.end('one\r\ntwo\nthré');
    expect(await input.line()).toBe('one');
    expect(await input.line()).toBe('two');
    expect(await input.line()).toBe('thré');
    expect(await input.line()).toBeUndefined();
    expect(input.ended()).toBe(true);
    input.dispose();
  });

  it('keeps a character split across two chunks whole', async () => {
    const stdin = new PassThrough();
    const input = lineInput(stdin, {onInterrupt: () => {}});
    const bytes = Buffer.from('é\n');
    stdin.write(bytes.subarray(0, 1));
    stdin.write(bytes.subarray(1));
    expect(await input.line()).toBe('é');
    input.dispose();
  });

  it('reads a secret on a terminal in raw mode for that line only: backspace, Ctrl+U and arrow keys edit it, nothing is echoed', async () => {
    const stdin = fakeTerminal();
    const input = lineInput(stdin, {onInterrupt: () => {}});
    const secret = input.secret();
    expect(stdin.modes).toEqual([true]);
    stdin.write('wrong\u0015s3x\u007fcr\u001b[Det\r');
    expect(await secret).toBe('s3cret');
    expect(stdin.modes).toEqual([true, false]);
    stdin.write('next\n');
    expect(await input.line()).toBe('next');
    expect(stdin.modes).toEqual([true, false]);
    input.dispose();
  });

  it('Ctrl+C in a secret is an interrupt, and cancel leaves raw mode', async () => {
    const stdin = fakeTerminal();
    let interrupted = 0;
    const input = lineInput(stdin, {onInterrupt: () => (interrupted += 1)});
    const secret = input.secret();
    stdin.write('abc\u0003');
    await new Promise((r) => setImmediate(r));
    expect(interrupted).toBe(1);
    input.cancel();
    expect(await secret).toBeUndefined();
    expect(stdin.modes).toEqual([true, false]);
    input.dispose();
  });

  it('from a pipe, a secret is a plain line (a pipe has no echo to turn off)', async () => {
    const stdin = new PassThrough();
    const input = lineInput(stdin, {onInterrupt: () => {}});
    stdin.write('pw\n');
    expect(await input.secret()).toBe('pw');
    input.dispose();
  });
});
