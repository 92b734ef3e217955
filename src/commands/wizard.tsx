/**
 * `btalk` with no subcommand: the guided wizard. It needs a terminal; without one it says which
 * non-interactive command does the same job instead of waiting for keys that never come.
 *
 * Ink and React are loaded inside the action, not at the top: every btalk command imports this
 * file, and loading Ink costs about 0.6 s of startup that `btalk status` should not pay.
 */
import type {Command} from 'commander';
import {BtalkError} from '../errors.js';
import type {GlobalOptions} from '../global-options.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';

const ORDER_FLAGS = '--customer CODE --vpn VPN_ID --country FR --site-name MY_SITE --label "My site" --reference REF --yes';

/** The command to run instead, keeping the global flags this run was given (e.g. --sandbox). */
export function notATerminalHint(globals: GlobalOptions): string {
  const kept = [
    globals.sandbox ? '--sandbox' : undefined,
    globals.profile && globals.profile !== 'default' ? `--profile ${globals.profile}` : undefined,
    globals.baseUrl && !globals.sandbox ? `--base-url ${globals.baseUrl}` : undefined,
  ].filter(Boolean);
  return `Without a terminal, use: btalk order ${[...kept, ORDER_FLAGS].join(' ')} (see "btalk order --help").`;
}

export function registerWizard(program: Command, ctx: CommandContext): void {
  program.action(async () => {
    const globals = ctx.globals();
    const code = await runCommand(ctx.runtime, {json: globals.json}, async () => {
      if (!ctx.runtime.interactive) {
        throw new BtalkError('usage', 'The guided wizard needs a terminal (stdin and stdout must both be one).', {hint: notATerminalHint(globals)});
      }
      // Ink loads while the session opens (keychain, embedded emulator).
      const loading = import('../ui/run-wizard.js');
      loading.catch(() => undefined);
      const session = await ctx.sessions.open(globals);
      try {
        const {runWizard} = await loading;
        return await runWizard(ctx.runtime, session);
      } finally {
        await session.close();
      }
    });
    ctx.setExitCode(code);
  });
}
