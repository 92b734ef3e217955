import {describe, expect, it} from 'vitest';
import {nextInSeries} from '../../src/domain/site-series.js';

const none = () => false;

describe('nextInSeries', () => {
  it('PARIS_01 -> PARIS_02, keeping the width, and the label follows', () => {
    expect(nextInSeries({technicalSiteName: 'PARIS_01', customerSiteLabel: 'Paris 01'}, none)).toEqual({technicalSiteName: 'PARIS_02', customerSiteLabel: 'Paris 02'});
    expect(nextInSeries({technicalSiteName: 'LYON_9', customerSiteLabel: 'Lyon office 9'}, none)).toEqual({technicalSiteName: 'LYON_10', customerSiteLabel: 'Lyon office 10'});
  });

  it('skips names already taken', () => {
    const taken = new Set(['PARIS_02', 'PARIS_03']);
    expect(nextInSeries({technicalSiteName: 'PARIS_01', customerSiteLabel: 'Paris office'}, (n) => taken.has(n))).toEqual({technicalSiteName: 'PARIS_04', customerSiteLabel: 'Paris office'});
  });

  it('starts a series from a name without a number', () => {
    expect(nextInSeries({technicalSiteName: 'PARIS_OFFICE', customerSiteLabel: 'Paris office'}, none)).toEqual({technicalSiteName: 'PARIS_OFFICE_2', customerSiteLabel: 'Paris office 2'});
  });

  it('gives up rather than breaking the rules (a name at its 30-character limit)', () => {
    expect(nextInSeries({technicalSiteName: 'A'.repeat(28) + '_9', customerSiteLabel: 'x'}, none)).toBeUndefined();
  });
});
