/**
 * Choosing from a list by typed lines: a number from the list last read out, or part of a name.
 * A short list is read out whole; a long one is narrowed by typing first, and a list of matches
 * longer than MAX_LISTED says how many it leaves out ("showing 20 of 10,000"), never silently.
 * Pure: the list questions (turn.ts) print what this returns.
 */
import {count, grouped} from '../text/plural.js';
import {terminalSafe} from '../text/terminal-safe.js';

/** The most rows read out at once: more would be more than a person can hold while listening. */
export const MAX_LISTED = 20;

export interface ListSpec<T> {
  /** ['VPN', 'VPNs'] */
  noun: readonly [string, string];
  items: readonly T[];
  /** One row, terminal-safe, without its number. */
  label: (item: T) => string;
  /** The items matching typed text, best first. */
  filter: (items: readonly T[], text: string) => readonly T[];
  /** An item the text names exactly (a code, an id, a whole name): chosen at once. */
  exact?: (items: readonly T[], text: string) => T | undefined;
  /** What the text may be: "part of a name, code or id". */
  typeWhat: string;
}

/** What a typed line came to: an item, a new list of rows to number, or a sentence to say. */
export type ListAnswer<T> = {chosen: T} | {rows: readonly T[]; lines: string[]} | {say: string};

/** The rows, numbered, one a line. */
export function numbered<T>(rows: readonly T[], label: (item: T) => string): string[] {
  return rows.map((item, i) => `${i + 1}) ${label(item)}`);
}

/** The list as first read out: whole when short, else its size and how to narrow it. */
export function openingLines<T>(spec: ListSpec<T>): {rows: readonly T[]; lines: string[]} {
  const total = spec.items.length;
  if (total <= MAX_LISTED) return {rows: spec.items, lines: [`${count(total, spec.noun[0], spec.noun[1], grouped)}:`, ...numbered(spec.items, spec.label)]};
  return {rows: [], lines: [`${grouped(total)} ${spec.noun[1]}, too many to read out: type ${spec.typeWhat} to list the ones that match.`]};
}

/** The matches for `text`, numbered; at most MAX_LISTED, saying so when there are more. */
function matchLines<T>(spec: ListSpec<T>, matches: readonly T[], text: string): {rows: readonly T[]; lines: string[]} {
  const rows = matches.slice(0, MAX_LISTED);
  const head = `${grouped(matches.length)} ${matches.length === 1 ? `${spec.noun[0]} matches` : `${spec.noun[1]} match`} "${terminalSafe(text)}":`;
  const lines = [head, ...numbered(rows, spec.label)];
  if (matches.length > rows.length) lines.push(`Showing ${grouped(rows.length)} of ${grouped(matches.length)}: type more of the name to narrow the list.`);
  return {rows, lines};
}

/**
 * A typed line (trimmed, not empty) against the list. A number picks from `rows`, the rows last
 * read out; a number that is no row picks only an item it names exactly (an id may be a number),
 * never one whose id merely holds those digits. With no rows read out, digits are text like any.
 */
export function answerList<T>(spec: ListSpec<T>, rows: readonly T[], typed: string): ListAnswer<T> {
  const text = typed.trim();
  const digits = /^\d+$/u.test(text);
  if (digits) {
    const n = Number(text);
    if (n >= 1 && n <= rows.length) return {chosen: rows[n - 1]!};
  }
  const exact = spec.exact?.(spec.items, text);
  if (exact !== undefined) return {chosen: exact};
  if (digits && rows.length > 0) return {say: `There is no number ${text}: type a number from 1 to ${rows.length}, or ${spec.typeWhat}.`};
  const matches = spec.filter(spec.items, text);
  if (matches.length === 1) return {chosen: matches[0]!};
  if (matches.length > 1) return matchLines(spec, matches, text);
  return {say: `No ${spec.noun[0]} matches "${terminalSafe(text)}": type ${spec.typeWhat}.`};
}
