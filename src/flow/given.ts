/**
 * Answers given up front (the same flags and variables as `btalk order`: --customer --vpn
 * --country --site-name --label --reference), applied as the flow reaches each step and the data
 * to check them arrives, with the same resolution as `btalk order` (src/order/resolve-inputs.ts).
 * A right answer completes its step (shown as a "✓" line, still editable from the review); a
 * wrong one opens its step with the reason. Each is used once: going back to a step later asks it.
 */
import {isCovered} from '../api/schemas.js';
import {checkOrderReference, checkSiteLabel, checkTechnicalSiteName, defaultOrderReference, deriveTechnicalSiteName, findSiteByName} from '../domain/site-rules.js';
import {lookupCountry} from '../domain/countries.js';
import {countryLabel} from '../domain/labels.js';
import type {Answers} from '../order/order-options.js';
import {isProblem, resolveCustomer, resolveVpn} from '../order/resolve-inputs.js';
import type {Action} from './actions.js';
import type {SiteDetails, WizardState} from './state.js';

/** What is still to apply. `coverage`: the country given, whose coverage is accepted once known. */
export interface GivenAnswers {
  customer?: string;
  vpn?: string;
  country?: string;
  coverage?: string;
  site?: {label?: string; siteName?: string; reference?: string; defaultReference: string};
}

export function givenAnswers(answers: Answers, now: Date): GivenAnswers | undefined {
  const given: GivenAnswers = {};
  if (answers.customer !== undefined) given.customer = answers.customer;
  if (answers.vpn !== undefined) given.vpn = answers.vpn;
  if (answers.country !== undefined) given.country = answers.country;
  if (answers.label !== undefined || answers.siteName !== undefined || answers.reference !== undefined) {
    given.site = {
      ...(answers.label === undefined ? {} : {label: answers.label}),
      ...(answers.siteName === undefined ? {} : {siteName: answers.siteName}),
      ...(answers.reference === undefined ? {} : {reference: answers.reference}),
      defaultReference: defaultOrderReference(now),
    };
  }
  return Object.keys(given).length > 0 ? given : undefined;
}

function without(state: WizardState, key: keyof GivenAnswers): WizardState {
  const {[key]: _used, ...rest} = state.given ?? {};
  const {given: _g, ...others} = state;
  return Object.keys(rest).length > 0 ? {...others, given: rest} : others;
}

/** The site details the given names make, and whether they can be sent as they are. */
function givenSite(state: WizardState, site: NonNullable<GivenAnswers['site']>): {details: SiteDetails; ok: boolean} {
  const label = site.label ?? '';
  const details: SiteDetails = {
    customerSiteLabel: label,
    technicalSiteName: site.siteName ?? (site.label === undefined ? '' : deriveTechnicalSiteName(label)),
    customerOrderReference: site.reference ?? site.defaultReference,
  };
  const sites = state.data.voicesites?.status === 'ready' ? state.data.voicesites.value : [];
  const taken = state.answers.customer ? findSiteByName(sites, details.technicalSiteName, state.answers.customer.customerCode) : undefined;
  const ok =
    checkSiteLabel(details.customerSiteLabel) === undefined &&
    checkTechnicalSiteName(details.technicalSiteName) === undefined &&
    checkOrderReference(details.customerOrderReference) === undefined &&
    taken === undefined;
  return {details, ok};
}

/** One step of applying the given answers, or the same state when none applies now. */
function applyOnce(state: WizardState, reduce: (state: WizardState, action: Action) => WizardState): WizardState {
  const {given, screen, data, answers} = state;
  if (!given) return state;
  if (given.customer !== undefined && data.customers?.status === 'ready' && (screen.kind === 'customer' || (screen.kind === 'vpn' && answers.customerAutomatic))) {
    const found = resolveCustomer(data.customers.value, given.customer);
    const next = without(state, 'customer');
    if (isProblem(found)) {
      const reason = `--customer "${given.customer}": ${found.message}`;
      return screen.kind === 'vpn' ? {...next, screen: {kind: 'vpn', reason}} : {...next, screen: {kind: 'customer', reason}};
    }
    return screen.kind === 'customer' ? reduce(next, {type: 'customer-chosen', customer: found}) : next;
  }
  if (given.vpn !== undefined && screen.kind === 'vpn' && answers.customer) {
    const vpns = data.vpns[answers.customer.customerCode];
    if (vpns?.status !== 'ready') return state;
    const found = resolveVpn(vpns.value, given.vpn, answers.customer.customerCode);
    const next = without(state, 'vpn');
    if (isProblem(found)) return {...next, screen: {kind: 'vpn', reason: `--vpn "${given.vpn}": ${found.message}`}};
    return reduce(next, {type: 'vpn-chosen', vpn: found});
  }
  if (given.country !== undefined && screen.kind === 'country' && !screen.chosen) {
    const lookup = lookupCountry(given.country);
    const next = without(state, 'country');
    if (!lookup.found) {
      const candidates = lookup.ambiguous?.map(countryLabel).join(', ');
      const reason = `--country "${given.country}" is ${candidates ? `ambiguous: ${candidates}` : 'not a country code or name'}; choose it here.`;
      return {...next, screen: {kind: 'country', reason}};
    }
    return reduce({...next, given: {...next.given, coverage: lookup.found.iso2}}, {type: 'country-chosen', iso2: lookup.found.iso2});
  }
  if (given.coverage !== undefined && screen.kind === 'country' && screen.chosen === given.coverage) {
    const entry = data.countries[given.coverage];
    if (entry?.status !== 'ready') return state;
    const next = without(state, 'coverage');
    // Not covered: the coverage screen says so, and another country is picked.
    return isCovered(entry.value) ? reduce(next, {type: 'coverage-accepted'}) : next;
  }
  if (given.site !== undefined && screen.kind === 'site') {
    // The taken names are known first, so a taken name given up front is caught here.
    if (data.voicesites === undefined || data.voicesites.status === 'loading') return state;
    const {details, ok} = givenSite(state, given.site);
    const next = without(state, 'site');
    return ok ? reduce(next, {type: 'site-entered', site: details}) : {...next, siteDraft: details};
  }
  return state;
}

/** Applies every given answer the current state allows (each completes a step, so a few at most). */
export function applyGiven(state: WizardState, reduce: (state: WizardState, action: Action) => WizardState): WizardState {
  let current = state;
  for (let i = 0; i < 8 && current.given; i++) {
    const next = applyOnce(current, reduce);
    if (next === current) break;
    current = next;
  }
  return current;
}
