/** `btalk voicesites`: the voicesites of the key's customer account, as a table or JSON. */
import type {Command} from 'commander';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';
import type {VoicesitesFlags} from './voicesites-action.js';

const EXAMPLES = `
Examples:
  $ btalk voicesites
  $ btalk voicesites --filter paris
  $ btalk voicesites --customer 9999 --country Allemagne
  $ btalk voicesites --json --filter FR | jq '.[].voiceSiteId'
  $ btalk voicesites --csv --separator ';' > sites.csv     # for a French Excel
  $ btalk voicesites --wide | less -S

--filter matches the id, technical name, label or country, ignoring case and accents.
--customer, --vpn and --country list one customer's, one VPN's or one country's sites; they are
read as btalk order reads them (a customer by code or name, a VPN by id, code or exact name, a
country by ISO code or its name in English or French). Their environment variables do not narrow
the list.
--csv writes UTF-8 with a BOM and CRLF line ends (Excel keeps the accents); a cell that a
spreadsheet would run as a formula (=, +, -, @) is written as text with a leading '.
In a terminal the table fits its width (cut cells end in "…"); --wide shows every cell in full.`;

export function registerVoicesites(program: Command, ctx: CommandContext): void {
  program
    .command('voicesites')
    .description("List the voicesites of the API key's customer account.")
    .option('--filter <text>', 'only sites whose id, technical name, label or country contains TEXT')
    .option('--csv', 'CSV for a spreadsheet (UTF-8 with BOM, CRLF, formula-safe cells)')
    .option('--separator <char>', 'CSV separator: "," (default), ";" or "tab"')
    .option('--wide', 'show every cell in full, even when the table is wider than the terminal')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: VoicesitesFlags) => {
      const globals = ctx.globals();
      const code = await runCommand(ctx.runtime, globals, async () => (await import('./voicesites-action.js')).voicesites(ctx, globals, flags, ctx.answerFlags?.() ?? {}));
      ctx.setExitCode(code);
    });
}
