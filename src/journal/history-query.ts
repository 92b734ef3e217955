/** Choosing and ordering journal entries for `btalk history`: pure, so tests need no files. */
import {BtalkError} from '../errors.js';
import type {JournalEntry} from './entry.js';

export interface HistoryQuery {
  /** Epoch ms; entries before it are left out. */
  since?: number;
  profile?: string;
  customer?: string;
  filter?: string;
}

const UNITS: Record<string, number> = {m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000};

/** `--since`: 30m, 12h, 7d, 2w, today, yesterday, 2026-12-01 (local midnight) or an ISO date-time. */
export function parseSince(raw: string, now: number): number {
  const text = raw.trim().toLowerCase();
  const relative = /^(\d+)\s*([mhdw])$/.exec(text);
  if (relative) return now - Number(relative[1]) * UNITS[relative[2]!]!;
  const midnight = (offsetDays: number) => {
    const d = new Date(now);
    d.setHours(0, 0, 0, 0);
    d.setDate(d.getDate() - offsetDays);
    return d.getTime();
  };
  if (text === 'today') return midnight(0);
  if (text === 'yesterday') return midnight(1);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const d = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    if (!Number.isNaN(d.getTime()) && d.getDate() === Number(day[3])) return d.getTime();
  } else if (/^\d{4}-\d{2}-\d{2}t/.test(text)) {
    const t = Date.parse(raw.trim());
    if (!Number.isNaN(t)) return t;
  }
  throw new BtalkError('usage', `--since "${raw}" is not a time btalk understands.`, {
    hint: 'Use 30m, 12h, 7d, 2w, today, yesterday, a date (2026-12-01) or a date and time (2026-12-01T09:00).',
  });
}

function haystack(e: JournalEntry): string[] {
  return [
    e.technicalSiteName,
    e.customerSiteLabel,
    e.customerOrderReference,
    e.voiceSiteId ?? '',
    e.orderId ?? '',
    e.vpn.id,
    e.vpn.name ?? '',
    e.country,
    e.outcome,
    e.customer.code,
    e.customer.name ?? '',
    e.error ?? '',
    e.batch?.file ?? '',
    ...e.requestIds,
  ];
}

/** The entries that match, newest first (same time: the later line first). */
export function queryHistory(entries: readonly JournalEntry[], query: HistoryQuery): JournalEntry[] {
  const customer = query.customer?.trim().toLowerCase();
  const filter = query.filter?.trim().toLowerCase();
  const picked = entries
    .map((entry, index) => ({entry, index, time: Date.parse(entry.time)}))
    .filter(({entry, time}) => {
      if (query.since !== undefined && !(time >= query.since)) return false;
      if (query.profile !== undefined && entry.profile !== query.profile) return false;
      if (customer && entry.customer.code.toLowerCase() !== customer && !(entry.customer.name ?? '').toLowerCase().includes(customer)) return false;
      if (filter && !haystack(entry).some((v) => v.toLowerCase().includes(filter))) return false;
      return true;
    });
  picked.sort((a, b) => (b.time - a.time) || (b.index - a.index));
  return picked.map((p) => p.entry);
}
