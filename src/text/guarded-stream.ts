/**
 * Output streams that cannot carry a raw control character. `guardStream` wraps stdout or stderr
 * so every `write` goes through `terminalSafeChunk`: whatever a command prints, now or in code
 * added later, reaches the terminal with its controls as visible escapes. The program (see
 * program.ts) hands commands guarded streams only.
 *
 * btalk's own escape sequences (Ink's frames, the progress bar's redraw) are written to the
 * stream under the guard, obtained with `rawStream`: only code that writes sequences btalk itself
 * composed may use it, and outside text it shows has been through terminal-safe.ts first.
 */
import type {Writable} from 'node:stream';
import {terminalSafeChunk} from './terminal-safe.js';

// Registered (Symbol.for): dist/cli.js carries its own copy of this module beside the one in the
// command tree's chunks (scripts/build.mjs), and a stream one guards the other must see through.
const RAW = Symbol.for('btalk.rawStream');

type WriteArgs = [chunk: unknown, encodingOrCallback?: unknown, callback?: unknown];

export function guardStream<S extends Writable>(stream: S): S {
  if ((stream as unknown as Record<symbol, unknown>)[RAW]) return stream;
  const write = (...[chunk, encodingOrCallback, callback]: WriteArgs): boolean => {
    let text: unknown = chunk;
    if (typeof chunk === 'string') text = terminalSafeChunk(chunk);
    else if (chunk instanceof Uint8Array) text = terminalSafeChunk(Buffer.from(chunk).toString('utf8'));
    // The encoding names how a string chunk is encoded; once sanitised it is plain text.
    if (typeof encodingOrCallback === 'function') return stream.write(text, encodingOrCallback as (error?: Error | null) => void);
    if (typeof callback === 'function') return stream.write(text, 'utf8', callback as (error?: Error | null) => void);
    return stream.write(text);
  };
  return new Proxy(stream, {
    get(target, property) {
      if (property === RAW) return target;
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The stream under a guard (itself when it has none): for btalk's own escape sequences only. */
export function rawStream<S extends Writable>(stream: S): S {
  return ((stream as unknown as Record<symbol, unknown>)[RAW] as S | undefined) ?? stream;
}
