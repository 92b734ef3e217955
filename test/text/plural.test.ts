import {describe, expect, it} from 'vitest';
import {count, countOf, grouped} from '../../src/text/plural.js';

describe('grouped numbers', () => {
  it('groups whole numbers exactly as toLocaleString("en-US") does, without ICU', () => {
    const numbers = [0, 7, 999, 1000, 1001, 9999, 10_000, 12_345, 100_000, 999_999, 1_000_000, 1_234_567_890, Number.MAX_SAFE_INTEGER];
    // Every length of number from 1 to 16 digits, at both ends of each length.
    for (let digits = 1; digits <= 15; digits++) numbers.push(10 ** digits - 1, 10 ** digits);
    for (const n of [...numbers, ...numbers.map((m) => -m)]) expect(grouped(n), String(n)).toBe(n.toLocaleString('en-US'));
    expect(grouped(10_000)).toBe('10,000');
    expect(grouped(-1_234_567)).toBe('-1,234,567');
  });

  it('leaves fractions, -0 and numbers past 2^53 to toLocaleString', () => {
    for (const n of [-0, 0.5, 1234.5678, -9876.54321, 2 ** 53 + 2, 1e21, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(grouped(n), String(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('is what the count lines show', () => {
    expect(count(10_000, 'VPN', 'VPNs', grouped)).toBe('10,000 VPNs');
    expect(countOf(1000, 10_000, 'VPN', 'VPNs', {the: true})).toBe('1,000 of the 10,000 VPNs');
  });
});
