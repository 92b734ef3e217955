/**
 * The built CLI against a server that stalls, floods or rate-limits: every wait ends within its
 * bound and is said on stderr, and no answer makes btalk hold more than a bounded amount of memory
 * (peak RSS read in the child itself). Needs `npm run build` first (npm test does it).
 */
import type {ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeEach, describe, expect, it} from 'vitest';
import {BUILT_CLI, runBuiltCli, type CliRun, type CliRunOptions} from '../helpers/built-cli.js';
import {emulatorEnv, useEmulator, type RunningEmulator} from '../helpers/emulator.js';

const REPORT_RSS = fileURLToPath(new URL('../helpers/report-rss.mjs', import.meta.url));

/** A temp folder for each test, and the built CLI there against the emulator's demo account. */
function builtCliOn(sandbox: () => RunningEmulator, prefix: string) {
  let dir = '';
  beforeEach(async () => {
    expect(existsSync(BUILT_CLI), 'run "npm run build" first').toBe(true);
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  return {
    dir: () => dir,
    run: (args: string[], env: Record<string, string> = {}, options: Pick<CliRunOptions, 'nodeArgs' | 'watch' | 'onSpawn'> = {}): Promise<CliRun> =>
      runBuiltCli(args, {cwd: dir, env: {NO_COLOR: '1', ...emulatorEnv(sandbox()), ...env}, ...options}),
  };
}

describe('btalk against a hostile server (built CLI)', () => {
  const sandbox = useEmulator();
  const cli = builtCliOn(sandbox, 'btalk-hostile-');

  /** Also reads the child's peak resident memory, in MB, which it writes on exit. */
  async function run(args: string[], env: Record<string, string> = {}): Promise<CliRun & {peakRssMb: number}> {
    const rssFile = path.join(cli.dir(), `rss-${Math.random().toString(36).slice(2)}`);
    const result = await cli.run(args, {BTALK_TEST_RSS_FILE: rssFile, ...env}, {nodeArgs: ['--import', REPORT_RSS]});
    const kb = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN'));
    return {...result, peakRssMb: kb / 1024};
  }

  it('a stalled GET ends within --timeout with "did not answer"', async () => {
    sandbox().injectFault({route: 'GET /voicesites', stall: true, times: 20});
    const result = await run(['voicesites'], {BTALK_TIMEOUT: '2'});
    expect(result.code).toBe(1);
    // The time it really waited: the 2 s bound, or more on a busy machine.
    const waited = /Error: The API did not answer GET \/voicesites\?offset=0&limit=1000 within ([\d.]+) s\./.exec(result.stderr);
    expect(waited, result.stderr).not.toBeNull();
    expect(Number(waited?.[1])).toBeGreaterThanOrEqual(2);
    expect(result.stderr).toMatch(/--timeout/);
    // 2 s bound plus start-up; generous for a busy machine, far below the 123 s of unbounded retries.
    expect(result.ms).toBeLessThan(20_000);
    expect(sandbox().counters.byRoute['GET /voicesites']).toBe(1);
  });

  it('a Retry-After pause is announced on stderr without --debug, then the command succeeds', async () => {
    sandbox().injectFault({route: 'GET /voicesites', status: 429, headers: {'retry-after': '1'}});
    const result = await run(['voicesites']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^The API asked to wait 1\.0 s \(rate limited\) before GET \/voicesites\?offset=0&limit=1000; retrying at \d\d:\d\d:\d\d \(retry 1 of 3\)\.$/m);
    expect(result.stdout).toMatch(/PARIS_HQ/);
  });

  it('a 100 MB body ends in a clear error with bounded memory', async () => {
    sandbox().injectFault({route: 'GET /me', hugeBodyBytes: 100_000_000});
    const result = await run(['status']);
    expect(result.stderr).toMatch(/answer to GET \/me was refused: its answer is larger than 10 MB, the most btalk reads in one answer/);
    expect(result.stdout + result.stderr).not.toMatch(/vshuge0000001/);
    expect(result.peakRssMb).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeLessThan(200);
  });

  it('a gzip bomb (1 GiB from about 1 MB) ends in a clear error with bounded memory', async () => {
    sandbox().injectFault({route: 'GET /voicesites', gzipBombBytes: 1024 * 1024 * 1024});
    const result = await run(['voicesites']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/inflates to more than 10 MB, the most btalk reads in one answer \(a decompression bomb\?\)/);
    expect(result.peakRssMb).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeLessThan(200);
  });
});

describe('signals during an order (built CLI)', () => {
  const sandbox = useEmulator();
  const cli = builtCliOn(sandbox, 'btalk-signal-');
  const dir = () => cli.dir();

  /** Runs btalk and sends `signal` once its output shows `when`. */
  function runAndSignal(args: string[], when: RegExp, signal: NodeJS.Signals): Promise<CliRun> {
    let sent = false;
    return cli.run(args, {}, {
      watch: (output, child) => {
        if (sent || !when.test(output.stdout + output.stderr)) return;
        sent = true;
        child.kill(signal);
      },
    });
  }

  it('SIGTERM during the POST: the answer is awaited, the outcome printed, exit 143', async () => {
    sandbox().injectFault({route: 'POST /customers/:code/orders', delayMs: 800});
    const r = await runAndSignal(['order', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'Term office', '--yes'], /Ordering TERM_OFFICE/, 'SIGTERM');
    expect(r.stderr).toMatch(/SIGTERM: the order is on its way; waiting for its answer/);
    expect(r.stderr).toMatch(/Ordered: voiceSiteId \S+/);
    expect(r.stdout).toMatch(/^\S+\n$/);
    expect(r.code).toBe(143);
    expect(sandbox().counters.ordersCreated).toBe(1);
  });

  it('SIGHUP while the outcome is unknown: the search stops, the outcome is said unknown, exit 129', async () => {
    sandbox().injectFault({route: 'POST /customers/:code/orders', reset: 'before'});
    const r = await runAndSignal(['order', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'Hup office', '--yes'], /next check in/, 'SIGHUP');
    expect(r.stderr).toMatch(/Error: The order for HUP_OFFICE may still be processing: .*the search was stopped after 1 check/);
    expect(r.code).toBe(129);
    expect(sandbox().counters.byRoute['POST /customers/:customerCode/orders']).toBe(1);
  });

  /** Like runAndSignal, with the milliseconds from the signal to the child's exit. */
  async function runAndSignalTimed(args: string[], when: RegExp, signal: NodeJS.Signals): Promise<CliRun & {afterSignalMs: number}> {
    let sentAt: number | undefined;
    const r = await cli.run(args, {}, {
      watch: (output, child) => {
        if (sentAt !== undefined || !when.test(output.stdout + output.stderr)) return;
        sentAt = Date.now();
        child.kill(signal);
      },
    });
    expect(sentAt, `never saw ${when}`).toBeDefined();
    return {...r, afterSignalMs: Date.now() - sentAt!};
  }

  // Every answer takes 3 s: the signal comes while the token request and the checks' reads are
  // under way. Waiting for them (or for the 2 s exit timer) would end the run 2 s or more later.
  const ORDER_ARGS = ['order', '--yes', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'Early office'];
  const nothingSent = () => {
    expect(sandbox().counters.byRoute['POST /customers/:customerCode/orders']).toBeUndefined();
    expect(sandbox().counters.ordersCreated).toBe(0);
  };

  it('SIGTERM before the POST: the reads stop, stderr says nothing was ordered, stdout stays empty, exit 143', async () => {
    sandbox().settings.latencyMs = 3000;
    const r = await runAndSignalTimed(ORDER_ARGS, /Checking the order against/, 'SIGTERM');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/^Error: Interrupted \(SIGTERM\) before the order was sent: nothing was ordered\.$/m);
    expect(r.stderr).not.toMatch(/Ordering|on its way/);
    expect(r.stdout).toBe('');
    expect(r.afterSignalMs).toBeLessThan(1500);
    nothingSent();
  });

  it('SIGTERM before the POST with --json: one JSON error object on stdout, exit 143', async () => {
    sandbox().settings.latencyMs = 3000;
    const r = await runAndSignalTimed(['--json', ...ORDER_ARGS], /Checking the order against/, 'SIGTERM');
    expect(r.code).toBe(143);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      error: {kind: 'cancelled', message: 'Interrupted (SIGTERM) before the order was sent: nothing was ordered.', hint: 'Run the same command again to order it.'},
    });
    expect(r.stderr).toMatch(/^Error: Interrupted \(SIGTERM\) before the order was sent/m);
    expect(r.afterSignalMs).toBeLessThan(1500);
    nothingSent();
  });

  it('SIGHUP while answers that need fixing are checked against the API: exit 129, nothing ordered', async () => {
    sandbox().settings.latencyMs = 1000;
    // "T1" is too short: btalk asks the API about the other answers to list every problem at once,
    // printing nothing meanwhile; the signal goes once a read after the token has reached the API.
    let child: ChildProcess | undefined;
    let sent = false;
    const poll = setInterval(() => {
      if (sent || sandbox().counters.requests <= sandbox().counters.tokenRequests) return;
      sent = true;
      child?.kill('SIGHUP');
    }, 20);
    const r = await cli.run([...ORDER_ARGS, '--site-name', 'T1'], {}, {onSpawn: (c) => (child = c)}).finally(() => clearInterval(poll));
    expect(sent).toBe(true);
    expect(r.code).toBe(129);
    expect(r.stderr).toMatch(/^Error: Interrupted \(SIGHUP\) before the order was sent: nothing was ordered\.$/m);
    expect(r.stderr).not.toMatch(/answers? needs? fixing/);
    nothingSent();
  });

  it('SIGTERM while a batch is checked: the reads stop, a JSON error says nothing was ordered, exit 143', async () => {
    const {writeFile} = await import('node:fs/promises');
    const rows = ['My VPN 1,FR,EARLY_01,Early 1,PO-1', 'My VPN 1,FR,EARLY_02,Early 2,PO-2'];
    await writeFile(path.join(dir(), 'sites.csv'), ['vpn,country,site-name,label,reference', ...rows].join('\n') + '\n');
    sandbox().settings.latencyMs = 3000;
    const r = await runAndSignalTimed(['--json', 'order', '--from', 'sites.csv', '--yes'], /Checking 2 rows/, 'SIGTERM');
    expect(r.code).toBe(143);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      error: {kind: 'cancelled', message: 'Interrupted (SIGTERM) before the first order was sent: no voicesite from sites.csv was ordered.'},
    });
    expect(r.stderr).toMatch(/^Error: Interrupted \(SIGTERM\) before the first order was sent/m);
    expect(r.afterSignalMs).toBeLessThan(1500);
    expect(existsSync(path.join(dir(), 'sites.results.csv'))).toBe(false);
    nothingSent();
  });

  it('SIGTERM during a batch: rows in flight finish, the results file is written, exit 143', async () => {
    const {writeFile, readFile: read} = await import('node:fs/promises');
    const rows = Array.from({length: 12}, (_, i) => `My VPN 1,FR,TERM_${String(i).padStart(2, '0')},Term ${i},PO-${i}`);
    await writeFile(path.join(dir(), 'sites.csv'), ['vpn,country,site-name,label,reference', ...rows].join('\n') + '\n');
    sandbox().settings.latencyMs = 150;
    // Once the first row's result is out, the batch is sending (its handler is in place).
    const r = await runAndSignal(['order', '--from', 'sites.csv', '--yes', '--concurrency', '1'], /row \d+\s+TERM_/, 'SIGTERM');
    expect(r.code).toBe(143);
    const results = await read(path.join(dir(), 'sites.results.csv'), 'utf8');
    expect(results).toMatch(/technicalSiteName/);
    expect(results.trim().split(/\r?\n/)).toHaveLength(13);
    expect(results).toMatch(/not-sent/);
  });
});
