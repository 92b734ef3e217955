/**
 * `btalk voicesites` output: a filter, a plain-text table that fits the terminal, and a CSV file.
 * Only text columns shrink (the widest first), ids never do: a truncated id is useless.
 */
import type {VoiceSite} from '../api/schemas.js';
import type {Separator} from '../csv/separator.js';
import {spreadsheetCsv} from '../csv/write.js';
import {fitTable, type Column} from '../text/fit-table.js';
import {terminalSafe} from '../text/terminal-safe.js';

export interface SiteRow {
  id: string;
  name: string;
  label: string;
  country: string;
  vpn: string;
}

export function toRow(site: VoiceSite, vpnNames: ReadonlyMap<string, string>): SiteRow {
  const vpnId = site.vpnId === undefined ? '' : String(site.vpnId);
  const vpnName = vpnNames.get(vpnId);
  return {
    id: String(site.voiceSiteId),
    name: site.technicalSiteName,
    label: site.customerSiteLabel ?? '',
    country: site.country ?? '',
    vpn: vpnName ? `${vpnName} (${vpnId})` : vpnId,
  };
}

/** Lower case without accents, so "siege" finds "Siège" (and a decomposed "Sie\u0300ge"). */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Match on id, technical name, label or country, ignoring case and accents. */
export function filterSites(sites: readonly VoiceSite[], filter: string | undefined): VoiceSite[] {
  const wanted = filter === undefined ? '' : fold(filter.trim());
  if (!wanted) return [...sites];
  return sites.filter((s) =>
    [String(s.voiceSiteId), s.technicalSiteName, s.customerSiteLabel ?? '', s.country ?? ''].some((v) => fold(v).includes(wanted)),
  );
}

const COLUMNS: ReadonlyArray<Column<SiteRow>> = [
  {header: 'ID', value: (r) => r.id},
  {header: 'TECHNICAL NAME', value: (r) => r.name, shrink: true, minWidth: 8},
  {header: 'LABEL', value: (r) => r.label, shrink: true, minWidth: 8},
  {header: 'COUNTRY', value: (r) => r.country},
  {header: 'VPN', value: (r) => r.vpn, shrink: true, minWidth: 8},
];

/**
 * Lines of the table; `maxWidth` undefined means no limit (output is not a terminal, or --wide).
 * Widths are display widths (CJK and emoji take two cells, combining accents none), and every
 * cell is made terminal-safe first: a label cannot move the cursor or break the alignment.
 */
export function renderTable(rows: readonly SiteRow[], maxWidth?: number): string[] {
  const safe = COLUMNS.map((c) => ({...c, value: (r: SiteRow) => terminalSafe(c.value(r))}));
  return fitTable(safe, rows, maxWidth).lines;
}

export const SITE_CSV_COLUMNS = ['voiceSiteId', 'technicalSiteName', 'customerSiteLabel', 'country', 'vpnId', 'vpnName', 'customerCode', 'status', 'creationDate'] as const;

/** `btalk voicesites --csv`: every site's fields, for a spreadsheet (see csv/write.ts). */
export function sitesCsv(sites: readonly VoiceSite[], vpnNames: ReadonlyMap<string, string>, separator: Separator = ','): string {
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return spreadsheetCsv(
    sites.map((s) => {
      const vpnId = text(s.vpnId);
      const extra = s as Record<string, unknown>;
      return [text(s.voiceSiteId), s.technicalSiteName, text(s.customerSiteLabel), text(s.country), vpnId, vpnNames.get(vpnId) ?? '', text(s.customerCode), text(extra['status']), text(extra['creationDate'])];
    }),
    {header: SITE_CSV_COLUMNS, separator},
  );
}
