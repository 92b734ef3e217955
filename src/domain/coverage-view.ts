/**
 * A country's coverage as people read it: every field the API sent, documented ones first with
 * their labels and in the page's order, then any field the page does not document under its own
 * key (a limit never hides anything silently), with Yes/No for booleans and "-" for empty values.
 * `coverageText` lays it out for stderr: two columns when every entry fits, else one, and the
 * comment wrapped, never cut, at the given width.
 */
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';
import {COVERAGE_FIELDS, type Country} from '../api/schemas.js';
import {terminalSafe} from '../text/terminal-safe.js';

export interface CoverageEntry {
  key: string;
  label: string;
  value: string;
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every field but the comment, made terminal-safe. */
export function coverageEntries(country: Country): CoverageEntry[] {
  const coverage = country.coverage as Record<string, unknown>;
  const documented = new Set<string>(COVERAGE_FIELDS.map(([key]) => key));
  const known = COVERAGE_FIELDS.filter(([key]) => key !== 'comment').map(([key, label]) => ({key, label, value: terminalSafe(show(coverage[key]))}));
  const extra = Object.keys(coverage)
    .filter((key) => !documented.has(key))
    .map((key) => ({key, label: terminalSafe(key), value: terminalSafe(show(coverage[key]))}));
  return [...known, ...extra];
}

/** The comment, when there is one, terminal-safe (its own newlines kept as line breaks). */
export function coverageComment(country: Country): string | undefined {
  const comment = (country.coverage as Record<string, unknown>)['comment'];
  if (typeof comment !== 'string' || comment.trim() === '') return undefined;
  return comment
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => terminalSafe(line))
    .join('\n');
}

/** Lines of `prefix + text` wrapped at `width`, the next lines indented under the text. */
export function wrapWithIndent(prefix: string, text: string, width: number): string[] {
  const indent = ' '.repeat(stringWidth(prefix));
  const room = Math.max(10, width - stringWidth(prefix));
  const lines = text.split('\n').flatMap((paragraph) => wrapAnsi(paragraph, room, {hard: true, trim: true}).split('\n'));
  return lines.map((line, i) => `${i === 0 ? prefix : indent}${line}`);
}

export function coverageText(country: Country, width = 80, indent = '  '): string[] {
  const entries = coverageEntries(country);
  const labelWidth = entries.reduce((max, e) => Math.max(max, stringWidth(e.label)), 0) + 1;
  const cell = (e: CoverageEntry) => `${e.label}${' '.repeat(labelWidth - stringWidth(e.label))}${e.value}`;
  const columnWidth = entries.reduce((max, e) => Math.max(max, stringWidth(cell(e))), 0) + 2;
  const lines: string[] = [];
  if (stringWidth(indent) + 2 * columnWidth <= width) {
    const half = Math.ceil(entries.length / 2);
    for (let i = 0; i < half; i++) {
      const left = cell(entries[i]!);
      const right = entries[i + half];
      lines.push(`${indent}${right ? left + ' '.repeat(columnWidth - stringWidth(left)) + cell(right) : left}`);
    }
  } else {
    for (const e of entries) {
      const prefix = `${indent}${e.label}${' '.repeat(labelWidth - stringWidth(e.label))}`;
      // Too narrow for label and value side by side: the value goes under its label.
      if (width - stringWidth(prefix) < 12) lines.push(...wrapWithIndent(`${indent}`, e.label, width), ...wrapWithIndent(`${indent}  `, e.value, width));
      else lines.push(...wrapWithIndent(prefix, e.value, width));
    }
  }
  const comment = coverageComment(country);
  if (comment) lines.push(...wrapWithIndent(`${indent}Comment: `, comment, width));
  return lines;
}
