import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {fitCell, truncateToWidth, widest} from '../../src/text/fit-table.js';

describe('display width', () => {
  it('cuts whole graphemes and never overflows, even with a two-cell character at the edge', () => {
    for (let width = 1; width <= 12; width++) {
      for (const text of ['東京本社オフィス', 'Sie\u0300ge social', '👩‍💻👩‍💻👩‍💻 team', '🇫🇷🇯🇵 flags', 'plain ascii text']) {
        const cell = fitCell(text, width);
        expect(stringWidth(cell)).toBe(width);
        expect(cell).not.toContain('\ufffd');
      }
    }
    expect(truncateToWidth('東京本社オフィス', 10)).toBe('東京本社…');
    expect(truncateToWidth('Sie\u0300ge social', 4)).toBe('Sie\u0300…');
    expect(truncateToWidth('👩‍💻👩‍💻', 3)).toBe('👩‍💻…');
    expect(truncateToWidth('short', 10)).toBe('short');
  });

  it('measures the widest of many values without spreading them (no stack overflow)', () => {
    const many = Array.from({length: 300_000}, (_, i) => (i === 123_456 ? '東京本社' : 'x'));
    expect(widest(many, 2)).toBe(8);
  });
});
