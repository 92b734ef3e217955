/** What `btalk history` does (loaded by its action): the order journal, filtered, as a table, JSON or CSV. */
import {spreadsheetCsv} from '../csv/write.js';
import {BtalkError} from '../errors.js';
import type {JournalEntry} from '../journal/entry.js';
import {parseSince, queryHistory, type HistoryQuery} from '../journal/history-query.js';
import {readJournal, type OrderJournal} from '../journal/journal.js';
import {fitTable, type Column} from '../text/fit-table.js';
import {terminalSafe, terminalSafeJson} from '../text/terminal-safe.js';
import type {CommandContext} from './context.js';

export interface HistoryFlags {
  since?: string;
  customer?: string;
  filter?: string;
  csv?: boolean;
}

function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const COLUMNS: Array<Column<JournalEntry>> = [
  {header: 'TIME', value: (e) => localTime(e.time)},
  {header: 'PROFILE', value: (e) => e.profile, shrink: true, minWidth: 7},
  {header: 'CUSTOMER', value: (e) => e.customer.code, shrink: true, minWidth: 8},
  {header: 'SITE', value: (e) => e.technicalSiteName, shrink: true, minWidth: 10},
  {header: 'CC', value: (e) => e.country},
  {header: 'OUTCOME', value: (e) => e.outcome},
  {header: 'VOICESITEID', value: (e) => e.voiceSiteId ?? '-'},
  {header: 'LABEL', value: (e) => e.customerSiteLabel, shrink: true, minWidth: 8, optional: true},
  {header: 'REQUEST ID', value: (e) => e.requestIds.at(-1) ?? '-', optional: true},
];

export const CSV_COLUMNS = [
  'time', 'profile', 'environment', 'baseUrl', 'source', 'customerCode', 'customerName', 'vpnId', 'vpnName', 'country',
  'technicalSiteName', 'customerSiteLabel', 'customerOrderReference', 'outcome', 'voiceSiteId', 'orderId', 'requestIds', 'error', 'batchFile', 'batchRow', 'btalk',
] as const;

export function historyCsv(entries: readonly JournalEntry[]): string {
  const rows = entries.map((e) => [
    e.time, e.profile, e.environment, e.baseUrl, e.source, e.customer.code, e.customer.name ?? '', e.vpn.id, e.vpn.name ?? '', e.country,
    e.technicalSiteName, e.customerSiteLabel, e.customerOrderReference, e.outcome, e.voiceSiteId ?? '', e.orderId ?? '',
    e.requestIds.join(' '), e.error ?? '', e.batch?.file ?? '', e.batch?.row ?? '', e.btalk,
  ]);
  // The spreadsheet rules of every CSV btalk writes: BOM, CRLF, a would-be formula kept as text.
  return spreadsheetCsv(rows, {header: CSV_COLUMNS});
}

export async function history(ctx: CommandContext, journal: OrderJournal, flags: HistoryFlags, profile: string | undefined): Promise<number> {
  const {runtime} = ctx;
  const json = ctx.globals().json === true;
  if (json && flags.csv) throw new BtalkError('usage', '--json and --csv cannot be used together.', {hint: 'Pick one.'});
  const query: HistoryQuery = {
    ...(flags.since === undefined ? {} : {since: parseSince(flags.since, runtime.clock())}),
    ...(profile === undefined ? {} : {profile}),
    ...(flags.customer === undefined ? {} : {customer: flags.customer}),
    ...(flags.filter === undefined ? {} : {filter: flags.filter}),
  };
  if (!journal.file) {
    throw new BtalkError('invalid-input', `There is no order journal: ${journal.problem ?? 'no state folder'}.`, {
      hint: 'Set BTALK_STATE_DIR to a folder btalk may write to.',
    });
  }
  let contents;
  try {
    contents = await readJournal(journal.file);
  } catch (thrown) {
    throw new BtalkError('invalid-input', `Cannot read the order journal ${journal.file}: ${(thrown as Error).message}.`, {
      hint: 'Check the file permissions, or point BTALK_STATE_DIR at another folder.',
      cause: thrown,
    });
  }
  const entries = queryHistory(contents.entries, query);
  if (contents.unreadable > 0) {
    runtime.stderr.write(`Note: ${contents.unreadable} line${contents.unreadable === 1 ? '' : 's'} of ${journal.file} could not be read and ${contents.unreadable === 1 ? 'is' : 'are'} left out.\n`);
  }
  if (json) {
    runtime.stdout.write(terminalSafeJson(entries) + '\n');
    return 0;
  }
  if (flags.csv) {
    runtime.stdout.write(historyCsv(entries));
    return 0;
  }
  if (entries.length === 0) {
    const why = contents.entries.length === 0 ? `No orders in the journal yet (${journal.file}).` : `No orders match (of ${contents.entries.length} in the journal).`;
    runtime.stdout.write(`${why}\n`);
    return 0;
  }
  const safe = COLUMNS.map((c) => ({...c, value: (e: JournalEntry) => terminalSafe(c.value(e))}));
  const width = runtime.stdout.isTTY ? (runtime.stdout.columns ?? 80) : undefined;
  const {lines, dropped} = fitTable(safe, entries, width);
  runtime.stdout.write(lines.join('\n') + '\n');
  const hidden = dropped.length > 0 ? `; ${dropped.join(' and ')} hidden to fit ${width} columns (see --json or a wider terminal)` : '';
  runtime.stderr.write(`${entries.length} order${entries.length === 1 ? '' : 's'} of ${contents.entries.length} in ${journal.file}${hidden}\n`);
  return 0;
}
