/**
 * Reads a batch file: a header row whose columns are named like the flags (customer, vpn, country,
 * site-name, label, reference) or as a person would in French (client, pays, nom technique,
 * libellé, référence), then one voicesite per row. Flags and BTALK_* variables fill the columns a
 * file leaves out (or a cell left empty). Row numbers are the ones a spreadsheet shows: the header
 * is row 1, the first site row 2; an empty row still counts, as it does in the spreadsheet.
 */
import {parse} from 'csv-parse/sync';
import {detectDialect, separatorName, type Separator} from '../csv/separator.js';
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
  /** The file's separator, used again for its results file. */
  separator: Separator;
  /**
   * For each answer a flag or variable gave: the rows whose cell was empty and took it, and the
   * rows whose own cell it did not replace. Said on stderr, so a value left in the shell
   * (BTALK_COUNTRY=FR) never fills a file unseen.
   */
  filled?: Partial<Record<AnswerName, {took: number[]; own: number[]}>>;
}

const REQUIRED: readonly AnswerName[] = ['vpn', 'country', 'label'];

/** "Site Name", "site_name", " SITE-NAME", "Nom technique" and "nom_technique" all fold alike. */
export function foldHeader(cell: string): string {
  return cell
    .replace(/^\ufeff/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Folded header spellings, English as the API and flags name them, and French as people write them. */
const HEADER_ALIASES: Readonly<Record<string, AnswerName>> = {
  customer: 'customer',
  customercode: 'customer',
  client: 'customer',
  codeclient: 'customer',
  numeroclient: 'customer',
  vpn: 'vpn',
  vpnid: 'vpn',
  vpnname: 'vpn',
  vpncode: 'vpn',
  nomvpn: 'vpn',
  nomduvpn: 'vpn',
  country: 'country',
  countrycode: 'country',
  iso2: 'country',
  pays: 'country',
  codepays: 'country',
  sitename: 'siteName',
  technicalsitename: 'siteName',
  technicalname: 'siteName',
  nomtechnique: 'siteName',
  nomtechniquedusite: 'siteName',
  label: 'label',
  sitelabel: 'label',
  customersitelabel: 'label',
  libelle: 'label',
  libelledusite: 'label',
  intitule: 'label',
  reference: 'reference',
  ref: 'reference',
  orderreference: 'reference',
  customerorderreference: 'reference',
  referencedecommande: 'reference',
  referencecommande: 'reference',
};

export function headerAnswer(cell: string): AnswerName | undefined {
  return HEADER_ALIASES[foldHeader(cell)];
}

const EXPECTED = ANSWERS.map((a) => a.column).join(', ');

function unknownColumnMessage(cell: string, separator: Separator): string {
  const others = ([',', ';', '\t'] as const).filter((s) => s !== separator && cell.includes(s));
  const hint =
    others.length > 0
      ? ` (it holds a ${separatorName(others[0]!)}: is the file's separator a ${separatorName(others[0]!)}? btalk read the header as ${separatorName(separator)}-separated)`
      : '';
  return `unknown column${hint}; expected some of ${EXPECTED} (French: client, vpn, pays, nom technique, libellé, référence)`;
}

/**
 * A quote inside a cell that does not start with one (`Bureau 5" étage`, `"Lyon" office`) is read
 * as text, as a spreadsheet opening the file shows it: such a cell can mean nothing else. Only a
 * quote that opens a cell quotes it, and one that never closes is still an error.
 */
function parseOptions(separator: Separator) {
  return {bom: true, delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: false} as const;
}

/** Excel's way of keeping a value as text (`="007"`): the cell is the text the spreadsheet shows. */
function excelText(cell: string | undefined): string | undefined {
  const wrapped = cell === undefined ? null : /^="((?:[^"]|"")*)"$/.exec(cell);
  return wrapped ? wrapped[1]!.replace(/""/g, '"').trim() : cell;
}

/** What csv-parse's error carries: its code, the records read before it, the cell's index in its record. */
interface CsvParseError {
  code?: unknown;
  records?: unknown;
  column?: unknown;
  message?: unknown;
}

/**
 * A file csv-parse refused, said in the spreadsheet's terms: the row as the spreadsheet numbers it
 * (every line before counts, blank ones included), the column by its header, and what to do.
 */
function unreadableCsv(text: string, separator: Separator, thrown: unknown): string {
  const error = (thrown ?? {}) as CsvParseError;
  const before = typeof error.records === 'number' ? error.records : undefined;
  const index = typeof error.column === 'number' ? error.column : undefined;
  const row = before === undefined ? undefined : before + 1;
  let header: string[] | undefined;
  if (before !== undefined && before > 0) {
    try {
      // The records before the failing one parse: the header is the first with anything in it.
      const read = parse(text, {...parseOptions(separator), to: before}) as string[][];
      header = read.find((r) => r.some((c) => c.trim() !== ''));
    } catch {
      header = undefined;
    }
  }
  const name = index === undefined ? undefined : header?.[index]?.trim();
  const column = index === undefined ? undefined : name ? `column ${name}` : `column ${index + 1}`;
  const where = [row === undefined ? undefined : `row ${row}`, column].filter(Boolean).join(', ');
  const at = where === '' ? '' : ` in ${where}`;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quote opens${at}${at === '' ? '' : ','} and never closes: check that cell (close its quote; a quote inside a quoted cell is written twice, "")`;
    case 'CSV_INVALID_OPENING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return `a quote in the middle of a cell${at}: check that cell (quote the whole cell and write the quote twice, "")`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `a quoted cell${at} has text after its closing quote: check that cell (quote the whole cell and write a quote inside it twice, "")`;
    case 'CSV_MAX_RECORD_SIZE':
      return `a row${at} is too long to be a voicesite: check for a quote that never closes before it`;
    default: {
      const said = typeof error.message === 'string' ? error.message.replace(/\s*at line \d+.*$/, '') : String(thrown);
      return `not a readable CSV file${at}: ${said}`;
    }
  }
}

export function parseBatchCsv(input: string, fill: Answers): BatchFile {
  const {separator, text} = detectDialect(input);
  let records: string[][];
  try {
    records = parse(text, parseOptions(separator)) as string[][];
  } catch (error) {
    return {rows: [], separator, problems: [{row: 0, column: '(file)', message: unreadableCsv(text, separator, error)}]};
  }
  const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
  // The header is the first row with anything in it (a blank line at the top is a row too).
  const headerIndex = records.findIndex((r) => !blank(r));
  const header = headerIndex < 0 ? undefined : records[headerIndex];
  if (!header) return {rows: [], separator, problems: [{row: 1, column: '(header)', message: 'the file is empty: expected a header row and one row per voicesite'}]};
  const headerRow = headerIndex + 1;
  const body = records.slice(headerIndex + 1);

  const problems: RowProblem[] = [];
  // A header cell left empty is ignored (Excel writes ";;" for formatted empty columns), unless a row fills it.
  const columns: Array<AnswerName | undefined> = header.map((cell) => {
    if (cell.trim() === '') return undefined;
    const answer = headerAnswer(cell);
    if (!answer) problems.push({row: headerRow, column: cell, message: unknownColumnMessage(cell, separator)});
    return answer;
  });
  if (columns.every((c) => c === undefined)) {
    // Not one known column: a title or notes above the header? A row just below that names two
    // columns or more is the header, and only the rows above it are the problem.
    const below = records.slice(headerIndex + 1, headerIndex + 11).findIndex((r) => r.filter((cell) => headerAnswer(cell) !== undefined).length >= 2);
    if (below >= 0) {
      const row = headerRow + 1 + below;
      return {
        rows: [],
        separator,
        problems: [{row: headerRow, column: '(header)', message: `the header must be the file's first row: row ${row} looks like it; remove the ${row - 1 === 1 ? 'row' : `${row - 1} rows`} above it`}],
      };
    }
  }
  const seen = new Set<AnswerName>();
  columns.forEach((c, i) => {
    if (c === undefined) return;
    if (seen.has(c)) problems.push({row: headerRow, column: header[i]?.trim() ?? c, message: 'this column appears twice'});
    seen.add(c);
  });
  for (const name of REQUIRED) {
    const info = ANSWERS.find((a) => a.name === name)!;
    if (!seen.has(name) && fill[name] === undefined) {
      problems.push({row: headerRow, column: info.column, message: `missing column (or give ${info.flag} for every row)`});
    }
  }
  if (body.every(blank)) problems.push({row: headerRow, column: '(file)', message: 'no voicesite rows after the header'});
  if (problems.length > 0) return {rows: [], separator, problems};

  const rows: BatchRow[] = [];
  const filled: NonNullable<BatchFile['filled']> = {};
  body.forEach((cells, index) => {
    const row = headerRow + 1 + index;
    if (blank(cells)) return;
    const answers: Answers = {};
    columns.forEach((name, i) => {
      const value = excelText(cells[i]?.trim());
      if (name !== undefined && value) answers[name] = value;
    });
    for (const a of ANSWERS) {
      const filler = fill[a.name];
      if (filler === undefined) continue;
      const use = (filled[a.name] ??= {took: [], own: []});
      if (answers[a.name] === undefined) {
        answers[a.name] = filler;
        use.took.push(row);
      } else if (answers[a.name] !== filler) use.own.push(row);
    }
    const unnamed = cells.map((c, i) => ({c, i})).filter(({c, i}) => c.trim() !== '' && (i >= header.length || header[i]!.trim() === ''));
    if (unnamed.length > 0) {
      const where = unnamed[0]!.i >= header.length ? `${cells.length} cells but the header has ${header.length}` : `a value in column ${unnamed[0]!.i + 1}, which has no header`;
      problems.push({row, column: '(row)', message: where});
    }
    rows.push({row, answers});
  });
  return {rows, problems, separator, filled};
}

/** `sites.csv` → `sites.results.csv`, beside the input. */
export function resultsPathFor(inputPath: string): string {
  return /\.csv$/i.test(inputPath) ? inputPath.replace(/\.csv$/i, '.results.csv') : `${inputPath}.results.csv`;
}
