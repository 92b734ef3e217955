/**
 * What a batch says when something goes wrong: the API's own explanation of a refused row (on
 * stdout, in --json, in the results file and in the journal), a file it cannot read, a CSV file
 * it cannot parse, and a row whose label gives no usable technical name.
 */
import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {createOrderJournal, readJournal} from '../../src/journal/journal.js';
import {readFailure} from '../../src/order/batch.js';
import {parseBatchCsv} from '../../src/order/batch-csv.js';
import {useBatchRuns} from '../order/harness.js';

const POST = 'POST /customers/:customerCode/orders';
const HEADER = 'vpn,country,site-name,label,reference';
const REFUSAL = {code: 27, message: 'Invalid body field', description: 'Invalid body field parameters.customerSiteLabel: too long for the PBX'};
const API_TEXT = 'API: code 27 - Invalid body field - Invalid body field parameters.customerSiteLabel: too long for the PBX';

describe('btalk order --from: what a failure says', () => {
  const {sandbox, file, run} = useBatchRuns('btalk-batch-messages-');

  it('a refused row carries the API explanation, as a single order prints it, everywhere the row is reported', async () => {
    await writeFile(file('sites.csv'), `${HEADER}\nMy VPN 1,FR,MSG_01,Lyon office,PO-1\n`);
    sandbox().injectFault({route: POST, status: 400, json: REFUSAL});
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-batch-messages-journal-'));
    const journal = createOrderJournal({location: {dir}, warn: () => undefined});
    const r = await run(['order', '--from', 'sites.csv', '--yes'], {journal});
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('The API refused the request (400 code 27).');
    expect(r.stdout).toContain(API_TEXT);
    const results = parse(await readFile(file('sites.results.csv'), 'utf8'), {bom: true, columns: true}) as Array<Record<string, string>>;
    expect(results[0]!['error']).toContain(API_TEXT);
    const {entries} = await readJournal(journal.file!);
    expect(entries.at(-1)?.error).toContain(API_TEXT);

    sandbox().injectFault({route: POST, status: 400, json: REFUSAL});
    const json = await run(['--json', 'order', '--from', 'sites.csv', '--yes']);
    expect((JSON.parse(json.stdout.trim().split('\n')[0]!) as {error: string}).error).toContain(API_TEXT);
  });

  it("the API's text goes through the terminal-safe rule: no raw control reaches the terminal", async () => {
    await writeFile(file('sites.csv'), `${HEADER}\nMy VPN 1,FR,MSG_02,Lyon office,PO-1\n`);
    sandbox().injectFault({route: POST, status: 400, json: {code: 27, message: 'Invalid\u001b]0;pwned\u0007', description: 'line\nforged'}});
    const r = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(r.stdout).toContain('API: code 27 - Invalid\\x1b]0;pwned\\x07 - line\\x0aforged');
    expect(r.stdout).not.toMatch(/\u001b|\u0007/);
  });
  it('names a missing file with the folder it looked in, and a folder given for a file', async () => {
    const missing = await run(['order', '--from', 'nonexist.csv', '--yes']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`Cannot read nonexist.csv: there is no such file in ${path.dirname(file('nonexist.csv'))}.`);
    expect(missing.stderr).not.toContain('ENOENT');
    await mkdir(file('dir.csv'));
    const folder = await run(['order', '--from', 'dir.csv', '--yes']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('Cannot read dir.csv: it is a folder, not a file.');
    expect(folder.stderr).not.toContain('EISDIR');
  });

  it('an unclosed quote is named by the row and column where it opens', async () => {
    await writeFile(file('sites.csv'), `${HEADER}\nMy VPN 1,FR,MSG_03,Lyon,PO-1\nMy VPN 1,FR,MSG_04,"Paris office,PO-2\nMy VPN 1,FR,MSG_05,Nice,PO-3\n`);
    const r = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a quote opens in row 3, column label, and never closes');
    expect(r.stderr).not.toMatch(/Quote Not Closed|at line/);
  });

  it('a label with no Latin letter or digit to make a name of asks for that row\'s site-name cell, not --site-name', async () => {
    await writeFile(file('sites.csv'), `${HEADER}\nMy VPN 1,FR,,東京,PO-1\n`);
    const r = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("fill this row's site-name cell");
    expect(r.stderr).not.toContain('give --site-name');
  });
});

describe('reading a batch file', () => {
  it('says what an unreadable file means and what to do, in words', () => {
    const at = '/data/sites.csv';
    const err = (code: string) => Object.assign(new Error(code), {code});
    expect(readFailure('sites.csv', at, err('EACCES'))).toEqual({
      reason: 'you may not read it (no permission)',
      hint: 'Ask whoever owns sites.csv to let you read it, or order from a copy of it.',
    });
    expect(readFailure('sites.csv', at, err('ENOENT')).reason).toBe('there is no such file in /data');
    expect(readFailure('sites.csv', at, err('EISDIR')).reason).toBe('it is a folder, not a file');
  });

  it('reads a stray quote inside a cell as text, as a spreadsheet shows it', () => {
    const file = parseBatchCsv(`${HEADER}\nMy VPN 1,FR,B5,Bureau 5" étage,PO-1\n`, {});
    expect(file.problems).toEqual([]);
    expect(file.rows[0]!.answers.label).toBe('Bureau 5" étage');
  });

  it("reads Excel's =\"41001\" text cell as the text the spreadsheet shows", () => {
    const file = parseBatchCsv(`${HEADER}\nMy VPN 1,FR,B5,Lyon,="41001"\n`, {});
    expect(file.problems).toEqual([]);
    expect(file.rows[0]!.answers.reference).toBe('41001');
  });

  it('reads a quote that closes before the end of its cell as text, the row numbered as the spreadsheet does', () => {
    const file = parseBatchCsv(`${HEADER}\n\nMy VPN 1,FR,B5,"Lyon" office,PO-1\n`, {});
    // Read leniently as text, like a stray quote.
    expect(file.problems).toEqual([]);
    expect(file.rows[0]!.row).toBe(3);
  });

  it('an unclosed quote in the header row names column 1-based when the header is not known', () => {
    const file = parseBatchCsv(`vpn,"country\n`, {});
    expect(file.problems[0]!.message).toMatch(/a quote opens in row 1, column 2, and never closes/);
  });
});
