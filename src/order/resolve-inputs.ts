/**
 * Turns what a person typed (a customer code, a VPN id/code/name, a country code or name, names)
 * into an order, in two steps: `checkLocalAnswers` needs no network, so missing flags are reported
 * before any credentials are read; `resolveRemote` checks the rest against the API's lists.
 * Both report every problem at once instead of stopping at the first.
 */
import {isCovered, type Country, type Customer, type OrderRequest, type Vpn} from '../api/schemas.js';
import {lookupCountry, resolveCountry, type CountryOption} from '../domain/countries.js';
import {countryLabel, vpnLabel} from '../domain/labels.js';
import {orderRequest} from '../domain/order-request.js';
import {checkOrderFields, deriveTechnicalSiteName, defaultOrderReference} from '../domain/site-rules.js';
import type {OrderCatalog} from './order-catalog.js';
import type {AnswerName, Answers} from './order-options.js';

export interface AnswerProblem {
  answer: AnswerName;
  message: string;
}

/** What can be known without the API. */
export interface LocalOrder {
  customer: string | undefined;
  vpn: string;
  country: CountryOption;
  technicalSiteName: string;
  customerSiteLabel: string;
  customerOrderReference: string;
}

export interface ResolvedOrder {
  customer: Customer;
  vpn: Vpn;
  country: CountryOption;
  /** The API's answer for the country (its coverage), shown in the review. */
  countryInfo?: Country;
  technicalSiteName: string;
  customerSiteLabel: string;
  customerOrderReference: string;
  request: OrderRequest;
}

export type Checked<T> = {ok: T; problems?: undefined} | {ok?: undefined; problems: AnswerProblem[]};

const FIELD_TO_ANSWER = {
  technicalSiteName: 'siteName',
  customerSiteLabel: 'label',
  customerOrderReference: 'reference',
} as const;

/** A country given as a code or a name: the one it names, or what is wrong with it. */
export function countryAnswer(input: string): {country: CountryOption} | {message: string} {
  const found = lookupCountry(input);
  if (found.found) return {country: found.found};
  if (found.ambiguous) return {message: `"${input}" names ${found.ambiguous.length} countries: ${found.ambiguous.map(countryLabel).join(', ')}; give the ISO code`};
  const maybe = found.suggestions.length > 0 ? `; did you mean ${found.suggestions.map(countryLabel).join(', ')}?` : '';
  return {message: `"${input}" is not a country code or a country name in English or French${maybe}`};
}

/** Where a site name is given: a flag (one order), or a row's site-name cell (a batch, where a flag would fill every row). */
export type SiteNameSource = 'flag' | 'row';

const GIVE_SITE_NAME: Readonly<Record<SiteNameSource, string>> = {flag: 'give --site-name', row: "fill this row's site-name cell"};

/**
 * Missing answers and the API's name rules. `--site-name` defaults to a name derived from the label
 * and `--reference` to "btalk-YYYYMMDD-HHMM"; every other answer except the customer is required.
 */
export function checkLocalAnswers(answers: Answers, now: Date, siteNameFrom: SiteNameSource = 'flag'): Checked<LocalOrder> {
  const problems: AnswerProblem[] = [];
  const required = (answer: AnswerName, what: string) => problems.push({answer, message: `missing: ${what}`});
  if (answers.vpn === undefined) required('vpn', 'the VPN (id, code or exact name)');

  let country: CountryOption | undefined;
  if (answers.country === undefined) required('country', 'the country (ISO code such as FR, or its name in English or French)');
  else {
    const found = countryAnswer(answers.country);
    if ('message' in found) problems.push({answer: 'country', message: found.message});
    else country = found.country;
  }

  if (answers.label === undefined) required('label', 'the customer site label, e.g. "Paris office"');
  const label = answers.label;
  const derived = answers.siteName === undefined;
  const siteName = answers.siteName ?? (label === undefined ? undefined : deriveTechnicalSiteName(label));
  const reference = answers.reference ?? defaultOrderReference(now);

  const fieldProblems = checkOrderFields({
    technicalSiteName: siteName ?? 'PLACEHOLDER',
    customerSiteLabel: label ?? 'placeholder',
    customerOrderReference: reference,
    country: 'FR', // checked above, by resolveCountry
    vpnId: 'x', // checked above; the API's list decides
  });
  for (const p of fieldProblems) {
    if (!(p.field in FIELD_TO_ANSWER)) continue;
    const answer = FIELD_TO_ANSWER[p.field as keyof typeof FIELD_TO_ANSWER];
    if (answer === 'siteName' && siteName === undefined) continue;
    if (answer === 'label' && label === undefined) continue;
    const message =
      answer === 'siteName' && derived ? `${p.message} The name "${siteName}" was derived from the label: ${GIVE_SITE_NAME[siteNameFrom]}.` : p.message;
    problems.push({answer, message});
  }

  if (problems.length > 0 || siteName === undefined || label === undefined || country === undefined || answers.vpn === undefined) {
    return {problems};
  }
  return {
    ok: {
      customer: answers.customer,
      vpn: answers.vpn,
      country,
      technicalSiteName: siteName,
      customerSiteLabel: label,
      customerOrderReference: reference,
    },
  };
}

function listCustomers(customers: readonly Customer[]): string {
  return customers.map((c) => `${c.customerCode} (${c.name})`).join(', ');
}

export function resolveCustomer(customers: readonly Customer[], input: string | undefined): Customer | AnswerProblem {
  if (customers.length === 0) return {answer: 'customer', message: 'these credentials give access to no customer'};
  if (input === undefined) {
    if (customers.length === 1) return customers[0]!;
    return {answer: 'customer', message: `missing: this key has ${customers.length} customers, choose one of ${listCustomers(customers)}`};
  }
  const wanted = input.trim();
  const byCode = customers.find((c) => c.customerCode === wanted);
  if (byCode) return byCode;
  const byName = customers.filter((c) => c.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1) return byName[0]!;
  return {answer: 'customer', message: `no customer "${input}"; choose one of ${listCustomers(customers)}`};
}

const describeVpn = (v: Vpn) => vpnLabel(v, {code: true});

/** By id, then code, then exact name (then exact name ignoring case). A name two VPNs share is refused. */
export function resolveVpn(vpns: readonly Vpn[], input: string, customerCode: string): Vpn | AnswerProblem {
  const wanted = input.trim();
  const byId = vpns.find((v) => v.vpnId === wanted);
  if (byId) return byId;
  const byCode = vpns.filter((v) => v.vpnCode === wanted);
  if (byCode.length === 1) return byCode[0]!;
  let byName = vpns.filter((v) => v.name === wanted);
  if (byName.length === 0) byName = vpns.filter((v) => v.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1 || byCode.length > 1) {
    const matches = byName.length > 1 ? byName : byCode;
    return {answer: 'vpn', message: `"${input}" matches ${matches.length} VPNs: ${matches.map(describeVpn).join(', ')}; give the id`};
  }
  const shown = vpns.slice(0, 10).map(describeVpn).join(', ');
  const more = vpns.length > 10 ? ` and ${vpns.length - 10} more (btalk wizard lists them all)` : '';
  return {
    answer: 'vpn',
    message:
      vpns.length === 0
        ? `customer ${customerCode} has no VPN`
        : `no VPN with id, code or name "${input}" for customer ${customerCode}; it has ${shown}${more}`,
  };
}

export function coverageProblem(country: CountryOption, info: Country | undefined): AnswerProblem | undefined {
  if (info === undefined) return {answer: 'country', message: `the API does not know ${countryLabel(country)}`};
  if (!isCovered(info)) {
    return {answer: 'country', message: `${countryLabel(country)} is not covered by Business Talk Online`};
  }
  return undefined;
}

export function isProblem(value: object): value is AnswerProblem {
  return 'answer' in value && 'message' in value;
}

/**
 * What the API says about the answers that were given, while others are missing or invalid: an
 * unknown VPN or an uncovered country then shows up in the same list instead of on the next run.
 */
export async function remoteProblemsOf(catalog: OrderCatalog, answers: Answers): Promise<AnswerProblem[]> {
  const problems: AnswerProblem[] = [];
  const country = answers.country === undefined ? undefined : resolveCountry(answers.country);
  const [customers, countryInfo] = await Promise.all([catalog.customers(), country ? catalog.country(country.iso2) : undefined]);
  const coverage = country ? coverageProblem(country, countryInfo) : undefined;
  const customer = resolveCustomer(customers, answers.customer);
  if (isProblem(customer)) problems.push(customer);
  else if (answers.vpn !== undefined) {
    const vpn = resolveVpn(await catalog.vpns(customer.customerCode), answers.vpn, customer.customerCode);
    if (isProblem(vpn)) problems.push(vpn);
  }
  if (coverage) problems.push(coverage);
  return problems;
}

/** True when some answer can only be checked against the API (worth a request before exit 2). */
export function hasRemoteAnswers(answers: Answers): boolean {
  return answers.vpn !== undefined || answers.customer !== undefined || (answers.country !== undefined && resolveCountry(answers.country) !== undefined);
}

/** Customer, VPN and coverage against the API (through the catalog's cache). */
export async function resolveRemote(catalog: OrderCatalog, local: LocalOrder): Promise<Checked<ResolvedOrder>> {
  const problems: AnswerProblem[] = [];
  const [customers, countryInfo] = await Promise.all([catalog.customers(), catalog.country(local.country.iso2)]);
  const coverage = coverageProblem(local.country, countryInfo);
  const customer = resolveCustomer(customers, local.customer);
  let vpn: Vpn | undefined;
  if (isProblem(customer)) problems.push(customer);
  else {
    const found = resolveVpn(await catalog.vpns(customer.customerCode), local.vpn, customer.customerCode);
    if (isProblem(found)) problems.push(found);
    else vpn = found;
  }
  if (coverage) problems.push(coverage);
  if (problems.length > 0 || isProblem(customer) || vpn === undefined) return {problems};
  const base = {...local, customer, vpn, ...(countryInfo === undefined ? {} : {countryInfo})};
  return {ok: {...base, request: orderRequest(base, base.country, base.vpn)}};
}
