/**
 * Which separator a CSV file uses, decided from its header line as spreadsheets write it: French
 * and other European Excels write `;` (the comma is their decimal mark), others `,`, "Unicode
 * text" exports a tab. Excel's own `sep=;` first line is honoured and removed.
 */

export type Separator = ',' | ';' | '\t';

export const SEPARATORS: readonly Separator[] = [',', ';', '\t'];

export interface Dialect {
  separator: Separator;
  /** The text without a leading `sep=X` line. */
  text: string;
  /** True when the file said its separator on a `sep=` line. */
  declared: boolean;
}

/** The first lines, each up to a line end outside quotes (a quoted header cell may hold a newline). */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length && lines.length < count; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      lines.push(text.slice(start, i));
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (lines.length < count && start < text.length) lines.push(text.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, separator: Separator): number {
  let quoted = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === separator) n++;
  }
  return n;
}

export function detectDialect(input: string): Dialect {
  const body = input.startsWith('\ufeff') ? input.slice(1) : input;
  const sep = /^sep=(.)(?:\r\n|\n|\r)/i.exec(body);
  if (sep && (SEPARATORS as readonly string[]).includes(sep[1]!)) {
    return {separator: sep[1] as Separator, text: body.slice(sep[0].length), declared: true};
  }
  // The header line; a title or a blank line above it (one cell, no separator) is passed over.
  const lines = firstLines(body, 10);
  const line = lines.find((l) => SEPARATORS.some((s) => countOutsideQuotes(l, s) > 0)) ?? lines[0] ?? '';
  let best: Separator = ',';
  let bestCount = 0;
  for (const s of SEPARATORS) {
    const n = countOutsideQuotes(line, s);
    if (n > bestCount) {
      best = s;
      bestCount = n;
    }
  }
  return {separator: best, text: input, declared: false};
}

export function separatorName(s: Separator): string {
  return s === ',' ? 'comma' : s === ';' ? 'semicolon' : 'tab';
}
