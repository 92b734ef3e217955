/** `btalk voicesites`: the voicesites of the key's customer account, as a table or JSON. */
import type {Command} from 'commander';
import type {BusinessTalkApi} from '../api/types.js';
import {withApi} from '../session-api.js';
import {BtalkError} from '../errors.js';
import type {Separator} from '../csv/separator.js';
import {filterSites, renderTable, sitesCsv, toRow} from '../order/voicesites-table.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';
import {terminalSafe, terminalSafeJson} from '../text/terminal-safe.js';

const EXAMPLES = `
Examples:
  $ btalk voicesites
  $ btalk voicesites --filter paris
  $ btalk voicesites --json --filter FR | jq '.[].voiceSiteId'
  $ btalk voicesites --csv --separator ';' > sites.csv     # for a French Excel
  $ btalk voicesites --wide | less -S

--filter matches the id, technical name, label or country, ignoring case and accents.
--csv writes UTF-8 with a BOM and CRLF line ends (Excel keeps the accents); a cell that a
spreadsheet would run as a formula (=, +, -, @) is written as text with a leading '.
In a terminal the table fits its width (cut cells end in "…"); --wide shows every cell in full.`;

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

export function registerVoicesites(program: Command, ctx: CommandContext): void {
  program
    .command('voicesites')
    .description("List the voicesites of the API key's customer account.")
    .option('--filter <text>', 'only sites whose id, technical name, label or country contains TEXT')
    .option('--csv', 'CSV for a spreadsheet (UTF-8 with BOM, CRLF, formula-safe cells)')
    .option('--separator <char>', 'CSV separator: "," (default), ";" or "tab"')
    .option('--wide', 'show every cell in full, even when the table is wider than the terminal')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: {filter?: string; csv?: boolean; separator?: string; wide?: boolean}) => {
      const globals = ctx.globals();
      const {runtime} = ctx;
      const code = await runCommand(runtime, globals, () => {
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
      });
      ctx.setExitCode(code);
    });
}
