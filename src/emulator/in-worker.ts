/**
 * The host side of the embedded emulator's worker thread (worker.ts is the worker's entry). The
 * emulator answers over real HTTP on 127.0.0.1 as it does in-process; only where its code runs
 * changes: on the second core, so the wizard's main thread loads and draws while it starts, and
 * answers while the wizard handles the previous answer. Its live settings and faults are reached
 * as before, through its control route (/_emulator).
 *
 * A worker thread cannot outlive its process: whatever ends btalk (an exit, Ctrl+C, SIGTERM, an
 * uncaught error) ends the emulator with it. The worker holds the process open only while it is
 * starting or closing; the rest of the time the session's own sockets and stdin do.
 */
import {Worker} from 'node:worker_threads';
import {BtalkError} from '../errors.js';
import type {EmbeddedEmulator} from '../session.js';

export interface WorkerStart {
  port?: number;
}

/** Worker to host. */
export type WorkerMessage =
  | {kind: 'ready'; baseUrl: string; demo: EmbeddedEmulator['demo']; accounts: object}
  | {kind: 'failed'; message: string}
  | {kind: 'closed'};

/** Host to worker. */
export type HostMessage = {kind: 'close'};

/** How long close() waits for the emulator to stop its server before ending the thread outright. */
const CLOSE_DEADLINE_MS = 2000;

function startFailed(detail: string): BtalkError {
  return new BtalkError('bug', `The embedded emulator did not start: ${detail}`, {hint: 'Run btalk sandbox to see whether the emulator starts on its own.'});
}

/** Starts the emulator in a worker running `entry` (dist/emulator-worker.cjs); resolves once it listens. */
export function startEmulatorInWorker(entry: URL, options: WorkerStart = {}): Promise<EmbeddedEmulator> {
  const worker = new Worker(entry, {workerData: {port: options.port ?? 0} satisfies WorkerStart});
  let gone = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      gone = true;
      resolve();
    }),
  );
  return new Promise<EmbeddedEmulator>((resolve, reject) => {
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        if (gone) return;
        worker.ref();
        worker.postMessage({kind: 'close'} satisfies HostMessage);
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<void>((done) => (timer = setTimeout(done, CLOSE_DEADLINE_MS)));
        await Promise.race([exited, deadline]);
        clearTimeout(timer);
        if (!gone) await worker.terminate();
      })());
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'failed') reject(startFailed(message.message));
      if (message.kind !== 'ready') return;
      // From here the session's requests and the terminal keep the process alive, not the emulator.
      worker.unref();
      resolve({baseUrl: message.baseUrl, demo: message.demo, accounts: message.accounts, close});
    });
    // Before it is ready, a failure to start; after, the emulator is gone and the next request
    // says so (connection refused) as it would for any server.
    worker.on('error', (error) => reject(startFailed(error.message)));
    void exited.then(() => reject(startFailed('its thread ended before it listened.')));
  });
}
