/** What `btalk voicesites` does (loaded by its action): the list as a table, JSON or CSV. */
import type {BusinessTalkApi} from '../api/types.js';
import type {Separator} from '../csv/separator.js';
import {BtalkError} from '../errors.js';
import type {GlobalOptions} from '../global-options.js';
import {filterSites, renderTable, sitesCsv, toRow} from '../order/voicesites-table.js';
import {countryAnswer, resolveCustomer, resolveVpn} from '../order/resolve-inputs.js';
import {answerInfo, type AnswerName} from '../order/order-options.js';
import {hasScope, scopeText, sitesInScope, type ScopeAnswers, type SiteScope} from '../order/voicesites-scope.js';
import {withApi} from '../session-api.js';
import {terminalSafe, terminalSafeJson} from '../text/terminal-safe.js';
import type {CommandContext} from './context.js';

export interface VoicesitesFlags {
  filter?: string;
  csv?: boolean;
  separator?: string;
  wide?: boolean;
}

/** `--separator`: ",", ";" or a tab ("tab", "\t"). */
export function parseSeparator(value: string | undefined): Separator {
  if (value === undefined || value === ',') return ',';
  if (value === ';') return ';';
  if (value === '\t' || value === '\\t' || value.toLowerCase() === 'tab') return '\t';
  throw new BtalkError('usage', `--separator must be ",", ";" or "tab", not "${value}".`, {
    hint: 'A French Excel expects ";": btalk voicesites --csv --separator ";"',
    problems: [{field: '--separator', message: '",", ";" or "tab"'}],
  });
}

/** VPN names for the table; a site list is still worth showing when this lookup fails. */
async function vpnNames(api: BusinessTalkApi): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const customers = await api.customers();
    const lists = await Promise.all(customers.map((c) => api.vpns(c.customerCode)));
    for (const v of lists.flat()) names.set(v.vpnId, v.name);
  } catch {
    // Ids alone are shown.
  }
  return names;
}

/** An answer that would only make sense for an order: refused, not ignored. */
const ORDER_ONLY: readonly AnswerName[] = ['siteName', 'label', 'reference'];

function answerRefused(name: AnswerName, message: string): BtalkError {
  return new BtalkError('usage', 'Cannot list the voicesites: 1 answer needs fixing.', {
    hint: 'btalk voicesites narrows the list with --customer, --vpn, --country and --filter.',
    problems: [{field: answerInfo(name).flag, message}],
  });
}

/** The --customer, --vpn and --country given, resolved as `btalk order` resolves them. */
async function resolveScope(api: BusinessTalkApi, answers: ScopeAnswers): Promise<SiteScope> {
  const scope: SiteScope = {};
  if (answers.country !== undefined) {
    const found = countryAnswer(answers.country);
    if ('message' in found) throw answerRefused('country', found.message);
    scope.country = found.country;
  }
  if (answers.customer === undefined && answers.vpn === undefined) return scope;
  // A VPN is looked up among one customer's: the one given, or the key's only one.
  const customer = resolveCustomer(await api.customers(), answers.customer);
  if ('message' in customer) throw answerRefused('customer', customer.message);
  const vpns = await api.vpns(customer.customerCode);
  if (answers.customer !== undefined) {
    scope.customer = customer;
    scope.customerVpnIds = new Set(vpns.map((v) => v.vpnId));
  }
  if (answers.vpn !== undefined) {
    const vpn = resolveVpn(vpns, answers.vpn, customer.customerCode);
    if ('message' in vpn) throw answerRefused('vpn', vpn.message);
    scope.vpn = vpn;
  }
  return scope;
}

/** "3 voicesites", "1 voicesite of customer 9999 (My Customer), France (FR)". */
function countLine(count: number, scope: SiteScope): string {
  const narrowed = terminalSafe(scopeText(scope));
  return `${count} voicesite${count === 1 ? '' : 's'}${narrowed ? ` of ${narrowed}` : ''}\n`;
}

export async function voicesites(ctx: CommandContext, globals: GlobalOptions, flags: VoicesitesFlags, answers: Partial<Record<AnswerName, string>> = {}): Promise<number> {
  const {runtime} = ctx;
  if (globals.json && flags.csv) throw new BtalkError('usage', '--json and --csv cannot be used together.', {hint: 'Pick one.'});
  if (flags.separator !== undefined && !flags.csv) throw new BtalkError('usage', '--separator goes with --csv.', {hint: 'btalk voicesites --csv --separator ";"'});
  const separator = parseSeparator(flags.separator);
  for (const name of ORDER_ONLY) {
    if (answers[name] !== undefined) throw answerRefused(name, 'an answer for an order; btalk voicesites does not take it');
  }
  const wanted: ScopeAnswers = {
    ...(answers.customer !== undefined ? {customer: answers.customer} : {}),
    ...(answers.vpn !== undefined ? {vpn: answers.vpn} : {}),
    ...(answers.country !== undefined ? {country: answers.country} : {}),
  };
  return withApi(ctx.sessions, globals, async (api) => {
    const [all, scope] = await Promise.all([api.voicesites(), hasScope(wanted) ? resolveScope(api, wanted) : Promise.resolve<SiteScope>({})]);
    const scoped = sitesInScope(all, scope);
    const sites = filterSites(scoped.sites, flags.filter);
    if (scoped.unplaced > 0) {
      runtime.stderr.write(`${scoped.unplaced} voicesite${scoped.unplaced === 1 ? '' : 's'} of the account name neither a customer nor a VPN: not shown with --customer.\n`);
    }
    if (flags.csv) {
      runtime.stdout.write(sitesCsv(sites, await vpnNames(api), separator));
      runtime.stderr.write(countLine(sites.length, scope));
      return 0;
    }
    if (globals.json) {
      runtime.stdout.write(terminalSafeJson(sites) + '\n');
      return 0;
    }
    if (sites.length === 0) {
      const narrowed = terminalSafe(scopeText(scope));
      const where = narrowed ? ` of ${narrowed}` : '';
      runtime.stdout.write(flags.filter ? `No voicesites${where} match "${terminalSafe(flags.filter)}".\n` : `No voicesites${where} yet.\n`);
      return 0;
    }
    const names = await vpnNames(api);
    const width = runtime.stdout.isTTY && !flags.wide ? (runtime.stdout.columns ?? 80) : undefined;
    runtime.stdout.write(renderTable(sites.map((s) => toRow(s, names)), width).join('\n') + '\n');
    runtime.stderr.write(countLine(sites.length, scope));
    return 0;
  });
}
