/**
 * CSV files in the encodings Excel writes besides UTF-8 and Windows-1252: Excel for Mac's "CSV
 * (Macintosh)" (Mac Roman) and "CSV (MS-DOS)" (code page 850). Read as Windows-1252 they turn
 * "Agence à Nîmes" into "Agence ˆ N”mes" with no undefined byte to tell: btalk refuses that
 * reading, names the cell, and reads the file as --encoding says.
 */
import {writeFile} from 'node:fs/promises';
import iconv from 'iconv-lite';
import {describe, expect, it} from 'vitest';
import {useBatchRuns} from '../order/harness.js';

const rows = 'Pays;VPN;Libellé\rFrance;My VPN 1;Agence à Nîmes\rFrance;My VPN 1;Café de la Gare\r';

describe('btalk order --from, a Mac Roman file', () => {
  const {sandbox, file, run} = useBatchRuns('btalk-batch-encoding-');

  it('is refused as Windows-1252, naming the misread cell and --encoding; nothing is read from the API', async () => {
    await writeFile(file('mac.csv'), iconv.encode(rows, 'macintosh'));
    const r = await run(['order', '--from', 'mac.csv', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('read as Windows-1252 it gives "LibellŽ"');
    expect(r.stderr).toContain('--encoding macintosh');
    expect(sandbox().counters.requests).toBe(0);
  });

  it('with --encoding macintosh, its accents reach the request as written', async () => {
    await writeFile(file('mac.csv'), iconv.encode(rows, 'macintosh'));
    const r = await run(['--json', 'order', '--from', 'mac.csv', '--encoding', 'macintosh', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"customerSiteLabel":"Agence à Nîmes"');
    expect(r.stdout).toContain('"technicalSiteName":"CAFE_DE_LA_GARE"');
    expect(r.stderr).not.toContain('is not UTF-8');
  });

  it('an --encoding btalk does not know, or one without --from, is a usage error', async () => {
    const unknown = await run(['order', '--from', 'x.csv', '--encoding', 'ebcdic', '--dry-run']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--encoding must be one of utf-8, utf-16le, utf-16be, windows-1252, macintosh, cp850, iso-8859-1, iso-8859-15, not "ebcdic"');
    const alone = await run(['order', '--encoding', 'macintosh', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'x', '--dry-run']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--encoding goes with --from');
  });
});
