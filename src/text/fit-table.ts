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

function cut(text: string, width: number): string {
  if (stringWidth(text) <= width) return text + ' '.repeat(width - stringWidth(text));
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…' + ' '.repeat(Math.max(0, width - 1 - stringWidth(out)));
}

export function fitTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], maxWidth?: number): {lines: string[]; dropped: string[]} {
  let shown = [...columns];
  const dropped: string[] = [];
  const cells = (cols: readonly Column<Row>[]) => rows.map((r) => cols.map((c) => c.value(r)));
  for (;;) {
    const body = cells(shown);
    const widths = shown.map((c, i) => Math.max(stringWidth(c.header), ...body.map((r) => stringWidth(r[i]!))));
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
