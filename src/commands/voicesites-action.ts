/** What `btalk voicesites` does (loaded by its action): the list as a table, JSON or CSV. */
import type {BusinessTalkApi} from '../api/types.js';
import type {Separator} from '../csv/separator.js';
import {BtalkError} from '../errors.js';
import type {GlobalOptions} from '../global-options.js';
import {filterSites, renderTable, sitesCsv, toRow} from '../order/voicesites-table.js';
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

export async function voicesites(ctx: CommandContext, globals: GlobalOptions, flags: VoicesitesFlags): Promise<number> {
  const {runtime} = ctx;
  if (globals.json && flags.csv) throw new BtalkError('usage', '--json and --csv cannot be used together.', {hint: 'Pick one.'});
  if (flags.separator !== undefined && !flags.csv) throw new BtalkError('usage', '--separator goes with --csv.', {hint: 'btalk voicesites --csv --separator ";"'});
  const separator = parseSeparator(flags.separator);
  return withApi(ctx.sessions, globals, async (api) => {
    const sites = filterSites(await api.voicesites(), flags.filter);
    if (flags.csv) {
      runtime.stdout.write(sitesCsv(sites, await vpnNames(api), separator));
      runtime.stderr.write(`${sites.length} voicesite${sites.length === 1 ? '' : 's'}\n`);
      return 0;
    }
    if (globals.json) {
      runtime.stdout.write(terminalSafeJson(sites) + '\n');
      return 0;
    }
    if (sites.length === 0) {
      runtime.stdout.write(flags.filter ? `No voicesites match "${terminalSafe(flags.filter)}".\n` : 'No voicesites yet.\n');
      return 0;
    }
    const names = await vpnNames(api);
    const width = runtime.stdout.isTTY && !flags.wide ? (runtime.stdout.columns ?? 80) : undefined;
    runtime.stdout.write(renderTable(sites.map((s) => toRow(s, names)), width).join('\n') + '\n');
    runtime.stderr.write(`${sites.length} voicesite${sites.length === 1 ? '' : 's'}\n`);
    return 0;
  });
}
