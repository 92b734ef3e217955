/** `btalk order`: one voicesite from flags/environment, or a batch from a CSV file. */
import type {Command} from 'commander';
import type {BatchTuning} from '../order/batch.js';
import {DEFAULT_CONCURRENCY, mergeOrderOptions, type OrderFlags} from '../order/order-options.js';
import {ORDER_FLAGS} from '../option-flags.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';
import {isBtalkError} from '../errors.js';
import {openWizard} from './wizard.js';

function definedOnly(flags: OrderFlags): OrderFlags {
  return Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) as OrderFlags;
}

const EXAMPLES = `
Every answer can also come from an environment variable; a flag wins over its variable:
  --customer BTALK_CUSTOMER   --vpn BTALK_VPN   --country BTALK_COUNTRY
  --site-name BTALK_SITE_NAME   --label BTALK_LABEL   --reference BTALK_REFERENCE
  --yes BTALK_YES=1   --dry-run BTALK_DRY_RUN=1   --concurrency BTALK_CONCURRENCY

Defaults: --customer when the key has one customer; --site-name derived from --label
("Paris office" -> PARIS_OFFICE); --reference "btalk-YYYYMMDD-HHMM".

Examples:
  $ btalk order --sandbox --vpn "My VPN 1" --country FR --label "Paris office" --yes
  $ btalk order --vpn aa76e66dfc63 --country France --site-name PARIS_01 \\
      --label "Paris office" --reference PO-1234 --dry-run
  $ BTALK_VPN=aa76e66dfc63 btalk order --json --yes --country DE --label "Berlin office"
  $ btalk order --from sites.csv --concurrency 4 --yes
      sites.csv: vpn,country,site-name,label,reference (header row; customer optional)
                 or as a French Excel saves it: Pays;VPN;Nom technique;Libellé;Référence
                 (comma, semicolon or tab; UTF-8, or Windows-1252 with a notice)
      results:   sites.results.csv beside it (same separator, UTF-8 with BOM for Excel);
                 run the same command again to resume

Exit codes: 0 ordered, 1 failed (or some batch rows failed), 2 missing or invalid answers,
4 credentials, 130 interrupted or not confirmed.`;

export function registerOrder(program: Command, ctx: CommandContext, tuning: BatchTuning = {}): void {
  program
    .command('order')
    .description('Order a voicesite without prompts (or a batch of them from a CSV file).')
    .option(ORDER_FLAGS.customer, 'customer code (optional when the key has one customer)')
    .option(ORDER_FLAGS.vpn, 'VPN id, code or exact name')
    .option(ORDER_FLAGS.country, 'ISO code (FR, FRA) or name in English or French (France, Allemagne, UK)')
    .option(ORDER_FLAGS.siteName, 'technical site name, e.g. PARIS_01 (default: derived from --label)')
    .option(ORDER_FLAGS.label, 'customer site label, e.g. "Paris office"')
    .option(ORDER_FLAGS.reference, 'your order reference (default: btalk-YYYYMMDD-HHMM)')
    .option(ORDER_FLAGS.dryRun, 'check everything and print the exact request; send nothing')
    .option(ORDER_FLAGS.resendIfAbsent, 'if the order\'s outcome stays unknown (its answer lost, the site not listed after the re-check window), check the whole list once more and send it again only if the site is absent (env BTALK_RESEND_IF_ABSENT=1)')
    .option(ORDER_FLAGS.yes, 'do not ask for confirmation (required without a terminal)')
    .option(ORDER_FLAGS.from, 'order one voicesite per row of a CSV file')
    .option(ORDER_FLAGS.concurrency, `orders in flight at once for --from (default ${DEFAULT_CONCURRENCY})`)
    .option(ORDER_FLAGS.encoding, 'the --from file\'s encoding when btalk cannot tell it: macintosh (Excel for Mac\'s "CSV (Macintosh)"), cp850 ("CSV (MS-DOS)"), windows-1252, utf-8, iso-8859-15... (default: UTF-8, UTF-16 with BOM or Windows-1252, told from the bytes)')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: OrderFlags) => {
      const globals = ctx.globals();
      const code = await runCommand(ctx.runtime, globals, async () => {
        // The answer flags are root options (the wizard takes them too): their values are there.
        const options = mergeOrderOptions({...ctx.answerFlags?.(), ...definedOnly(flags)}, ctx.runtime.env);
        const deps = {runtime: ctx.runtime, sessions: ctx.sessions, globals};
        if (options.from !== undefined) {
          // Loaded for batches only: the CSV readers and encodings are most of btalk's code by size.
          const {runBatch} = await import('../order/batch.js');
          return runBatch(deps, {...options, from: options.from}, tuning);
        }
        // In a terminal, answers missing or wrong (and no --yes) open the wizard at that step:
        // a person is there to answer. Without a terminal, every problem is listed (exit 2).
        const canAsk = ctx.runtime.interactive && !options.yes && !options.dryRun && !globals.json;
        try {
          const {runSingleOrder} = await import('../order/single-order.js');
          return await runSingleOrder(deps, options);
        } catch (error) {
          if (canAsk && isBtalkError(error) && error.kind === 'usage' && error.problems.length > 0) {
            ctx.runtime.stderr.write(`${error.message} Opening the wizard to ask for them.\n`);
            return openWizard(ctx, globals, options.answers);
          }
          throw error;
        }
      });
      ctx.setExitCode(code);
    });
}
