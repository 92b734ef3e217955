/**
 * 10000 -> "10,000": thousands grouped, for a number a person reads out or hears. Whole numbers
 * are grouped here, as toLocaleString('en-US') groups them: a thread's first toLocaleString starts
 * ICU's number formatting, about 10 ms, which the emulator's worker would pay before it listens
 * (its account descriptions). Fractions, -0 and numbers past 2^53 still go to ICU.
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** "1 VPN", "2 VPNs", "0 rows": a number with its noun in the right form (written by `format`). */
export function count(n: number, one: string, many: string, format: (n: number) => string = String): string {
  return `${format(n)} ${n === 1 ? one : many}`;
}

/**
 * "1,000 of 10,000 VPNs", or with `the` "12 of the 1,000 VPNs": part of a count, both numbers
 * grouped, for the list screens' count lines whether the list is whole or in part.
 */
export function countOf(part: number, whole: number, one: string, many: string, {the = false}: {the?: boolean} = {}): string {
  return `${grouped(part)} of ${the ? 'the ' : ''}${count(whole, one, many, grouped)}`;
}

/** "1 row was", "3 rows were". */
export function countWas(n: number, one: string, many: string): string {
  return `${count(n, one, many)} ${n === 1 ? 'was' : 'were'}`;
}
