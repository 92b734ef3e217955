/** "1 VPN", "2 VPNs", "0 rows": a number with its noun in the right form. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 row was", "3 rows were". */
export function countWas(n: number, one: string, many: string): string {
  return `${count(n, one, many)} ${n === 1 ? 'was' : 'were'}`;
}
