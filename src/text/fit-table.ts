/**
 * A plain-text table fitted to a width: named text columns shrink (with "…"), ids never do; when
 * even that is not enough, optional columns are dropped and the caller is told which, so it can
 * say so (a limit never hides anything silently).
 */
import stringWidth from 'string-width';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  /** May be cut down to `minWidth` (default: never cut). */
  shrink?: boolean;
  minWidth?: number;
  /** May be left out when the table does not fit otherwise (dropped last-first). */
  optional?: boolean;
}

const GAP = 2;

/**
 * The text in exactly `width` terminal cells: measured as the terminal draws it (CJK and most emoji
 * take two cells, combining accents none), cut at a whole character with "…", padded with spaces.
 */
export function fitCell(text: string, width: number): string {
  const cut = truncateToWidth(text, width);
  return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/**
 * At most `width` cells, ending in "…" when cut. Cut between graphemes ("é" written as e + U+0301,
 * a flag, a family emoji stay whole); a two-cell character that would cross the edge is left out
 * rather than overflow (cli-truncate lets it overflow by one cell).
 */
export function truncateToWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const {segment} of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

const cut = fitCell;

/** The widest of the values, without spreading them as arguments (a long list would overflow the stack). */
export function widest(values: Iterable<string>, start = 0): number {
  let max = start;
  for (const v of values) max = Math.max(max, stringWidth(v));
  return max;
}

export function fitTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], maxWidth?: number): {lines: string[]; dropped: string[]} {
  let shown = [...columns];
  const dropped: string[] = [];
  const cells = (cols: readonly Column<Row>[]) => rows.map((r) => cols.map((c) => c.value(r)));
  for (;;) {
    const body = cells(shown);
    const widths = shown.map((c, i) => widest(body.map((r) => r[i]!), stringWidth(c.header)));
    const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
    if (maxWidth !== undefined) {
      // Shrink the widest shrinkable column first, one step at a time, down to its minimum.
      while (total() > maxWidth) {
        let best = -1;
        for (const [i, c] of shown.entries()) {
          if (!c.shrink || widths[i]! <= (c.minWidth ?? 8)) continue;
          if (best === -1 || widths[i]! > widths[best]!) best = i;
        }
        if (best === -1) break;
        widths[best] = Math.max(shown[best]!.minWidth ?? 8, widths[best]! - (total() - maxWidth));
      }
      const optional = [...shown].reverse().find((c) => c.optional);
      if (total() > maxWidth && optional) {
        dropped.push(optional.header);
        shown = shown.filter((c) => c !== optional);
        continue;
      }
    }
    const line = (values: string[]) =>
      values
        .map((v, i) => cut(v, widths[i]!))
        .join(' '.repeat(GAP))
        .trimEnd();
    return {lines: [line(shown.map((c) => c.header)), ...body.map(line)], dropped};
  }
}
