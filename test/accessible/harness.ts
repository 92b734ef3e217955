/**
 * Runs the accessible prompts against a running emulator with the real HTTP client, stdin a pipe
 * fed line by line (or all at once), stdout and stderr captured raw: no guard in between, so a
 * test sees every byte the prompts themselves write.
 */
import {PassThrough} from 'node:stream';
import type {Credentials} from '../../src/api/types.js';
import type {RunningEmulator} from '../../src/emulator/types.js';
import {runAccessible, type AccessibleOptions} from '../../src/accessible/run-accessible.js';
import type {InterruptSignal} from '../../src/errors.js';
import {systemTimers} from '../../src/timers.js';
import {emulatorSession} from '../e2e/wizard-harness.js';

export interface AccessibleRun {
  /** Resolves with the exit code. */
  done: Promise<number>;
  /** Sends lines, each with its line end. */
  type(...lines: string[]): void;
  /** Ends stdin. */
  end(): void;
  out(): string;
  err(): string;
  /** Bytes, for checks on what reached the terminal. */
  outBytes(): Buffer;
  /** Resolves once stdout holds `text` (bounded: rejects with what it has after `ms`). */
  waitFor(text: string, ms?: number): Promise<string>;
  interrupt(signal?: InterruptSignal): void;
  saved: Credentials[];
}

export function startAccessible(sandbox: RunningEmulator, options: AccessibleOptions & {credentials?: Credentials | undefined; account?: Credentials} = {}): AccessibleRun {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const outChunks: Buffer[] = [];
  let err = '';
  stdout.on('data', (c: Buffer) => outChunks.push(Buffer.from(c)));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const handlers = new Set<(signal: InterruptSignal) => void>();
  const saved: Credentials[] = [];
  const credentials = 'credentials' in options ? options.credentials : options.account ?? {clientId: sandbox.demo.clientId, clientSecret: sandbox.demo.clientSecret, apiKey: sandbox.demo.apiKey};
  const session = emulatorSession(sandbox, {credentials}, saved);
  const done = runAccessible(
    {
      stdin,
      stdout,
      stderr,
      clock: () => Date.now(),
      timers: systemTimers,
      onInterrupt(handler) {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
    },
    session,
    {recheck: {windowMs: 600, firstDelayMs: 50, maxDelayMs: 200}, ...options},
  );
  const out = () => Buffer.concat(outChunks).toString('utf8');
  return {
    done,
    type: (...lines) => stdin.write(lines.map((l) => `${l}\n`).join('')),
    end: () => stdin.end(),
    out,
    err: () => err,
    outBytes: () => Buffer.concat(outChunks),
    async waitFor(text, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!out().includes(text)) {
        if (Date.now() > deadline) throw new Error(`stdout never held ${JSON.stringify(text)}; it holds:\n${out()}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return out();
    },
    interrupt: (signal = 'SIGINT') => [...handlers].forEach((h) => h(signal)),
    saved,
  };
}
