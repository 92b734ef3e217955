/**
 * The embedded emulator in a worker thread: this file is the worker's entry (bundled as
 * dist/emulator-worker.cjs, CommonJS, so it has no top-level await: Node starts a CommonJS worker
 * without its ES module loader). `btalk --sandbox` starts it as the run begins (cli.tsx), so the
 * emulator's code, its fixtures and every request it answers run on another core while the
 * command tree, the HTTP client and Ink load and draw on the main thread. The host side is
 * in-worker.ts; the messages are the `WorkerMessage` and `HostMessage` types there.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {startEmulator} from './server.js';
import type {HostMessage, WorkerMessage, WorkerStart} from './in-worker.js';

const port = parentPort;
if (!port) throw new Error('emulator/worker.ts runs only as a worker thread (see emulator/in-worker.ts).');
const send = (message: WorkerMessage) => port.postMessage(message);

const start = workerData as WorkerStart;
startEmulator({port: start.port ?? 0}).then(
  (running) => {
    port.on('message', (message: HostMessage) => {
      if (message.kind !== 'close') return;
      void running.close().then(() => {
        send({kind: 'closed'});
        // Nothing else holds the thread: it ends once the port is closed.
        port.close();
      });
    });
    const {accounts, demo, baseUrl} = running;
    send({kind: 'ready', baseUrl, demo, accounts: structuredClone(accounts)});
  },
  (error: unknown) => {
    send({kind: 'failed', message: error instanceof Error ? error.message : String(error)});
    port.close();
  },
);
