/**
 * A batch under the API's rate limiting: what a person sees, how long the batch waits, and that
 * nothing is ordered twice or left unaccounted for. The POST is never retried by the client; the
 * batch retries a row only when the API refused it as "too many requests" (nothing was created).
 */
import {readFile, writeFile} from 'node:fs/promises';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {useBatchRuns} from '../order/harness.js';

const POST = 'POST /customers/:customerCode/orders';
const TOO_MANY = {code: 53, message: 'Too many requests', description: 'The application has made too many calls.'};
// Our own backoff is a few milliseconds here, so any longer wait is the server's Retry-After.
const FAST_BACKOFF = {backoff: {baseMs: 5, maxMs: 20, maxAttempts: 6}};

function csvOf(count: number): string {
  const rows = Array.from({length: count}, (_, k) => `My VPN 1,FR,RL_SITE_${k + 1},Rate limited ${k + 1},PO-${k + 1}`);
  return ['vpn,country,site-name,label,reference', ...rows].join('\n') + '\n';
}

describe('btalk order --from under rate limiting', () => {
  const {sandbox, file, run} = useBatchRuns('btalk-batch-rl-', {tuning: FAST_BACKOFF});
  const results = async () => parse(await readFile(file('sites.results.csv'), 'utf8'), {columns: true}) as Array<Record<string, string>>;

  it("waits as long as the server's Retry-After asks (not its own shorter backoff), says so, then orders every row once", async () => {
    await writeFile(file('sites.csv'), csvOf(3));
    sandbox().injectFault({route: POST, status: 429, json: TOO_MANY, headers: {'retry-after': '1'}});
    const r = await run(['order', '--from', 'sites.csv', '--yes', '--concurrency', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/row 2: rate limited, waiting 1\.0 s \(the API asked for 1 s\) before trying again \(not sent yet\)/);
    expect(r.stderr).toContain('3 ordered, 0 failed, 0 skipped, 0 not sent');
    expect(sandbox().counters.byRoute[POST]).toBe(4);
    expect(sandbox().counters.ordersCreated).toBe(3);
  });

  it('halts instead of waiting for hours: the refused row fails with the server answer, the rest are not sent, a later run finishes', async () => {
    await writeFile(file('sites.csv'), csvOf(5));
    sandbox().injectFault({route: POST, status: 429, json: TOO_MANY, headers: {'retry-after': '3600'}, times: 100});
    const first = await run(['order', '--from', 'sites.csv', '--yes', '--concurrency', '1']);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('Too many requests (429 code 53); the server asked to wait 3600 s.');
    expect(first.stderr).toContain('0 ordered, 1 failed, 0 skipped, 4 not sent');
    expect(first.stderr).toContain('Stopped sending: the API asked to wait 3600 s before taking more orders. Run the same command again after that');
    expect(sandbox().counters.byRoute[POST]).toBe(1);
    const written = await results();
    expect(written.map((x) => x['status']).sort()).toEqual(['failed', 'not-sent', 'not-sent', 'not-sent', 'not-sent']);
    expect(written.filter((x) => x['status'] === 'not-sent').every((x) => x['error']?.includes('asked to wait 3600 s'))).toBe(true);

    sandbox().clearFaults();
    const second = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('5 ordered, 0 failed, 0 skipped, 0 not sent');
    expect(sandbox().counters.ordersCreated).toBe(5);
  });

  it('a long Retry-After on the checks (GET) stops the batch before anything is sent, saying how long to wait', async () => {
    await writeFile(file('sites.csv'), csvOf(3));
    sandbox().injectFault({route: 'GET /voicesites', status: 429, json: TOO_MANY, headers: {'retry-after': '120'}, times: 5});
    const r = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Too many requests (429 code 53); the server asked to wait 120 s.');
    expect(r.stderr).toContain('Next: Wait that long, then try again.');
    expect(sandbox().counters.byRoute[POST] ?? 0).toBe(0);
  });
});
