/**
 * Benchmark: a 200-row `btalk order --from` batch against an in-process emulator that adds 50 ms
 * to every answer, at concurrency 1, 4 and 8. Prints rows per second and peak RSS; asserts
 * nothing (speed belongs here, not in tests). Its own composition root, so it may read process.*.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Writable} from 'node:stream';
import {createBusinessTalkApi} from '../src/api/client.js';
import {createConfigStore} from '../src/config/config-store.js';
import {runBatch} from '../src/order/batch.js';
import {mergeOrderOptions} from '../src/order/order-options.js';
import type {Runtime} from '../src/runtime.js';
import {startEmulator} from '../src/emulator/server.js';
import {MemorySecretStore} from '../src/secrets/memory-store.js';
import {createSessionFactory} from '../src/session.js';
import {systemTimers} from '../src/timers.js';

const ROWS = 200;
const LATENCY_MS = 50;
const COUNTRIES = ['FR', 'DE', 'GB', 'ES', 'IT'];

function csvText(rows: number): string {
  const lines = Array.from({length: rows}, (_, k) => `My VPN 1,${COUNTRIES[k % COUNTRIES.length]},BENCH_${String(k + 1).padStart(3, '0')},Bench site ${k + 1},PO-${k + 1}`);
  return ['vpn,country,site-name,label,reference', ...lines].join('\n') + '\n';
}

const sink = () => new Writable({write: (_chunk, _enc, done) => done()});

export interface BatchBenchResult {
  concurrency: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  ordersCreated: number;
  exitCode: number;
}

export async function benchBatch(concurrency: number): Promise<BatchBenchResult> {
  const sandbox = await startEmulator({settings: {latencyMs: LATENCY_MS}});
  const dir = await mkdtemp(path.join(tmpdir(), 'btalk-bench-'));
  try {
    await writeFile(path.join(dir, 'sites.csv'), csvText(ROWS));
    const env = {BTALK_CLIENT_ID: sandbox.demo.clientId, BTALK_CLIENT_SECRET: sandbox.demo.clientSecret, BTALK_API_KEY: sandbox.demo.apiKey};
    const runtime: Runtime = {
      env,
      stdin: process.stdin,
      stdout: sink(),
      stderr: sink(),
      interactive: false,
      cwd: dir,
      platform: process.platform,
      clock: () => Date.now(),
      random: Math.random,
      timers: systemTimers,
      onInterrupt: () => () => {},
      version: 'bench',
    };
    const sessions = createSessionFactory({
      runtime,
      config: createConfigStore(dir),
      keychain: () => new MemorySecretStore(),
      createApi: createBusinessTalkApi,
      startEmulator,
      debugSink: () => {},
    });
    const options = mergeOrderOptions({from: 'sites.csv', yes: true, concurrency: String(concurrency)}, {});
    const started = performance.now();
    const exitCode = await runBatch({runtime, sessions, globals: {baseUrl: sandbox.baseUrl, profile: 'default'}}, {...options, from: 'sites.csv'});
    const seconds = (performance.now() - started) / 1000;
    return {concurrency, rows: ROWS, seconds, rowsPerSecond: ROWS / seconds, ordersCreated: sandbox.counters.ordersCreated, exitCode};
  } finally {
    await sandbox.close();
    await rm(dir, {recursive: true, force: true});
  }
}

export async function runBatchBench(log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<void> {
  log(`batch: ${ROWS} rows, emulator latency ${LATENCY_MS} ms per answer (checks included: GET /me, /customers, /vpns, /countries, /voicesites)`);
  for (const concurrency of [1, 4, 8]) {
    const r = await benchBatch(concurrency);
    const rssMb = process.resourceUsage().maxRSS / 1024;
    log(
      `  concurrency ${String(concurrency).padStart(2)}: ${r.seconds.toFixed(2)} s, ${r.rowsPerSecond.toFixed(1)} rows/s, ` +
        `${r.ordersCreated} ordered (exit ${r.exitCode}), peak RSS so far ${rssMb.toFixed(0)} MB`,
    );
  }
}
