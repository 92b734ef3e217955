import {readFile, writeFile} from 'node:fs/promises';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import type {RunningEmulator} from '../helpers/emulator.js';
import {btalk, credentialEnv, useBatchRuns} from '../order/harness.js';

const POST = 'POST /customers/:customerCode/orders';
const COUNTRIES = ['FR', 'DE', 'GB', 'ES', 'IT'];
const FAST_BACKOFF = {backoff: {baseMs: 5, maxMs: 20, maxAttempts: 6}};

function siteName(i: number): string {
  return `SITE_${String(i).padStart(3, '0')}`;
}

function batchCsv(count: number): string {
  const rows = Array.from({length: count}, (_, k) => {
    const i = k + 1;
    return `${i % 2 ? 'My VPN 1' : 'aa76e66dfc63'},${COUNTRIES[i % COUNTRIES.length]},${siteName(i)},"Site ${i}, floor ${i % 7}",PO-${i}`;
  });
  return ['vpn,country,site-name,label,reference', ...rows].join('\r\n') + '\r\n';
}

async function batchSites(sandbox: RunningEmulator): Promise<string[]> {
  const r = await btalk(sandbox, ['--json', 'voicesites', '--filter', 'SITE_'], {env: credentialEnv(EMULATOR_ACCOUNTS.demo)});
  return (JSON.parse(r.stdout) as Array<{technicalSiteName: string}>).map((s) => s.technicalSiteName);
}

function readResults(text: string): Array<Record<string, string>> {
  return parse(text, {columns: true}) as Array<Record<string, string>>;
}

describe('btalk order --from', () => {
  const {sandbox, file, run} = useBatchRuns('btalk-batch-', {tuning: FAST_BACKOFF});

  it('orders 200 rows with failures injected, then a second run finishes the job without duplicates', async () => {
    await writeFile(file('sites.csv'), batchCsv(200));
    sandbox().injectFault({route: POST, status: 503, json: {code: 5, message: 'Service unavailable'}, times: 5});
    sandbox().injectFault({route: POST, reset: 'after', times: 3});
    sandbox().injectFault({route: POST, status: 429, json: {code: 53, message: 'Too many requests'}, times: 4});

    // A short re-check window: the 503 rows stay unknown after it (nothing is listed), never "not created".
    const env = {...credentialEnv(EMULATOR_ACCOUNTS.demo), BTALK_RECHECK_SECONDS: '0.3'};
    const first = await run(['order', '--from', 'sites.csv', '--yes'], {env});
    expect(first.code).toBe(1);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(200);
    expect(lines.filter((l) => / unknown /.test(l))).toHaveLength(5);
    expect(first.stderr).toContain('195 ordered, 0 failed, 5 unknown, 0 skipped, 0 not sent');
    expect(first.stderr).toContain('rate limited');
    const results = readResults(await readFile(file('sites.results.csv'), 'utf8'));
    expect(results).toHaveLength(200);
    const unknown = results.filter((r) => r['status'] === 'unknown');
    expect(unknown).toHaveLength(5);
    expect(unknown.every((r) => r['error']?.includes('may still be processing') && !r['error'].includes('NOT created'))).toBe(true);
    expect(sandbox().counters.ordersCreated).toBe(195);

    // A rerun checks them again and does not resend them on its own.
    const second = await run(['order', '--from', 'sites.csv', '--yes'], {env});
    expect(second.code).toBe(1);
    expect(second.stdout.split('\n').filter((l) => / unknown /.test(l))).toHaveLength(5);
    expect(sandbox().counters.ordersCreated).toBe(195);

    // Sending them again is a choice: --resend-if-absent, after this run's complete check.
    const third = await run(['order', '--from', 'sites.csv', '--yes', '--resend-if-absent'], {env});
    expect(third.code).toBe(0);
    expect(third.stderr).toContain('5 ordered, 0 failed, 195 skipped');
    const names = await batchSites(sandbox());
    expect(names).toHaveLength(200);
    expect(new Set(names).size).toBe(200);
    expect(sandbox().counters.ordersCreated).toBe(200);
    const after = readResults(await readFile(file('sites.results.csv'), 'utf8'));
    expect(after.map((r) => r['status']).sort()).toEqual([...Array(195).fill('skipped'), ...Array(5).fill('ok')].sort());
    expect(after.every((r) => r['voiceSiteId'])).toBe(true);
  });

  it('checks the results path before any POST: a directory there is refused, nothing sent', async () => {
    await writeFile(file('sites.csv'), batchCsv(3));
    const {mkdir} = await import('node:fs/promises');
    await mkdir(file('sites.results.csv'));
    const r = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Nothing was sent: the results file .*sites\.results\.csv is a directory/);
    expect(sandbox().counters.byRoute[POST]).toBeUndefined();
  });

  it('refuses a file with bad rows before any POST, reporting every bad row with its column', async () => {
    const text = [
      'vpn,country,site-name,label,reference',
      'My VPN 1,FR,GOOD_1,Good one,PO-1',
      'No such VPN,FR,BAD_VPN,Bad VPN,PO-2',
      'My VPN 1,AQ,BAD_COUNTRY,Antarctica,PO-3',
      'My VPN 1,FR,bad name,Bad name,PO-4',
      'My VPN 1,FR,GOOD_1,Same name again,PO-5',
      'My VPN 1,Narnia,,,PO-6',
    ].join('\n');
    await writeFile(file('sites.csv'), text);
    const r = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(r.code).toBe(2);
    for (const needle of ['row 3, vpn', 'row 4, country', 'row 5, site-name', 'row 6, site-name: GOOD_1 is also the site name of row 2', 'row 7, country', 'row 7, label']) {
      expect(r.stderr).toContain(needle);
    }
    expect(r.stderr).toContain('5 of 6 rows need fixing');
    expect(r.stderr).toContain('Next: Fix those rows in sites.csv');
    expect(sandbox().counters.byRoute[POST] ?? 0).toBe(0);
    expect(sandbox().counters.ordersCreated).toBe(0);
  });

  it('stops on Ctrl+C, waits for the rows in flight, writes results, exits 130; running again resumes', async () => {
    await writeFile(file('sites.csv'), batchCsv(200));
    sandbox().settings.latencyMs = 15;
    let interruptedAfter = -1;
    const first = await run(['--json', 'order', '--from', 'sites.csv', '--yes'], {
      onRuntime(runtime) {
        let lines = 0;
        runtime.stdout.on('data', (chunk: Buffer) => {
          lines += chunk.toString().split('\n').length - 1;
          if (lines >= 12 && interruptedAfter < 0) {
            interruptedAfter = lines;
            runtime.interrupt();
          }
        });
      },
    });
    expect(first.code).toBe(130);
    expect(first.stderr).toContain('Stopping: no new rows will be sent');
    const printed = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as {status: string; row: number});
    const ok = printed.filter((p) => p.status === 'ok').length;
    // Everything that was in flight finished and was reported; nothing after that started.
    expect(ok).toBe(sandbox().counters.ordersCreated);
    expect(ok).toBeGreaterThanOrEqual(12);
    expect(ok).toBeLessThan(200);
    const results = readResults(await readFile(file('sites.results.csv'), 'utf8'));
    expect(results).toHaveLength(200);
    expect(results.filter((r) => r['status'] === 'not-sent')).toHaveLength(200 - ok);

    sandbox().settings.latencyMs = 0;
    const second = await run(['order', '--from', 'sites.csv', '--yes', '--concurrency', '8']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`${200 - ok} ordered, 0 failed, ${ok} skipped`);
    const names = await batchSites(sandbox());
    expect(names).toHaveLength(200);
    expect(new Set(names).size).toBe(200);
    expect(sandbox().counters.ordersCreated).toBe(200);
  });

  it('prints one JSON line per row with --json, and fills missing columns from flags', async () => {
    await writeFile(file('sites.csv'), 'site-name,label\nA_SITE,Site A\nB_SITE,Site B\n');
    const r = await run(['--json', 'order', '--from', 'sites.csv', '--vpn', '2', '--country', 'Spain', '--yes']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((x) => [x['row'], x['technicalSiteName'], x['status']]).sort()).toEqual([
      [2, 'A_SITE', 'ok'],
      [3, 'B_SITE', 'ok'],
    ]);
    expect(rows.every((x) => typeof x['voiceSiteId'] === 'string')).toBe(true);
    const list = await btalk(sandbox(), ['--json', 'voicesites', '--filter', '_SITE'], {env: credentialEnv(EMULATOR_ACCOUNTS.demo)});
    expect(JSON.parse(list.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({technicalSiteName: 'A_SITE', country: 'ES', vpnId: '3a45b33edf3'})]),
    );
  });

  it('needs --yes without a terminal, asks once in a terminal showing the row count, and --dry-run sends nothing', async () => {
    await writeFile(file('sites.csv'), batchCsv(3));
    const noYes = await run(['order', '--from', 'sites.csv']);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('--yes');
    expect(sandbox().counters.requests).toBe(0);

    const dry = await run(['order', '--from', 'sites.csv', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout.match(/^POST /gm)).toHaveLength(3);
    expect(sandbox().counters.ordersCreated).toBe(0);

    const declined = await run(['order', '--from', 'sites.csv'], {interactive: true, stdin: 'n\n'});
    expect(declined.stderr).toContain('Order 3 voicesites from sites.csv');
    expect(declined.code).toBe(130);
    expect(sandbox().counters.ordersCreated).toBe(0);

    const confirmed = await run(['order', '--from', 'sites.csv'], {interactive: true, stdin: 'y\n'});
    expect(confirmed.code).toBe(0);
    expect(sandbox().counters.ordersCreated).toBe(3);
  });

  it('with several customers, skips a row only when its own customer has that site name', async () => {
    await writeFile(file('sites.csv'), 'customer,vpn,country,site-name,label\n41002,Acme Americas VPN 01,US,NEW_YORK_OFFICE,New York office\n41001,Acme EU VPN 45,FR,NEW_YORK_OFFICE,New York desk\n');
    const r = await run(['--json', 'order', '--from', 'sites.csv', '--yes'], {env: credentialEnv(EMULATOR_ACCOUNTS.multi)});
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as {row: number; status: string; voiceSiteId: string});
    expect(rows.find((x) => x.row === 2)).toMatchObject({status: 'skipped', voiceSiteId: 'vs81b07d4e55'});
    expect(rows.find((x) => x.row === 3)).toMatchObject({status: 'ok'});
    expect(sandbox().counters.ordersCreated).toBe(1);
  });

  it('says which file it cannot read', async () => {
    const r = await run(['order', '--from', 'missing.csv', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot read missing.csv: there is no such file in ');
  });
});
