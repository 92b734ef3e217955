/** `btalk voicesites`: the voicesites of the key's customer account, as a table or JSON. */
import type {Command} from 'commander';
import type {BusinessTalkApi} from '../api/types.js';
import {withApi} from '../order/session-api.js';
import {filterSites, renderTable, toRow} from '../order/voicesites-table.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';

const EXAMPLES = `
Examples:
  $ btalk voicesites
  $ btalk voicesites --filter paris
  $ btalk voicesites --json --filter FR | jq '.[].voiceSiteId'

--filter matches the id, technical name, label or country, ignoring case.`;

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
    .addHelpText('after', EXAMPLES)
    .action(async (flags: {filter?: string}) => {
      const globals = ctx.globals();
      const {runtime} = ctx;
      const code = await runCommand(runtime, globals, () =>
        withApi(ctx.sessions, globals, async (api) => {
          const sites = filterSites(await api.voicesites(), flags.filter);
          if (globals.json) {
            runtime.stdout.write(JSON.stringify(sites) + '\n');
            return 0;
          }
          if (sites.length === 0) {
            runtime.stdout.write(flags.filter ? `No voicesites match "${flags.filter}".\n` : 'No voicesites yet.\n');
            return 0;
          }
          const names = await vpnNames(api);
          const width = runtime.stdout.isTTY ? (runtime.stdout.columns ?? 80) : undefined;
          runtime.stdout.write(renderTable(sites.map((s) => toRow(s, names)), width).join('\n') + '\n');
          runtime.stderr.write(`${sites.length} voicesite${sites.length === 1 ? '' : 's'}\n`);
          return 0;
        }),
      );
      ctx.setExitCode(code);
    });
}
