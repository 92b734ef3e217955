/** 10000 -> "10,000": thousands grouped, for a number a person reads out or hears. */
export function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 VPN", "2 VPNs", "0 rows": a number with its noun in the right form (written by `format`). */
export function count(n: number, one: string, many: string, format: (n: number) => string = String): string {
  return `${format(n)} ${n === 1 ? one : many}`;
}

/** "1 row was", "3 rows were". */
export function countWas(n: number, one: string, many: string): string {
  return `${count(n, one, many)} ${n === 1 ? 'was' : 'were'}`;
}
