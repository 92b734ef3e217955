/**
 * How a customer, a VPN and a country are named to a person, everywhere: the wizard's list rows, answered
 * steps, review and done screens, `btalk order`'s review and problems, batch row messages and the
 * voicesites table. Pure text; whoever prints it makes it terminal-safe.
 */
import {countryName} from './countries.js';

export interface CustomerNaming {
  name: string;
  customerCode: string;
  type?: string | undefined;
}

/** "My Customer (9999)"; with `type`, "My Customer (9999) · direct" when the API gave one (the wizard's list and review). */
export function customerLabel(customer: CustomerNaming, options: {type?: boolean} = {}): string {
  const label = `${customer.name} (${customer.customerCode})`;
  return options.type && customer.type ? `${label} · ${customer.type}` : label;
}

export interface VpnNaming {
  name: string;
  vpnId: string;
  vpnCode?: string | undefined;
}

/**
 * "My VPN 1 (id aa76e66dfc63)": the name and the id the order sends. With `code`, the VPN's code
 * too when it has one, "My VPN 1 (id aa76e66dfc63, code 1)": where a person picks or types a VPN
 * (the list, `btalk order`'s review and its problems), since `--vpn` takes the code as well.
 */
export function vpnLabel(vpn: VpnNaming, options: {code?: boolean} = {}): string {
  const code = options.code && vpn.vpnCode ? `, code ${vpn.vpnCode}` : '';
  return `${vpn.name} (id ${vpn.vpnId}${code})`;
}

export interface CountryNaming {
  iso2: string;
  /** The name to fall back on when the code is not one the country list knows (the API's, say). */
  name: string;
  /** Another of its names that matched a filter (a French one, say): shown after the label. */
  matched?: string | undefined;
}

/** "Germany (DE)", in the English name btalk lists; "Germany (DE) · Allemagne" when another name matched. */
export function countryLabel(country: CountryNaming): string {
  const label = `${countryName(country.iso2) ?? country.name} (${country.iso2})`;
  return country.matched ? `${label} · ${country.matched}` : label;
}
