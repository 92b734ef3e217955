import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import type {Country} from '../../../src/api/types.js';
import {coverageText} from '../../../src/domain/coverage-view.js';
import {CoverageTable} from '../../../src/ui/components/coverage-table.js';

afterEach(() => cleanup());

const COMMENT =
  '(1) Fax are supported only with VISIT certified fax designs. Contact Product for further information about emergency routing, ' +
  'number portability and the DID zones of overseas départements, which differ from mainland France.';

const country: Country = {
  name: 'France',
  iso2: 'FR',
  coverage: {
    businessTalkOnline: 'Yes',
    domesticEmergency: 'Yes',
    enquiryDB: 'Yes, except for the overseas départements and the numbers of the Monaco exchange',
    didNumberZone: 'Zone1',
    comment: COMMENT,
    portability: 'Yes',
  },
};

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('coverage in full at 80 columns', () => {
  it('the wizard wraps the comment and long values instead of cutting them, and shows undocumented fields', () => {
    const ui = render(<CoverageTable country={country} columns={80} />);
    const frame = ui.lastFrame() ?? '';
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(frame).not.toContain('…');
    expect(words(frame)).toContain(words(`Comment: ${COMMENT}`));
    // The long value wraps inside its column: every word is there, in order, line after line.
    const valueWords = 'Yes, except for the overseas départements and the numbers of the Monaco exchange'.split(' ');
    let at = 0;
    for (const w of valueWords) {
      const next = frame.indexOf(w, at);
      expect(next).toBeGreaterThanOrEqual(0);
      at = next;
    }
    expect(frame).toMatch(/portability\s+Yes/);
  });

  it('the btalk order review text wraps every field and the comment at 80 (and 40) columns', () => {
    for (const width of [80, 40]) {
      const lines = coverageText(country, width);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      const text = words(lines.join(' '));
      expect(text).toContain(words(`Comment: ${COMMENT}`));
      expect(text).toContain('Yes, except for the overseas départements and the numbers of the Monaco exchange');
      expect(text).toMatch(/portability Yes/);
      expect(text).toMatch(/DID number zone Zone1/);
    }
  });

  it('a hostile comment cannot drive the terminal', () => {
    const lines = coverageText({...country, coverage: {businessTalkOnline: 'Yes', comment: 'ok\u001b]0;pwned\u0007 \u202eevil'}}, 80);
    expect(lines.join('\n')).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(lines.join('\n')).toContain('\\x1b]0;pwned\\x07');
  });
});

describe('coverage as the API documents it', () => {
  it('keeps two columns at 80 when every value is short', () => {
    const ui = render(<CoverageTable country={{...country, coverage: {businessTalkOnline: 'Yes', didNumberZone: 'Zone1', comment: 'Short.'}}} columns={80} />);
    const frame = ui.lastFrame() ?? '';
    expect(frame).toMatch(/Business Talk Online +Yes +Fax calls \(analog\)/);
  });
});
