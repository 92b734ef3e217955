/**
 * The site step's defaults and checks, shared by the Ink form (src/ui/screens/site.tsx) and the
 * accessible prompts: a label from the country, a technical name derived from it, a reference
 * from the date, each avoiding every name known to be taken (the voicesites, and the sites
 * ordered in this run even before the list shows them); the next site of a run continues the
 * series of the last one (PARIS_01 -> PARIS_02).
 */
import type {SiteName} from '../api/types.js';
import {nextInSeries} from '../domain/site-series.js';
import {checkOrderReference, checkSiteLabel, checkTechnicalSiteName, defaultOrderReference, deriveTechnicalSiteName, findSiteByName} from '../domain/site-rules.js';
import type {OrderedSite, SiteDetails} from './state.js';

/** "Voicesite in France", or "... 2", "... 3" when the derived technical name is taken. */
export function defaultLabel(countryName: string, sites: readonly SiteName[], customerCode: string): string {
  const base = `Voicesite in ${countryName}`.slice(0, 70);
  for (let n = 1; n < 100; n++) {
    const label = n === 1 ? base : `${base} ${n}`;
    if (!findSiteByName(sites, deriveTechnicalSiteName(label), customerCode)) return label;
  }
  return base;
}

/** The dated reference, with "-2", "-3"... when this run already used it (two orders a minute). */
export function defaultReference(now: Date, used: readonly string[]): string {
  const base = defaultOrderReference(now);
  for (let n = 1; n < 100; n++) {
    const reference = n === 1 ? base : `${base}-${n}`;
    if (!used.includes(reference)) return reference;
  }
  return base;
}

/** The names taken: the listed voicesites and the sites ordered in this run. */
export function takenSites(listed: readonly SiteName[] | undefined, ordered: readonly OrderedSite[]): SiteName[] {
  return [...(listed ?? []), ...ordered.map((o): SiteName => ({voiceSiteId: o.voiceSiteId, technicalSiteName: o.technicalSiteName, customerCode: o.customerCode}))];
}

/** The values offered before the person types anything. */
export function siteDefaults(input: {countryName: string; customerCode: string; sites: readonly SiteName[]; ordered: readonly OrderedSite[]; now: Date}): SiteDetails {
  const {countryName, customerCode, sites, ordered, now} = input;
  const customerOrderReference = defaultReference(
    now,
    ordered.map((o) => o.customerOrderReference),
  );
  // The next site of this run continues the series of the last one (PARIS_01 -> PARIS_02),
  // unless that one kept btalk's own default ("Voicesite in France"): the country may differ.
  const last = [...ordered].reverse().find((o) => o.customerCode === customerCode && !o.customerSiteLabel.startsWith('Voicesite in '));
  const series = last ? nextInSeries(last, (name) => findSiteByName(sites, name, customerCode) !== undefined) : undefined;
  if (series) return {...series, customerOrderReference};
  const label = defaultLabel(countryName, sites, customerCode);
  return {customerSiteLabel: label, technicalSiteName: deriveTechnicalSiteName(label), customerOrderReference};
}

/** What is wrong with each field (undefined: nothing), by the emulator's rules and the taken names. */
export function siteProblems(values: SiteDetails, sites: readonly SiteName[], customerCode: string): Record<keyof SiteDetails, string | undefined> {
  const taken = findSiteByName(sites, values.technicalSiteName, customerCode);
  return {
    customerSiteLabel: checkSiteLabel(values.customerSiteLabel),
    technicalSiteName:
      checkTechnicalSiteName(values.technicalSiteName) ??
      (taken ? `A voicesite named ${values.technicalSiteName} already exists (voiceSiteId ${String(taken.voiceSiteId)}): choose another name.` : undefined),
    customerOrderReference: checkOrderReference(values.customerOrderReference),
  };
}
