/** Figures: medians, percentiles and the one line format every benchmark prints. */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 100 ? 1 : 0)} ms`;
}

export interface Figure {
  name: string;
  value: string;
  reference?: string;
  ratio?: number;
  goal?: string;
  met?: boolean;
}

const figures: Figure[] = [];

/** Prints one figure now and keeps it for the summary table at the end. */
export function report(figure: Figure): void {
  figures.push(figure);
  const ratio = figure.ratio === undefined ? '' : `  = ${figure.ratio.toFixed(2)}x`;
  const against = figure.reference ? `  vs ${figure.reference}` : '';
  const goal = figure.goal ? `  (goal ${figure.goal}: ${figure.met ? 'met' : 'NOT met'})` : '';
  process.stdout.write(`  ${figure.name}: ${figure.value}${against}${ratio}${goal}\n`);
}

export function section(title: string): void {
  process.stdout.write(`\n${title}\n`);
}

/** The summary as a Markdown table (pasted into the README's performance section). */
export function summaryTable(): string {
  const rows = figures.map((f) => `| ${f.name} | ${f.value} | ${f.reference ?? ''} | ${f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}x`} | ${f.goal ? `${f.goal} ${f.met ? '✓' : '✗'}` : ''} |`);
  return ['| figure | btalk | reference | ratio | goal |', '|---|---|---|---|---|', ...rows].join('\n');
}
