/**
 * The batch's results file, beside the input (`sites.results.csv`), for a spreadsheet: the input's
 * separator, UTF-8 with a BOM, CRLF, and no cell a spreadsheet would run as a formula (see
 * csv/write.ts). Written to a temporary file and renamed, so a reader (or a second run) never sees
 * half a file, even after Ctrl+C.
 */
import {randomUUID} from 'node:crypto';
import {rename, rm, writeFile} from 'node:fs/promises';
import type {Separator} from '../csv/separator.js';
import {spreadsheetCsv} from '../csv/write.js';

export type RowStatus = 'ok' | 'skipped' | 'failed' | 'not-sent';

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
