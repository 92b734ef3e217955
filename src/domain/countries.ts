/**
 * ISO 3166-1 countries as people name them, from the maintained i18n-iso-countries package: the
 * alpha-2 and alpha-3 codes, the English and French names with the package's alternative names
 * ("UK", "Great Britain", "Turkey" for Türkiye), and a short table of names people type that the
 * package lacks ("Holland", "Swaziland", "Angleterre"). Matching ignores case, accents and
 * punctuation, so "cote d'ivoire", "Côte-d'Ivoire" and "COTE D IVOIRE" are one name.
 *
 * `resolveCountry` is for an answer that must name one country (`--country`, a CSV cell): an exact
 * code or name, or nothing; `lookupCountry` says also which countries an ambiguous or unknown answer
 * might have meant. `searchCountries` ranks countries for a filter as you type: exact codes and
 * names first (so "uk" puts the United Kingdom before Ukraine), then names starting with the text,
 * then names with a word starting with it, then the rest.
 */
// The library's Node entry registers all its ~80 locales at load; btalk needs English and French
// only, so it takes the bare library and those two files (bundled: nothing read at run time).
import isoCountries from 'i18n-iso-countries/index.js';
import english from 'i18n-iso-countries/langs/en.json' with {type: 'json'};
import french from 'i18n-iso-countries/langs/fr.json' with {type: 'json'};

type Locale = Parameters<typeof isoCountries.registerLocale>[0];
isoCountries.registerLocale(english as Locale);
isoCountries.registerLocale(french as Locale);

export interface CountryOption {
  iso2: string;
  name: string;
  /** In a search result: the other name the text matched ("Allemagne" for Germany), when not `name`. */
  matched?: string;
}

/** Names people use that i18n-iso-countries does not list (it has UK, USA, Turkey, Ivory Coast...). */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  GB: ['Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'Grande-Bretagne', 'Angleterre', 'Écosse', 'Pays de Galles'],
  US: ['America', 'Amérique', 'États-Unis'],
  NL: ['Holland', 'Hollande', 'Nederland'],
  TR: ['Turquie', 'Turkiye'],
  CI: ["Côte d'Ivoire", 'Ivory Coast'],
  SZ: ['Swaziland', 'eSwatini'],
  CZ: ['Czech Republic', 'Czechia', 'Tchéquie', 'République tchèque'],
  KR: ['South Korea', 'Korea', 'Corée', 'Corée du Sud'],
  KP: ['North Korea', 'Corée du Nord'],
  MK: ['Macedonia', 'Macédoine'],
  MM: ['Burma', 'Birmanie'],
  CV: ['Cape Verde', 'Cap-Vert'],
  TL: ['East Timor', 'Timor oriental'],
  VA: ['Vatican', 'Vatican City'],
  AE: ['Emirates', 'EAU', 'Émirats arabes unis'],
  DE: ['Deutschland'],
  ES: ['España', 'Espagne'],
  IT: ['Italia'],
  AT: ['Österreich'],
  CH: ['Schweiz', 'Svizzera'],
  BE: ['België', 'Belgique'],
  RU: ['Russia'],
  VN: ['Viet Nam'],
  LA: ['Laos'],
  SY: ['Syria'],
  MD: ['Moldova'],
  TZ: ['Tanzania'],
  BN: ['Brunei'],
  HK: ['Hong Kong'],
  MO: ['Macau', 'Macao'],
  PS: ['Palestine'],
  FM: ['Micronesia'],
};

/** Lower case, no accents, punctuation as single spaces: "Côte-d'Ivoire" → "cote d ivoire". */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const squash = (folded: string) => folded.replace(/ /g, '');

interface Entry {
  option: CountryOption;
  iso2: string;
  iso3: string;
  /** Every name: English official first, then English alternatives, French, aliases. */
  names: Array<{text: string; folded: string; squashed: string}>;
}

let entries: Entry[] | undefined;

function allEntries(): Entry[] {
  if (entries) return entries;
  const en = isoCountries.getNames('en', {select: 'all'});
  const fr = isoCountries.getNames('fr', {select: 'all'});
  entries = Object.keys(en)
    .map((iso2) => {
      const name = countryName(iso2) ?? iso2;
      const seen = new Set<string>();
      const names: Entry['names'] = [];
      for (const text of [name, ...(en[iso2] ?? []), ...(fr[iso2] ?? []), ...(ALIASES[iso2] ?? [])]) {
        const folded = foldName(text);
        if (folded === '' || seen.has(squash(folded))) continue;
        seen.add(squash(folded));
        names.push({text, folded, squashed: squash(folded)});
      }
      return {option: {iso2, name}, iso2, iso3: isoCountries.alpha2ToAlpha3(iso2) ?? '', names};
    })
    .sort((a, b) => a.option.name.localeCompare(b.option.name, 'en'));
  return entries;
}

/** Every country, sorted by English name. */
export function allCountries(): CountryOption[] {
  return allEntries().map((e) => e.option);
}

export function countryName(iso2: string): string | undefined {
  return isoCountries.getName(iso2.toUpperCase(), 'en', {select: 'official'});
}

/** Rank of a country for a search: 0 exact code or name, 1 a name starts with it, 2 a word does, 3 contains; undefined: no match. */
function rankOf(e: Entry, folded: string): {rank: number; via: string} | undefined {
  const squashed = squash(folded);
  if (squashed === e.iso2.toLowerCase() || squashed === e.iso3.toLowerCase()) return {rank: 0, via: e.option.name};
  let best: {rank: number; via: string} | undefined;
  for (const n of e.names) {
    const rank =
      n.squashed === squashed
        ? 0
        : n.squashed.startsWith(squashed)
          ? 1
          : ` ${n.folded}`.includes(` ${folded}`)
            ? 2
            : n.squashed.includes(squashed)
              ? 3
              : undefined;
    if (rank !== undefined && (best === undefined || rank < best.rank)) best = {rank, via: n.text};
  }
  return best;
}

/** Countries matching a filter as you type, best first (alphabetical within a rank). */
export function searchCountries(text: string, list: readonly CountryOption[] = allCountries()): CountryOption[] {
  const folded = foldName(text);
  if (folded === '') return [...list];
  const byIso = new Map(allEntries().map((e) => [e.iso2, e]));
  const ranked: Array<{option: CountryOption; rank: number}> = [];
  for (const option of list) {
    const entry = byIso.get(option.iso2);
    const hit = entry && rankOf(entry, folded);
    if (!hit) continue;
    const matched = foldName(hit.via) === foldName(option.name) ? undefined : hit.via;
    ranked.push({option: matched === undefined ? option : {...option, matched}, rank: hit.rank});
  }
  // Array.prototype.sort is stable: the list's (alphabetical) order is kept within a rank.
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.option);
}

/** Back-compatible name: every country whose code or a name matches the filter, best first. */
export function filterCountries(filter: string, list: readonly CountryOption[] = allCountries()): CountryOption[] {
  return searchCountries(filter, list);
}

export type CountryLookup =
  | {found: CountryOption; ambiguous?: undefined; suggestions?: undefined}
  | {found?: undefined; ambiguous: CountryOption[]; suggestions?: undefined}
  | {found?: undefined; ambiguous?: undefined; suggestions: CountryOption[]};

/** An answer that must name one country: an exact code or name; else the candidates it might mean. */
export function lookupCountry(input: string): CountryLookup {
  const folded = foldName(input);
  if (folded === '') return {suggestions: []};
  const squashed = squash(folded);
  const all = allEntries();
  const byCode = all.find((e) => (squashed.length === 2 && e.iso2.toLowerCase() === squashed) || (squashed.length === 3 && e.iso3.toLowerCase() === squashed));
  // An ISO code wins over a name ("UK" is no ISO code: it is one of the United Kingdom's names).
  if (byCode) return {found: byCode.option};
  const exact = all.filter((e) => e.names.some((n) => n.squashed === squashed));
  if (exact.length === 1) return {found: exact[0]!.option};
  if (exact.length > 1) return {ambiguous: exact.map((e) => e.option)};
  return {suggestions: searchCountries(input).slice(0, 5).map(({iso2, name}) => ({iso2, name}))};
}

/** Resolves a code or a name (any language the module knows, any accent or case) to one country. */
export function resolveCountry(input: string): CountryOption | undefined {
  return lookupCountry(input).found;
}
