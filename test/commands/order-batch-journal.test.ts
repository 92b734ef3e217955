/**
 * A batch and its journal on a slow disk: each row's line is written before its result is printed
 * or counted, while the next rows are already being sent. Interrupted, the batch leaves one line
 * per order the API took, no more and no fewer, and a summary that agrees with it.
 */
import {mkdtemp, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {createOrderJournal, readJournal, type OrderJournal} from '../../src/journal/journal.js';
import {useBatchRuns} from '../order/harness.js';

const ROWS = 60;

function batchCsv(count: number): string {
  const rows = Array.from({length: count}, (_, k) => `My VPN 1,FR,JOURNAL_${String(k + 1).padStart(2, '0')},Site ${k + 1},PO-${k + 1}`);
  return ['vpn,country,site-name,label,reference', ...rows].join('\n') + '\n';
}

/** The real journal, each line written 20 ms late: a disk slower than the API. */
async function slowJournal(): Promise<{journal: OrderJournal; file: string; printedBeforeWritten: string[]; watch: (printed: () => string) => void}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'btalk-batch-journal-'));
  const real = createOrderJournal({location: {dir}, warn: () => undefined});
  const printedBeforeWritten: string[] = [];
  let printed = () => '';
  const journal: OrderJournal = {
    file: real.file,
    problem: real.problem,
    async append(entry) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Nothing may have printed this row's result yet: its line is not written.
      const name = entry.technicalSiteName;
      if (printed().includes(`${name} `) || printed().includes(`"${name}"`)) printedBeforeWritten.push(name);
      await real.append(entry);
    },
  };
  return {journal, file: real.file!, printedBeforeWritten, watch: (p) => (printed = p)};
}

describe('btalk order --from and the order journal', () => {
  const {sandbox, file, run} = useBatchRuns('btalk-batch-journal-');

  it('Ctrl+C on a slow disk: one line per order taken, each written before its row was printed; the rerun adds the rest', async () => {
    await writeFile(file('sites.csv'), batchCsv(ROWS));
    sandbox().settings.latencyMs = 10;
    const slow = await slowJournal();
    let interrupted = false;
    const first = await run(['--json', 'order', '--from', 'sites.csv', '--yes', '--concurrency', '4'], {
      journal: slow.journal,
      onRuntime(runtime) {
        slow.watch(() => runtime.out());
        runtime.stdout.on('data', () => {
          if (!interrupted && runtime.out().split('\n').length > 10) {
            interrupted = true;
            runtime.interrupt();
          }
        });
      },
    });
    expect(first.code).toBe(130);
    expect(slow.printedBeforeWritten).toEqual([]);
    const printed = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as {row: number; status: string; technicalSiteName: string});
    const ok = printed.filter((p) => p.status === 'ok');
    const {entries, unreadable} = await readJournal(slow.file);
    expect(unreadable).toBe(0);
    // Every order the API took is in the journal once, and was reported; nothing else is.
    expect(entries).toHaveLength(sandbox().counters.ordersCreated);
    expect(ok).toHaveLength(sandbox().counters.ordersCreated);
    expect(entries.map((e) => e.technicalSiteName).sort()).toEqual(ok.map((p) => p.technicalSiteName).sort());
    expect(entries.every((e) => e.outcome === 'ordered' && e.source === 'batch')).toBe(true);
    expect(new Set(entries.map((e) => e.batch?.row)).size).toBe(entries.length);
    expect(ok.length).toBeLessThan(ROWS);
    expect(first.stderr).toContain(`${ok.length} ordered, 0 failed, 0 skipped, ${ROWS - ok.length} not sent`);
    const results = parse(await readFile(file('sites.results.csv'), 'utf8'), {columns: true, bom: true}) as Array<Record<string, string>>;
    expect(results.filter((r) => r['status'] === 'ok')).toHaveLength(ok.length);

    const second = await run(['order', '--from', 'sites.csv', '--yes', '--concurrency', '4'], {journal: slow.journal});
    expect(second.code).toBe(0);
    const after = await readJournal(slow.file);
    expect(after.entries).toHaveLength(ROWS);
    expect(new Set(after.entries.map((e) => e.technicalSiteName)).size).toBe(ROWS);
    expect(sandbox().counters.ordersCreated).toBe(ROWS);
  });
});
