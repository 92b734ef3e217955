/**
 * `btalk voicesites` output: a filter and a plain-text table that fits the terminal. Only text
 * columns shrink (label first, then VPN, then the name), ids never do: a truncated id is useless.
 */
import type {VoiceSite} from '../api/schemas.js';

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

/** Case-insensitive match on id, technical name, label or country. */
export function filterSites(sites: readonly VoiceSite[], filter: string | undefined): VoiceSite[] {
  const wanted = filter?.trim().toLowerCase();
  if (!wanted) return [...sites];
  return sites.filter((s) =>
    [String(s.voiceSiteId), s.technicalSiteName, s.customerSiteLabel ?? '', s.country ?? ''].some((v) => v.toLowerCase().includes(wanted)),
  );
}

const HEADERS: SiteRow = {id: 'ID', name: 'TECHNICAL NAME', label: 'LABEL', country: 'COUNTRY', vpn: 'VPN'};
const ORDER: Array<keyof SiteRow> = ['id', 'name', 'label', 'country', 'vpn'];
const SHRINK: Array<keyof SiteRow> = ['label', 'vpn', 'name'];
const GAP = 2;
const MIN_WIDTH = 8;

function cut(text: string, width: number): string {
  if (text.length <= width) return text.padEnd(width);
  return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
}

/** Lines of the table; `maxWidth` undefined means no limit (output is not a terminal). */
export function renderTable(rows: readonly SiteRow[], maxWidth?: number): string[] {
  const widths = Object.fromEntries(ORDER.map((k) => [k, Math.max(HEADERS[k].length, ...rows.map((r) => r[k].length))])) as Record<
    keyof SiteRow,
    number
  >;
  if (maxWidth !== undefined) {
    const total = () => ORDER.reduce((sum, k) => sum + widths[k], 0) + GAP * (ORDER.length - 1);
    for (const k of SHRINK) {
      const over = total() - maxWidth;
      if (over <= 0) break;
      widths[k] = Math.max(MIN_WIDTH, widths[k] - over);
    }
  }
  const line = (r: SiteRow) =>
    ORDER.map((k, i) => (i === ORDER.length - 1 ? cut(r[k], widths[k]).trimEnd() : cut(r[k], widths[k])))
      .join(' '.repeat(GAP))
      .trimEnd();
  return [line(HEADERS), ...rows.map(line)];
}
