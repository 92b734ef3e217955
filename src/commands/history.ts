/**
 * `btalk history`: the order journal (every order attempt of the wizard, `btalk order` and
 * batches), newest first, as a table fitted to the terminal, JSON or CSV.
 */
import type {Command} from 'commander';
import type {OrderJournal} from '../journal/journal.js';
import type {CommandContext} from './context.js';
import type {HistoryFlags} from './history-action.js';
import {runCommand} from './run.js';

const EXAMPLES = `
Every order attempt is journalled (outcome ordered, recovered, refused or unknown), one JSON line
each, in orders.jsonl in the state folder (~/.local/state/btalk on Linux; BTALK_STATE_DIR
overrides). Dry runs are not journalled. No secret is ever written there.

--since takes 30m, 12h, 7d, 2w, today, yesterday, 2026-12-01 or 2026-12-01T09:00.
--profile (the global flag) keeps one profile's orders; without it every profile is listed.

Examples:
  $ btalk history --since yesterday --customer 41002
  $ btalk history --filter PARIS --json | jq '.[0].requestIds'
  $ btalk history --csv > orders.csv`;

export function registerHistory(program: Command, ctx: CommandContext, journal: () => Promise<OrderJournal>): void {
  program
    .command('history')
    .description('List the orders btalk placed (the order journal), newest first')
    .option('--since <when>', 'only orders since then (30m, 12h, 7d, today, yesterday, 2026-12-01)')
    .option('--customer <code>', 'only orders for this customer (code, or part of its name)')
    .option('--filter <text>', 'only orders whose site, label, reference, ids, VPN or country contains TEXT')
    .option('--csv', 'CSV on stdout (one row per order)')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: HistoryFlags) => {
      const globals = ctx.globals();
      // Only a --profile typed for this run filters: BTALK_PROFILE in the shell is not a question.
      const typedProfile = program.getOptionValueSource('profile') === 'cli' ? program.opts<{profile?: string}>().profile : undefined;
      const code = await runCommand(ctx.runtime, globals, async () => (await import('./history-action.js')).history(ctx, await journal(), flags, typedProfile));
      ctx.setExitCode(code);
    });
}
