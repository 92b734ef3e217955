/**
 * ISO 3166-1 countries with English names, from the maintained i18n-iso-countries package.
 */
import {createRequire} from 'node:module';
import isoCountries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json') as Parameters<typeof isoCountries.registerLocale>[0]);

export interface CountryOption {
  iso2: string;
  name: string;
}

let cache: CountryOption[] | undefined;

/** Every country, sorted by name. */
export function allCountries(): CountryOption[] {
  cache ??= Object.entries(isoCountries.getNames('en', {select: 'official'}))
    .map(([iso2, name]) => ({iso2, name}))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return cache;
}

export function countryName(iso2: string): string | undefined {
  return isoCountries.getName(iso2.toUpperCase(), 'en', {select: 'official'});
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** Resolves an ISO alpha-2/alpha-3 code or an English name (any accent or case) to alpha-2. */
export function resolveCountry(input: string): CountryOption | undefined {
  const text = input.trim();
  if (text.length === 0) return undefined;
  const upper = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && isoCountries.isValid(upper)) {
    return {iso2: upper, name: countryName(upper) ?? upper};
  }
  if (/^[A-Z]{3}$/.test(upper) && isoCountries.isValid(upper)) {
    const iso2 = isoCountries.alpha3ToAlpha2(upper);
    if (iso2) return {iso2, name: countryName(iso2) ?? iso2};
  }
  const byName = isoCountries.getAlpha2Code(text, 'en');
  if (byName) return {iso2: byName, name: countryName(byName) ?? byName};
  const wanted = fold(text);
  return allCountries().find((c) => fold(c.name) === wanted);
}

/** Countries whose name or code contains the filter text (case and accent blind). */
export function filterCountries(filter: string, list: CountryOption[] = allCountries()): CountryOption[] {
  const wanted = fold(filter);
  if (wanted.length === 0) return list;
  return list.filter((c) => fold(c.name).includes(wanted) || c.iso2.toLowerCase() === wanted);
}
