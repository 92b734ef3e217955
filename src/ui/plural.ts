/** "1 VPN", "2 VPNs": a number with its noun in the right form. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
