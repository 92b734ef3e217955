/**
 * `btalk voicesites --customer/--vpn/--country`: the sites of one customer, one VPN, one country.
 * The answers are read as `btalk order` reads them (a customer by code or exact name, a VPN by id,
 * code or exact name, a country by ISO code or its name in English or French), so what a person
 * ordered with is what finds the sites again.
 *
 * GET /voicesites lists the whole account; a site says its customer in `customerCode`, and where
 * it does not, its VPN says it (a VPN belongs to one customer). A site that names neither cannot be
 * placed: with --customer it is left out, and the count of such sites is said, never dropped
 * without a word.
 */
import type {CountryOption} from '../domain/countries.js';
import {countryLabel} from '../domain/labels.js';
import type {Customer, VoiceSite, Vpn} from '../api/types.js';

/** The answers as given on the command line. */
export interface ScopeAnswers {
  customer?: string;
  vpn?: string;
  country?: string;
}

/** The answers resolved against the account. */
export interface SiteScope {
  customer?: Customer;
  /** The customer's VPN ids: they place a site that does not name its customer. */
  customerVpnIds?: ReadonlySet<string>;
  vpn?: Vpn;
  country?: CountryOption;
}

export function hasScope(answers: ScopeAnswers): boolean {
  return answers.customer !== undefined || answers.vpn !== undefined || answers.country !== undefined;
}

export interface ScopedSites {
  sites: VoiceSite[];
  /** Sites left out by --customer because they name neither their customer nor a VPN. */
  unplaced: number;
}

export function sitesInScope(sites: readonly VoiceSite[], scope: SiteScope): ScopedSites {
  let unplaced = 0;
  const kept = sites.filter((site) => {
    if (scope.country && (site.country ?? '').trim().toUpperCase() !== scope.country.iso2) return false;
    if (scope.vpn && String(site.vpnId ?? '') !== scope.vpn.vpnId) return false;
    if (scope.customer) {
      if (site.customerCode !== undefined) return String(site.customerCode) === scope.customer.customerCode;
      if (site.vpnId !== undefined) return scope.customerVpnIds?.has(String(site.vpnId)) ?? false;
      unplaced += 1;
      return false;
    }
    return true;
  });
  return {sites: kept, unplaced};
}

/** "customer 9999 (My Customer), VPN My VPN 1, France (FR)": what the list was narrowed to. */
export function scopeText(scope: SiteScope): string {
  const parts: string[] = [];
  if (scope.customer) parts.push(`customer ${scope.customer.customerCode} (${scope.customer.name})`);
  if (scope.vpn) parts.push(`VPN ${scope.vpn.name}`);
  if (scope.country) parts.push(countryLabel(scope.country));
  return parts.join(', ');
}
