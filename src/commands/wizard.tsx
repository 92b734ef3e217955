/**
 * `btalk` with no subcommand: the guided wizard. It needs a terminal; without one it says which
 * non-interactive command does the same job instead of waiting for keys that never come.
 */
import type {Command} from 'commander';
import {render} from 'ink';
import React from 'react';
import {BtalkError, EXIT_CODES} from '../errors.js';
import type {Runtime} from '../runtime.js';
import type {Session} from '../session-types.js';
import {App} from '../ui/app.js';
import {themeFor} from '../ui/theme.js';
import type {WizardExit} from '../ui/wizard-deps.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';

export const NOT_A_TERMINAL_HINT =
  'Without a terminal, use: btalk order --customer CODE --vpn VPN_ID --country FR --site-name MY_SITE --label "My site" --reference REF --yes';

export function registerWizard(program: Command, ctx: CommandContext): void {
  program.action(async () => {
    const globals = ctx.globals();
    const code = await runCommand(ctx.runtime, {json: globals.json}, async () => {
      if (!ctx.runtime.interactive) {
        throw new BtalkError('usage', 'The guided wizard needs a terminal (stdin and stdout must both be one).', {hint: NOT_A_TERMINAL_HINT});
      }
      const session = await ctx.sessions.open(globals);
      try {
        return await runWizard(ctx.runtime, session);
      } finally {
        await session.close();
      }
    });
    ctx.setExitCode(code);
  });
}

/** Renders the wizard until it exits, then leaves its last word (e.g. the voiceSiteId) printed. */
export async function runWizard(runtime: Runtime, session: Session): Promise<number> {
  let resolveExit: (exit: WizardExit) => void = () => {};
  const exited = new Promise<WizardExit>((resolve) => {
    resolveExit = resolve;
  });
  const instance = render(
    <App
      session={session}
      clock={runtime.clock}
      theme={themeFor(runtime.env)}
      onExit={resolveExit}
      onInterrupt={(handler) => runtime.onInterrupt(handler)}
    />,
    {
      stdin: runtime.stdin as NodeJS.ReadStream,
      stdout: runtime.stdout as NodeJS.WriteStream,
      stderr: runtime.stderr as NodeJS.WriteStream,
      // Ctrl+C is a fact for the flow: while submitting it must say whether the order was sent.
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  const exit = await exited;
  instance.unmount();
  await instance.waitUntilExit().catch(() => undefined);
  const stream = exit.stream === 'stdout' ? runtime.stdout : runtime.stderr;
  if (exit.reason) stream.write(`${exit.reason}\n`);
  return exit.code === 0 ? EXIT_CODES.ok : exit.code;
}
