/**
 * A 1,000-row `btalk order --from` batch, the emulator delaying every answer 100 ms, 8 orders in
 * flight, against the ideal: rows x delay / concurrency.
 */
import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {RunningEmulator} from '../src/emulator/types.js';
import {btalk} from './proc.js';
import {ms, report, section} from './stats.js';

const COUNTRIES = ['FR', 'DE', 'GB', 'ES', 'IT'];

export async function batchBench(emulator: RunningEmulator, baseEnv: NodeJS.ProcessEnv, rows: number, latencyMs: number, concurrency: number): Promise<void> {
  section(`Batch: ${rows} rows, every answer delayed ${latencyMs} ms, concurrency ${concurrency}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'btalk-bench-batch-'));
  const lines = Array.from({length: rows}, (_, k) => `My VPN 1,${COUNTRIES[k % COUNTRIES.length]},BATCH_${process.pid}_${k + 1},Batch site ${k + 1},PO-${k + 1}`);
  const file = path.join(dir, 'sites.csv');
  await writeFile(file, ['vpn,country,site-name,label,reference', ...lines].join('\n') + '\n');
  const saved = emulator.settings.latencyMs;
  emulator.settings.latencyMs = latencyMs;
  try {
    const before = emulator.counters.ordersCreated;
    const r = await btalk(['order', '--from', file, '--concurrency', String(concurrency), '--yes'], {
      ...baseEnv,
      BTALK_CONFIG_DIR: path.join(dir, 'config'),
      BTALK_BASE_URL: emulator.baseUrl,
      BTALK_CLIENT_ID: emulator.demo.clientId,
      BTALK_CLIENT_SECRET: emulator.demo.clientSecret,
      BTALK_API_KEY: emulator.demo.apiKey,
    });
    const ordered = emulator.counters.ordersCreated - before;
    if (r.code !== 0 || ordered !== rows) throw new Error(`batch: exit ${r.code}, ${ordered} of ${rows} ordered: ${r.stderr.slice(-600)}`);
    const ideal = (rows * latencyMs) / concurrency;
    const ratio = r.ms / ideal;
    report({name: `batch of ${rows} rows (${ordered} ordered)`, value: ms(r.ms), reference: `ideal ${ms(ideal)}`, ratio, goal: '<= 1.1x', met: ratio <= 1.1});
  } finally {
    emulator.settings.latencyMs = saved;
  }
}
