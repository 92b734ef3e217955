/**
 * Renders the wizard with Ink until it exits, then leaves its last word (e.g. the voiceSiteId)
 * printed. Loaded by `btalk` only when the wizard really starts (see src/commands/wizard.tsx), so
 * other commands do not pay for Ink and React at startup.
 */
import {render} from 'ink';
import React from 'react';
import type {Runtime} from '../runtime.js';
import {rawStream} from '../text/guarded-stream.js';
import type {WizardSession} from './wizard-deps.js';
import {App} from './app.js';
import type {StartedFlow} from '../flow/start.js';
import {writeEnding} from '../flow/leaving.js';
import {keyPacedStdin} from './key-paced-stdin.js';
import {themeFor} from './theme.js';
import {DEFAULT_TIMEOUTS} from '../api/transport.js';
import type {GlobalOptions} from '../global-options.js';
import {clientBounds} from '../session.js';
import type {WizardExit} from './wizard-deps.js';

/**
 * Ink draws at most this many frames a second (its default is 30): a frame asked for within
 * 1/60 s of the last waits for the rest of it, so the screen a person sees after a burst of state
 * changes (the reads that lead to the first list, a key) comes up to 17 ms after them, not 34.
 */
const FRAMES_PER_SECOND = 60;

export interface RunWizardOptions {
  globals?: GlobalOptions;
  /** The flow started before Ink loaded (flow/start.ts), with the answers given up front; its owner stops it. */
  flow: StartedFlow;
}

export async function runWizard(runtime: Runtime, session: WizardSession, options: RunWizardOptions): Promise<number> {
  // The order POST's bound, said on its busy line (--order-timeout, BTALK_ORDER_TIMEOUT).
  const orderTimeoutMs = clientBounds(options.globals ?? {}, runtime.env).orderTimeoutMs ?? DEFAULT_TIMEOUTS.orderMs;
  let resolveExit: (exit: WizardExit) => void = () => {};
  const exited = new Promise<WizardExit>((resolve) => {
    resolveExit = resolve;
  });
  // One key at a time, however fast they come (see key-paced-stdin.ts), the keys typed while
  // btalk loaded first.
  const stdin = keyPacedStdin(runtime.stdin, runtime.earlyInput?.take());
  const instance = render(
    <App
      session={session}
      clock={runtime.clock}
      timers={runtime.timers}
      theme={themeFor(runtime.env)}
      onExit={resolveExit}
      flow={options.flow}
      onInterrupt={(handler) => runtime.onInterrupt(handler)}
      orderTimeoutMs={orderTimeoutMs}
    />,
    {
      stdin: stdin as unknown as NodeJS.ReadStream,
      // Ink writes its own escape sequences; outside text in its frames is made safe by <Text>.
      stdout: rawStream(runtime.stdout) as NodeJS.WriteStream,
      stderr: rawStream(runtime.stderr) as NodeJS.WriteStream,
      // Ctrl+C is a fact for the flow: while submitting it must say whether the order was sent.
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: FRAMES_PER_SECOND,
    },
  );
  const exit = await exited;
  instance.unmount();
  await instance.waitUntilExit().catch(() => undefined);
  stdin.dispose();
  // The sites ordered before, say, a cancelled next order stay printed like any delivered one.
  return writeEnding(exit, runtime);
}
