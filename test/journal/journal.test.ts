import {execFile} from 'node:child_process';
import {readdirSync, readlinkSync} from 'node:fs';
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import {build} from 'esbuild';
import {describe, expect, it} from 'vitest';
import type {BusinessTalkApi} from '../../src/api/types.js';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {BtalkError} from '../../src/errors.js';
import type {OrderAttempt} from '../../src/journal/entry.js';
import {placeAndRecord} from '../../src/journal/record.js';
import {placeOrder} from '../../src/order/place-order.js';
import type {JournalEntry} from '../../src/journal/entry.js';
import {parseSince, queryHistory} from '../../src/journal/history-query.js';
import {createOrderJournal, journalLine, JOURNAL_FILE_NAME, MAX_LINE_BYTES, readJournal} from '../../src/journal/journal.js';
import {defaultStateDir} from '../../src/journal/state-dir.js';
import {history} from '../../src/commands/history-action.js';
import {useEmulator} from '../helpers/emulator.js';
import {testRuntime} from '../helpers/session.js';
import {btalk, credentialEnv, orderFlags} from '../order/harness.js';

const run = promisify(execFile);
const POST = 'POST /customers/:customerCode/orders';

function entry(over: Partial<JournalEntry> = {}): JournalEntry {
  return {
    v: 1,
    time: '2026-12-01T10:00:00.000Z',
    btalk: '1.0.0',
    source: 'order',
    profile: 'default',
    environment: 'orange',
    baseUrl: 'https://api.orange.com/btalk/v1',
    customer: {code: '41002', name: 'Acme'},
    vpn: {id: 'v1', name: 'VPN'},
    country: 'FR',
    technicalSiteName: 'PARIS_01',
    customerSiteLabel: 'Paris',
    customerOrderReference: 'PO-1',
    outcome: 'ordered',
    voiceSiteId: 'vs1',
    requestIds: ['r1'],
    ...over,
  };
}

describe('state folder', () => {
  it('follows XDG on Linux, BTALK_STATE_DIR first, and says why when there is no home', () => {
    expect(defaultStateDir({HOME: '/h'}, 'linux')).toEqual({dir: '/h/.local/state/btalk'});
    expect(defaultStateDir({HOME: '/h', XDG_STATE_HOME: '/x'}, 'linux')).toEqual({dir: '/x/btalk'});
    expect(defaultStateDir({HOME: '/h', XDG_STATE_HOME: 'relative'}, 'linux')).toEqual({dir: '/h/.local/state/btalk'});
    expect(defaultStateDir({HOME: '/h', BTALK_STATE_DIR: '/s'}, 'linux')).toEqual({dir: '/s'});
    expect(defaultStateDir({HOME: '/h'}, 'darwin')).toEqual({dir: '/h/Library/Application Support/btalk/state'});
    expect(defaultStateDir({}, 'linux')).toMatchObject({problem: expect.stringContaining('BTALK_STATE_DIR')});
  });
});

describe('journal lines', () => {
  it('keeps a line under MAX_LINE_BYTES and says which fields it shortened', () => {
    const long = entry({vpn: {id: 'v1', name: 'N'.repeat(5000)}, error: 'E'.repeat(5000), requestIds: Array.from({length: 40}, (_, i) => `r${i}`)});
    const line = journalLine(long);
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(line.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(line) as JournalEntry;
    expect(parsed.shortened).toEqual(expect.arrayContaining(['vpn.name', 'error', 'requestIds']));
    expect(parsed.vpn.name).toMatch(/…$/);
  });

  it('two processes appending at once leave every line whole', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-journal-'));
    // The journal module bundled into one script, as the CLI carries it.
    const entryFile = path.join(dir, 'append.ts');
    const bundled = path.join(dir, 'append.mjs');
    const source = fileURLToPath(new URL('../../src/journal/journal.ts', import.meta.url));
    await writeFile(entryFile, `export {createOrderJournal} from ${JSON.stringify(source)};\n`);
    await build({entryPoints: [entryFile], outfile: bundled, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent'});
    const stateDir = path.join(dir, 'state');
    const script = `
      const {createOrderJournal} = await import(${JSON.stringify(pathToFileURL(bundled).href)});
      const j = createOrderJournal({location: {dir: process.argv[1]}, warn: (l) => { console.error(l); process.exitCode = 1; }});
      const base = ${JSON.stringify(entry({customerSiteLabel: 'L'.repeat(2000)}))};
      await Promise.all(Array.from({length: 150}, (_, i) => j.append({...base, technicalSiteName: process.argv[2] + '_' + i})));
    `;
    await Promise.all(['A', 'B'].map((who) => run(process.execPath, ['--input-type=module', '-e', script, stateDir, who])));
    const {entries, unreadable} = await readJournal(path.join(stateDir, JOURNAL_FILE_NAME));
    expect(unreadable).toBe(0);
    expect(entries).toHaveLength(300);
    expect(new Set(entries.map((e) => e.technicalSiteName)).size).toBe(300);
  });

  /** Descriptors of this process open on `file` (Linux); undefined where /proc is not there. */
  function descriptorsOn(file: string): number | undefined {
    if (process.platform !== 'linux') return undefined;
    return readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === file;
      } catch {
        return false;
      }
    }).length;
  }

  it('a run of appends shares one descriptor, let go when they stop; the next append reopens, recreating a removed file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-journal-'));
    const file = path.join(dir, 'state', JOURNAL_FILE_NAME);
    const warnings: string[] = [];
    const journal = createOrderJournal({location: {dir: path.join(dir, 'state')}, warn: (l) => warnings.push(l), idleCloseMs: 50});
    await Promise.all(Array.from({length: 40}, (_, i) => journal.append(entry({technicalSiteName: `SITE_${i}`}))));
    const first = await readJournal(file);
    expect(first.unreadable).toBe(0);
    expect(new Set(first.entries.map((e) => e.technicalSiteName)).size).toBe(40);
    expect(descriptorsOn(file) ?? 1).toBe(1);
    // Bounded wait for the idle close (50 ms asked; a busy machine may take longer).
    for (let i = 0; i < 200 && (descriptorsOn(file) ?? 0) > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(descriptorsOn(file) ?? 0).toBe(0);

    await rm(file);
    await journal.append(entry({technicalSiteName: 'AFTER'}));
    expect((await readJournal(file)).entries.map((e) => e.technicalSiteName)).toEqual(['AFTER']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([]);
  });

  it('reads past a line cut by a crash and counts it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-journal-'));
    const file = path.join(dir, JOURNAL_FILE_NAME);
    await writeFile(file, journalLine(entry()) + '{"v":1,"time":"2026-' + '\n' + journalLine(entry({technicalSiteName: 'B'})));
    const contents = await readJournal(file);
    expect(contents.entries.map((e) => e.technicalSiteName)).toEqual(['PARIS_01', 'B']);
    expect(contents.unreadable).toBe(1);
  });

  it('a journal that cannot be written warns once and never rejects', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-journal-'));
    const notADir = path.join(dir, 'file');
    await writeFile(notADir, 'x');
    const warnings: string[] = [];
    const journal = createOrderJournal({location: {dir: notADir}, warn: (l) => warnings.push(l)});
    await journal.append(entry());
    await journal.append(entry());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('could not be written');
    expect(warnings[0]).toContain('Orders are not affected');
  });
});

describe('btalk history on a terminal', () => {
  it('shows outside text with its control characters made visible, and fits the width, naming what it hid', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-journal-'));
    await writeFile(path.join(dir, JOURNAL_FILE_NAME), journalLine(entry({customerSiteLabel: 'Evil\u001b]0;pwned\u0007label', technicalSiteName: 'SITE\u001b[2J'})));
    const runtime = testRuntime({});
    Object.assign(runtime.stdout, {isTTY: true, columns: 80});
    const ctx = {runtime, sessions: undefined as never, globals: () => ({}), setExitCode: () => {}};
    expect(await history(ctx, createOrderJournal({location: {dir}, warn: () => {}}), {}, undefined)).toBe(0);
    expect(runtime.out()).not.toMatch(/\u001b/);
    expect(runtime.out()).toContain('SITE\\x1b[2J');
    for (const l of runtime.out().trim().split('\n')) expect(l.length).toBeLessThanOrEqual(80);
    expect(runtime.err()).toMatch(/hidden to fit 80 columns/);
  });
});

describe('history queries', () => {
  const entries = [
    entry({time: '2026-11-30T09:00:00.000Z', technicalSiteName: 'OLD', customer: {code: '41001'}}),
    entry({time: '2026-12-01T09:00:00.000Z', technicalSiteName: 'NEW', profile: 'prod', requestIds: ['abc-123']}),
    entry({time: '2026-12-01T09:00:00.000Z', technicalSiteName: 'NEW_2'}),
  ];
  it('newest first (a later line first at the same time), filtered by since, profile, customer and text', () => {
    expect(queryHistory(entries, {}).map((e) => e.technicalSiteName)).toEqual(['NEW_2', 'NEW', 'OLD']);
    expect(queryHistory(entries, {since: Date.parse('2026-12-01T00:00:00Z')}).map((e) => e.technicalSiteName)).toEqual(['NEW_2', 'NEW']);
    expect(queryHistory(entries, {profile: 'prod'}).map((e) => e.technicalSiteName)).toEqual(['NEW']);
    expect(queryHistory(entries, {customer: '41001'}).map((e) => e.technicalSiteName)).toEqual(['OLD']);
    expect(queryHistory(entries, {customer: 'acm'}).map((e) => e.technicalSiteName)).toEqual(['NEW_2', 'NEW']);
    expect(queryHistory(entries, {filter: 'ABC-1'}).map((e) => e.technicalSiteName)).toEqual(['NEW']);
  });
  it('--since understands durations, days and dates, and refuses the rest', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(parseSince('2h', now)).toBe(now - 2 * 3_600_000);
    expect(parseSince('7d', now)).toBe(now - 7 * 86_400_000);
    expect(parseSince('2026-12-01T09:00:00Z', now)).toBe(Date.parse('2026-12-01T09:00:00Z'));
    expect(new Date(parseSince('2026-11-30', now)).getDate()).toBe(30);
    expect(() => parseSince('last tuesday', now)).toThrow(/not a time btalk understands/);
    expect(() => parseSince('2026-02-30', now)).toThrow(/not a time/);
  });
});

describe('outcomes in the journal', () => {
  const sandbox = useEmulator();
  const env = () => credentialEnv(EMULATOR_ACCOUNTS.demo);

  async function journalled(setupFaults: () => void): Promise<{code: number; entries: JournalEntry[]; stderr: string}> {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-journal-'));
    setupFaults();
    const journal = createOrderJournal({location: {dir}, warn: () => {}});
    // A short re-check window: the search after a lost answer is what these tests journal.
    const r = await btalk(sandbox(), ['order', ...orderFlags(), '--yes'], {env: {...env(), BTALK_RECHECK_SECONDS: '0.5'}, journal});
    const {entries} = await readJournal(path.join(dir, JOURNAL_FILE_NAME));
    return {code: r.code, entries, stderr: r.stderr};
  }

  it('recovered when the answer was lost but the site exists; the POST and the check are both in requestIds', async () => {
    const r = await journalled(() => sandbox().injectFault({route: POST, status: 502}));
    // A 502 on a POST may hide a created order; the site never shows up in the window, so the
    // outcome stays unknown (never "not created").
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]).toMatchObject({outcome: 'unknown', technicalSiteName: 'LYON_01'});
    expect(r.entries[0]!.requestIds.length).toBeGreaterThanOrEqual(2);
    expect(r.entries[0]!.error).toContain('may still be processing');
    expect(r.entries[0]!.error).not.toContain('NOT created');

    const again = await journalled(() => sandbox().injectFault({route: POST, reset: 'after'}));
    expect(again.code).toBe(0);
    expect(again.entries[0]).toMatchObject({outcome: 'recovered', voiceSiteId: expect.stringMatching(/^vs/)});
  });

  it('unknown when neither the POST nor the check answered', async () => {
    // The API as a plain object: the POST's answer is lost, then the voicesites cannot be read.
    const lost = new BtalkError('network', 'The connection was reset: the order may have been created.', {outcomeUnknown: true, api: {requestId: 'req-post'}});
    const api = {
      orderVoicesite: async () => {
        throw lost;
      },
      voicesites: async () => {
        throw new BtalkError('server', 'GET /voicesites answered 503.', {api: {requestId: 'req-check'}});
      },
    } as unknown as BusinessTalkApi;
    const written: OrderAttempt[] = [];
    const request = {customerOrderReference: 'PO-9', parameters: {technicalSiteName: 'NICE_01', customerSiteLabel: 'Nice', country: 'FR', vpnId: 'v1'}};
    const context = {source: 'order' as const, customer: {code: '9999'}, vpn: {id: 'v1', name: 'VPN'}, request};
    const failure = await placeAndRecord(async (a) => void written.push(a), context, (onRequestId) => placeOrder(api, '9999', request, {onRequestId, recheck: {windowMs: 300, firstDelayMs: 50, maxDelayMs: 100}})).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BtalkError);
    expect((failure as BtalkError).outcomeUnknown).toBe(true);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({outcome: 'unknown', technicalSiteName: 'NICE_01', requestIds: ['req-post'], error: expect.stringContaining('may still be processing')});
  });

  it('a journal that cannot be written does not stop the order', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-journal-'));
    await writeFile(path.join(dir, 'blocker'), '');
    const warnings: string[] = [];
    const journal = createOrderJournal({location: {dir: path.join(dir, 'blocker', 'state')}, warn: (l) => warnings.push(l)});
    const r = await btalk(sandbox(), ['order', ...orderFlags(), '--yes'], {env: env(), journal});
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^vs/);
    expect(warnings).toHaveLength(1);
    expect(await readFile(path.join(dir, 'blocker'), 'utf8')).toBe('');
  });
});
