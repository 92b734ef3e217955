import {describe, expect, it} from 'vitest';
import {parseBatchCsv, resultsPathFor} from '../../src/order/batch-csv.js';

describe('parseBatchCsv', () => {
  it('reads a header named like the flags, with a BOM, CRLF line ends and quoted fields', () => {
    const text = '\ufeffvpn,country,site-name,label,reference\r\n"My VPN 1",FR,PARIS_01,"Paris, 8th floor",PO-1\r\naa76e66dfc63,DE,BERLIN_01,"Berlin ""Mitte""",PO-2\r\n';
    const file = parseBatchCsv(text, {});
    expect(file.problems).toEqual([]);
    expect(file.separator).toBe(',');
    expect(file.rows).toEqual([
      {row: 2, answers: {vpn: 'My VPN 1', country: 'FR', siteName: 'PARIS_01', label: 'Paris, 8th floor', reference: 'PO-1'}},
      {row: 3, answers: {vpn: 'aa76e66dfc63', country: 'DE', siteName: 'BERLIN_01', label: 'Berlin "Mitte"', reference: 'PO-2'}},
    ]);
  });

  it('fills columns the file leaves out, and empty cells, from the flags; a cell wins over a flag', () => {
    const text = 'site-name,label,country\nA_SITE,Site A,\nB_SITE,Site B,DE\n';
    const file = parseBatchCsv(text, {vpn: 'My VPN 2', country: 'FR', customer: '9999'});
    expect(file.problems).toEqual([]);
    expect(file.rows.map((r) => [r.answers.vpn, r.answers.country, r.answers.customer])).toEqual([
      ['My VPN 2', 'FR', '9999'],
      ['My VPN 2', 'DE', '9999'],
    ]);
  });

  it('accepts header spellings like "Site Name" and technicalSiteName', () => {
    const file = parseBatchCsv('VPN,Country,Site Name,customerSiteLabel\nv,FR,X_1,L\n', {});
    expect(file.problems).toEqual([]);
    expect(file.rows[0]?.answers).toEqual({vpn: 'v', country: 'FR', siteName: 'X_1', label: 'L'});
  });

  it('reads a French Excel file: semicolons, French headers any case or accent, quoted separators', () => {
    const text = '\ufeffClient;VPN;Pays;Nom technique;LIBELLÉ;Référence\r\n9999;My VPN 1;Allemagne;BERLIN_01;"Bureau; Berlin, Mitte";PO-1\r\n;;;;;\r\n9999;My VPN 2;France;;Siège Paris;PO-2\r\n';
    const file = parseBatchCsv(text, {});
    expect(file.problems).toEqual([]);
    expect(file.separator).toBe(';');
    // The empty row 3 is skipped, and row 4 keeps the number the spreadsheet shows.
    expect(file.rows).toEqual([
      {row: 2, answers: {customer: '9999', vpn: 'My VPN 1', country: 'Allemagne', siteName: 'BERLIN_01', label: 'Bureau; Berlin, Mitte', reference: 'PO-1'}},
      {row: 4, answers: {customer: '9999', vpn: 'My VPN 2', country: 'France', label: 'Siège Paris', reference: 'PO-2'}},
    ]);
  });

  it('reads tab-separated files, decomposed accents and headers with stray spaces or underscores', () => {
    const file = parseBatchCsv(' vpn \t PAYS\tlibelle\u0301\tnom_technique\nv\tFR\tL\tX_1\n', {});
    expect(file.problems).toEqual([]);
    expect(file.rows[0]?.answers).toEqual({vpn: 'v', country: 'FR', label: 'L', siteName: 'X_1'});
  });

  it('says when the separator looks like the problem', () => {
    const file = parseBatchCsv('vpn|country|label\nv|FR|L\n', {});
    expect(file.problems[0]?.message).toContain('unknown column');
    const semicolonInComma = parseBatchCsv('vpn,pays;label\nv,FR;L\n', {});
    expect(semicolonInComma.problems[0]?.message).toMatch(/separator/);
  });

  it('reports unknown and missing columns on the header row, and rows with extra cells', () => {
    const bad = parseBatchCsv('vpn,label,colour\nv,L,red\n', {});
    expect(bad.problems).toEqual([
      {row: 1, column: 'colour', message: expect.stringContaining('unknown column')},
      {row: 1, column: 'country', message: expect.stringContaining('--country')},
    ]);
    const extra = parseBatchCsv('vpn,country,label\nv,FR,L\nv,FR,L2,surprise\n', {});
    expect(extra.problems).toEqual([{row: 3, column: '(row)', message: '4 cells but the header has 3'}]);
  });

  it('says so when the file is empty, has no rows, or is not CSV', () => {
    expect(parseBatchCsv('', {}).problems[0]?.message).toContain('empty');
    expect(parseBatchCsv('vpn,country,label\n', {}).problems[0]?.message).toContain('no voicesite rows');
    expect(parseBatchCsv('vpn,country,label\n"unclosed,FR,L\n', {}).problems[0]?.message).toBe('a quote opens in row 2, column vpn, and never closes: check that cell (close its quote; a quote inside a quoted cell is written twice, "")');
  });
});

describe('resultsPathFor', () => {
  it('puts the results beside the input', () => {
    expect(resultsPathFor('/tmp/sites.csv')).toBe('/tmp/sites.results.csv');
    expect(resultsPathFor('/tmp/sites.CSV')).toBe('/tmp/sites.results.csv');
    expect(resultsPathFor('/tmp/sites')).toBe('/tmp/sites.results.csv');
  });
});

describe('parseBatchCsv, a title above the header', () => {
  it('says the first row must be the header, once, instead of one unknown column per cell', () => {
    const file = parseBatchCsv('Commande du 02/12/2026;;\r\nPays;VPN;Libellé\r\nFR;My VPN 1;Paris\r\n', {});
    expect(file.problems).toEqual([{row: 1, column: '(header)', message: "the header must be the file's first row: row 2 looks like it; remove the row above it"}]);
    const two = parseBatchCsv('Commandes\r\n\r\nClient;Pays;VPN;Libellé\r\n', {});
    expect(two.problems[0]?.message).toContain('row 3 looks like it; remove the 2 rows above it');
  });
});
