/**
 * CSV files btalk writes for people to open in a spreadsheet: UTF-8 with a BOM (without it Excel
 * reads UTF-8 as the local code page and "Siège" comes out as "SiÃ¨ge"), CRLF line ends, and the
 * separator the person's own files use.
 *
 * Cells are spreadsheet-safe as OWASP recommends against CSV (formula) injection: a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width forms, which
 * some spreadsheets also read as formulas) gets a leading single quote and is quoted, so a
 * server-supplied id such as `=HYPERLINK(...)` is shown as text and never run.
 */
import {stringify} from 'csv-stringify/sync';
import type {Separator} from './separator.js';

const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

/** The cell as written: a would-be formula becomes text. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

export interface SpreadsheetCsvOptions {
  separator?: Separator;
  header: readonly string[];
}

export type Cell = string | number | undefined | null;

export function spreadsheetCsv(rows: ReadonlyArray<readonly Cell[]>, options: SpreadsheetCsvOptions): string {
  return stringify(
    rows.map((r) => r.map((c) => (c === undefined || c === null ? '' : c))),
    {
      bom: true,
      delimiter: options.separator ?? ',',
      record_delimiter: 'windows',
      header: true,
      columns: [...options.header],
      cast: {
        string: (value) => (FORMULA_START.test(value) ? {value: `'${value}`, quoted: true} : value),
        // A negative number is data, but a spreadsheet would still evaluate "-1+1": write numbers as text rules say.
        number: (value) => {
          const text = String(value);
          return FORMULA_START.test(text) ? {value: `'${text}`, quoted: true} : text;
        },
      },
    },
  );
}
