import {describe, expect, it} from 'vitest';
import {allCountries, lookupCountry, resolveCountry, searchCountries} from '../../src/domain/countries.js';

describe('resolveCountry: countries as people name them', () => {
  it.each([
    ['FR', 'FR'],
    ['fra', 'FR'],
    ['GBR', 'GB'],
    ['Allemagne', 'DE'],
    ['allemagne', 'DE'],
    ['Royaume-Uni', 'GB'],
    ['royaume uni', 'GB'],
    ['UK', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['America', 'US'],
    ['États-Unis', 'US'],
    ['etats unis', 'US'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ['Turquie', 'TR'],
    ['Holland', 'NL'],
    ['Pays-Bas', 'NL'],
    ['Ivory Coast', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['COTE D IVOIRE', 'CI'],
    ['Swaziland', 'SZ'],
    ['Czech Republic', 'CZ'],
    ['Tchéquie', 'CZ'],
    ['South Korea', 'KR'],
    ['Corée du Sud', 'KR'],
    ['Suisse', 'CH'],
    ['Espagne', 'ES'],
    ['  germany ', 'DE'],
    ['Germany', 'DE'],
    // Decomposed accents (as macOS file names and some keyboards give them).
    ['E\u0301tats-Unis', 'US'],
  ])('%s → %s', (input, iso2) => {
    expect(resolveCountry(input)?.iso2).toBe(iso2);
  });

  it('lists the candidates of an ambiguous name, and suggests for a partial one', () => {
    expect(lookupCountry('Congo').ambiguous?.map((c) => c.iso2).sort()).toEqual(['CD', 'CG']);
    expect(resolveCountry('Congo')).toBeUndefined();
    expect(lookupCountry('Allem').suggestions?.map((c) => c.iso2)).toEqual(['DE']);
    expect(lookupCountry('Narnia')).toEqual({suggestions: []});
    expect(resolveCountry('')).toBeUndefined();
  });
});

describe('searchCountries: the filter as you type', () => {
  const codes = (text: string, n = 3) => searchCountries(text).slice(0, n).map((c) => c.iso2);

  it('puts the United Kingdom first for "uk", before Ukraine', () => {
    expect(codes('uk', 2)).toEqual(['GB', 'UA']);
    expect(codes('UK', 1)).toEqual(['GB']);
  });

  it('ranks exact codes and names, then names starting with the text, then words, then the rest', () => {
    expect(codes('de', 1)).toEqual(['DE']);
    expect(codes('fr', 1)).toEqual(['FR']);
    expect(codes('us', 1)).toEqual(['US']);
    expect(codes('usa', 1)).toEqual(['US']);
    expect(codes('allem', 1)).toEqual(['DE']);
    expect(codes('royaume', 3)).toContain('GB');
    expect(codes('holland', 1)).toEqual(['NL']);
    // "Korea" is a word of both Koreas; South Korea is its exact alias.
    expect(codes('korea', 2)).toEqual(['KR', 'KP']);
  });

  it('says which other name matched, so "Allemagne" shows why Germany is there', () => {
    expect(searchCountries('allemagne')[0]).toEqual({iso2: 'DE', name: 'Germany', matched: 'Allemagne'});
    expect(searchCountries('germ')[0]).toEqual({iso2: 'DE', name: 'Germany'});
  });

  it('an empty filter keeps every country, sorted by name', () => {
    expect(searchCountries('  ')).toHaveLength(allCountries().length);
    expect(allCountries().length).toBeGreaterThanOrEqual(249);
  });
});
