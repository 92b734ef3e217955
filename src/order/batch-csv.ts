/**
 * Reads a batch file: a header row whose columns are named like the flags (customer, vpn, country,
 * site-name, label, reference), then one voicesite per row. Flags and BTALK_* variables fill the
 * columns a file leaves out (or a cell left empty). Row numbers are the ones a spreadsheet shows:
 * the header is row 1, the first site row 2.
 */
import {parse} from 'csv-parse/sync';
import {ANSWERS, type AnswerName, type Answers} from './order-options.js';

export interface BatchRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  answers: Answers;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface BatchFile {
  rows: BatchRow[];
  problems: RowProblem[];
}

const REQUIRED: readonly AnswerName[] = ['vpn', 'country', 'label'];

/** "Site Name", "site_name" and "SITE-NAME" all mean site-name; "technicalSiteName" too. */
function normalizeHeader(cell: string): string {
  const h = cell.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const aliases: Record<string, string> = {
    'technicalsitename': 'site-name',
    'technical-site-name': 'site-name',
    'sitename': 'site-name',
    'customersitelabel': 'label',
    'site-label': 'label',
    'customerorderreference': 'reference',
    'customer-code': 'customer',
    'customercode': 'customer',
    'vpnid': 'vpn',
  };
  return aliases[h] ?? h;
}

export function parseBatchCsv(text: string, fill: Answers): BatchFile {
  let records: string[][];
  try {
    records = parse(text, {bom: true, skip_empty_lines: true, relax_column_count: true}) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {rows: [], problems: [{row: 0, column: '(file)', message: `not a readable CSV file: ${message}`}]};
  }
  const [header, ...body] = records;
  if (!header) return {rows: [], problems: [{row: 1, column: '(header)', message: 'the file is empty: expected a header row and one row per voicesite'}]};

  const problems: RowProblem[] = [];
  const columns: Array<AnswerName | undefined> = header.map((cell) => {
    const name = normalizeHeader(cell);
    const answer = ANSWERS.find((a) => a.column === name);
    if (!answer) {
      problems.push({row: 1, column: cell, message: `unknown column; expected some of ${ANSWERS.map((a) => a.column).join(', ')}`});
      return undefined;
    }
    return answer.name;
  });
  const seen = new Set<AnswerName>();
  columns.forEach((c, i) => {
    if (c === undefined) return;
    if (seen.has(c)) problems.push({row: 1, column: header[i] ?? c, message: 'this column appears twice'});
    seen.add(c);
  });
  for (const name of REQUIRED) {
    const info = ANSWERS.find((a) => a.name === name)!;
    if (!seen.has(name) && fill[name] === undefined) {
      problems.push({row: 1, column: info.column, message: `missing column (or give ${info.flag} for every row)`});
    }
  }
  if (body.length === 0) problems.push({row: 1, column: '(file)', message: 'no voicesite rows after the header'});
  if (problems.length > 0) return {rows: [], problems};

  const rows = body.map((cells, index) => {
    const answers: Answers = {};
    columns.forEach((name, i) => {
      const value = cells[i]?.trim();
      if (name !== undefined && value) answers[name] = value;
    });
    for (const a of ANSWERS) {
      const filler = fill[a.name];
      if (answers[a.name] === undefined && filler !== undefined) answers[a.name] = filler;
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      problems.push({row: index + 2, column: '(row)', message: `${cells.length} cells but the header has ${header.length}`});
    }
    return {row: index + 2, answers};
  });
  return {rows, problems};
}

/** `sites.csv` → `sites.results.csv`, beside the input. */
export function resultsPathFor(inputPath: string): string {
  return /\.csv$/i.test(inputPath) ? inputPath.replace(/\.csv$/i, '.results.csv') : `${inputPath}.results.csv`;
}
