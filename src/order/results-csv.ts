/**
 * The batch's results file, beside the input (`sites.results.csv`), for a spreadsheet: the input's
 * separator, UTF-8 with a BOM, CRLF, and no cell a spreadsheet would run as a formula (see
 * csv/write.ts). Written to a temporary file and renamed, so a reader (or a second run) never sees
 * half a file, even after Ctrl+C.
 */
import {randomUUID} from 'node:crypto';
import {readFile, rename, rm, stat, writeFile} from 'node:fs/promises';
import {parse} from 'csv-parse/sync';
import {BtalkError} from '../errors.js';
import type {Separator} from '../csv/separator.js';
import {spreadsheetCsv} from '../csv/write.js';

/** `unknown`: the POST's answer was lost and the site was not listed within the re-check window. */
export type RowStatus = 'ok' | 'skipped' | 'failed' | 'not-sent' | 'unknown';

export interface RowResult {
  row: number;
  technicalSiteName: string;
  /** The row's label, so a person reading the results knows which site each line is. */
  customerSiteLabel?: string;
  status: RowStatus;
  voiceSiteId?: string;
  error?: string;
  requestId?: string;
  /** The POST's answer was lost but the site was found afterwards. */
  recovered?: boolean;
}

export const RESULT_COLUMNS = ['row', 'technicalSiteName', 'customerSiteLabel', 'status', 'voiceSiteId', 'error', 'requestId'] as const;

export function resultsCsv(results: readonly RowResult[], separator: Separator = ','): string {
  const sorted = [...results].sort((a, b) => a.row - b.row);
  return spreadsheetCsv(
    sorted.map((r) => [r.row, r.technicalSiteName, r.customerSiteLabel, r.status, r.voiceSiteId, r.error, r.requestId]),
    {header: RESULT_COLUMNS, separator},
  );
}

export async function writeResultsCsv(path: string, results: readonly RowResult[], separator: Separator = ','): Promise<void> {
  const tmp = `${path}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(tmp, resultsCsv(results, separator), 'utf8');
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, {force: true});
    throw error;
  }
}

/**
 * Checked before the first POST: the results file can be written (a file, not a directory, in a
 * folder btalk may write to), so a batch never orders sites and then cannot say which.
 */
export async function checkResultsWritable(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new BtalkError('usage', `Nothing was sent: the results file ${path} is a directory.`, {hint: 'Move or rename that directory, or run the batch from a copy of the CSV file elsewhere.'});
  }
  const probe = `${path}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(probe, '', {flag: 'wx'});
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new BtalkError('usage', `Nothing was sent: the results file ${path} cannot be written (${code}).`, {hint: 'Make its folder writable, or run the batch from a copy of the CSV file in a folder you can write to.'});
  } finally {
    await rm(probe, {force: true});
  }
}

/** Technical names whose row was `unknown` in the results file of an earlier run (none when there is no file). */
export async function previousUnknownNames(path: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return new Set();
  }
  try {
    const records = parse(text, {bom: true, columns: true, skip_empty_lines: true, delimiter: [',', ';', '\t'], relax_column_count: true}) as Array<Record<string, string>>;
    return new Set(records.filter((r) => r['status'] === 'unknown' && r['technicalSiteName']).map((r) => r['technicalSiteName']!.replace(/^'/, '')));
  } catch {
    return new Set();
  }
}
