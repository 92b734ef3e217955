/**
 * What a batch tells the person: every problem of every row in one run (the API's checks too),
 * progress while it checks and sends, plurals, and what an interrupt after the last row means.
 */
import {readFile, writeFile} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {useBatchRuns} from '../order/harness.js';

const POST = 'POST /customers/:customerCode/orders';

describe('btalk order --from: what it says', () => {
  const {sandbox, file, run} = useBatchRuns('btalk-report-');

  it('lists all five problems of a row wrong in five ways in one run, the API checks included', async () => {
    const label = 'L'.repeat(81);
    const reference = 'R'.repeat(41);
    await writeFile(file('sites.csv'), `vpn,country,site-name,label,reference\nMy VPN 1,FR,GOOD_1,Good,PO-1\nNo such VPN,AQ,bad name,${label},${reference}\n`);
    const r = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(r.code).toBe(2);
    const row3 = r.stderr.split('\n').filter((l) => l.includes('row 3,'));
    expect(row3).toHaveLength(5);
    expect(row3[0]).toContain('row 3, vpn');
    expect(row3[0]).toContain('no VPN with id, code or name "No such VPN"');
    expect(row3[1]).toContain('row 3, country');
    expect(row3[1]).toContain('not covered');
    expect(row3[2]).toContain('row 3, site-name');
    expect(row3[3]).toContain('row 3, label');
    expect(row3[4]).toContain('row 3, reference');
    expect(r.stderr).toContain('1 of 2 rows needs fixing');
    expect(r.stderr).not.toContain('row 2,');
    expect(sandbox().counters.byRoute[POST] ?? 0).toBe(0);
  });

  it('says "1 row", not "1 rows", and shows progress while it checks and sends', async () => {
    await writeFile(file('one.csv'), 'vpn,country,label\nMy VPN 1,FR,Solo site\n');
    const r = await run(['order', '--from', 'one.csv', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Checking 1 row of one.csv');
    expect(r.stderr).not.toMatch(/\b1 rows\b/);
    // Not a terminal: plain lines, a last one for each phase.
    expect(r.stderr).toContain('Checking: 1/1 row ·');
    expect(r.stderr).toContain('Sending: 1/1 row ·');
    expect(r.stderr).toContain('1 ordered');
  });

  it('in a terminal, draws a bar while slow lists are checked, before any row is done', async () => {
    const rows = Array.from({length: 30}, (_, i) => `My VPN 1,FR,SLOW_${i},Slow ${i}`);
    await writeFile(file('slow.csv'), ['vpn,country,site-name,label', ...rows].join('\n'));
    sandbox().settings.latencyMs = 500;
    const r = await run(['order', '--from', 'slow.csv', '--dry-run'], {
      onRuntime(runtime) {
        Object.assign(runtime.stderr, {isTTY: true, columns: 80});
      },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\r\u001b\[2KChecking \[-+\] 0\/30 rows · 0 s so far/);
    // The ticker redraws while every row waits on the same slow lists: the wait is never silent.
    expect(r.stderr).toMatch(/\r\u001b\[2KChecking \[-+\] 0\/30 rows · [1-9]\d* s so far/);
    expect(r.stderr).toMatch(/Checking \[#+\] 30\/30 rows · done in \d+ s\n/);
  });

  it('Ctrl+C after the last row was sent: the batch is complete, and it says so', async () => {
    await writeFile(file('sites.csv'), 'vpn,country,label\nMy VPN 1,FR,Last one\nMy VPN 1,DE,Last two\n');
    sandbox().injectFault({route: POST, delayMs: 1_000, times: 2});
    const r = await run(['order', '--from', 'sites.csv', '--yes', '--concurrency', '2'], {
      onRuntime(runtime) {
        // Ctrl+C once the emulator holds both POSTs: every row is sent, no answer is back yet.
        const poll = setInterval(() => {
          if ((sandbox().counters.byRoute[POST] ?? 0) < 2) return;
          clearInterval(poll);
          runtime.interrupt();
        }, 10);
        setTimeout(() => clearInterval(poll), 20_000).unref();
      },
    });
    expect(r.stderr).toContain('Every row has been sent; waiting for the last 2 answers');
    expect(r.stderr).toContain('Interrupted after the last row: every row had been sent, so the batch is complete.');
    expect(r.stderr).not.toContain('0 rows were not sent');
    expect(r.code).toBe(0);
    expect(sandbox().counters.ordersCreated).toBe(2);
    expect(await readFile(file('sites.results.csv'), 'utf8')).toContain('Last two');
  });
});
