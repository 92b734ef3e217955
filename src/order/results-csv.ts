/**
 * The batch's results file, beside the input (`sites.results.csv`). Written to a temporary file
 * and renamed, so a reader (or a second run) never sees half a file, even after Ctrl+C.
 */
import {randomUUID} from 'node:crypto';
import {rename, rm, writeFile} from 'node:fs/promises';
import {stringify} from 'csv-stringify/sync';

export type RowStatus = 'ok' | 'skipped' | 'failed' | 'not-sent';

export interface RowResult {
  row: number;
  technicalSiteName: string;
  status: RowStatus;
  voiceSiteId?: string;
  error?: string;
  requestId?: string;
  /** The POST's answer was lost but the site was found afterwards. */
  recovered?: boolean;
}

export const RESULT_COLUMNS = ['row', 'technicalSiteName', 'status', 'voiceSiteId', 'error', 'requestId'] as const;

export function resultsCsv(results: readonly RowResult[]): string {
  const sorted = [...results].sort((a, b) => a.row - b.row);
  return stringify(
    sorted.map((r) => [r.row, r.technicalSiteName, r.status, r.voiceSiteId ?? '', r.error ?? '', r.requestId ?? '']),
    {header: true, columns: [...RESULT_COLUMNS]},
  );
}

export async function writeResultsCsv(path: string, results: readonly RowResult[]): Promise<void> {
  const tmp = `${path}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(tmp, resultsCsv(results), 'utf8');
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, {force: true});
    throw error;
  }
}
