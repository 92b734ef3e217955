/**
 * `btalk` with no subcommand: the guided wizard. It needs a terminal; without one it says which
 * non-interactive command does the same job instead of waiting for keys that never come.
 *
 * Ink and React are loaded inside the action, not at the top: every btalk command imports this
 * file, and loading Ink costs about 0.6 s of startup that `btalk status` should not pay.
 */
import type {Command} from 'commander';
import {prefetchingApi} from '../api/prefetch.js';
import type {BusinessTalkApi, Credentials, WaitNotice} from '../api/types.js';
import {BtalkError} from '../errors.js';
import type {GlobalOptions} from '../global-options.js';
import {clearPrepaint} from '../prepaint.js';
import type {ApiOptions, Session} from '../session-types.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';
import {mergeOrderOptions, type Answers as OrderAnswers} from '../order/order-options.js';
import {shellArg} from '../text/shell-quote.js';

const ORDER_FLAGS = '--customer CODE --vpn VPN_ID --country FR --site-name MY_SITE --label "My site" --reference REF --yes';

/** The command to run instead, keeping the global flags this run was given (e.g. --sandbox). */
export function notATerminalHint(globals: GlobalOptions): string {
  const kept = [
    globals.sandbox ? '--sandbox' : undefined,
    globals.profile && globals.profile !== 'default' ? `--profile ${shellArg(globals.profile)}` : undefined,
    globals.baseUrl && !globals.sandbox ? `--base-url ${shellArg(globals.baseUrl)}` : undefined,
  ].filter(Boolean);
  return `Without a terminal, use: btalk order ${[...kept, ORDER_FLAGS].join(' ')} (see "btalk order --help").`;
}

const same = (a: Credentials, b: Credentials) => a.clientId === b.clientId && a.clientSecret === b.clientSecret && a.apiKey === b.apiKey;

/**
 * The session with its known credentials' first reads already on their way (see api/prefetch.ts).
 * Their retry pauses wait for the wizard to listen (its busy line), never going to stderr under Ink.
 */
function withPrefetch(session: Session, laterVpnPages?: Promise<unknown>): Session {
  const known = session.credentials;
  if (!known) return session;
  let prefetched: BusinessTalkApi | undefined;
  let listener: ((notice: WaitNotice) => void) | undefined;
  let early: WaitNotice | undefined;
  const forward = (notice: WaitNotice) => (listener ? listener(notice) : (early = notice));
  const plan = {customerCode: session.rememberedCustomer, ...(laterVpnPages ? {laterVpnPages} : {})};
  const api = (c: Credentials, options?: ApiOptions) => {
    if (!same(c, known)) return session.api(c, options);
    if (options?.onWait) {
      listener = options.onWait;
      if (early) listener(early);
      early = undefined;
    }
    return (prefetched ??= prefetchingApi(session.api(c, {onWait: forward}), plan));
  };
  api(known);
  // Reads go through to the session itself, so what it learns later (saved credentials) shows.
  return Object.assign(Object.create(session) as Session, {api});
}

/** The wizard, with `answers` given up front (flags, variables) applied as each step comes. */
export async function openWizard(ctx: CommandContext, globals: GlobalOptions, answers: OrderAnswers): Promise<number> {
  if (globals.accessible) return openAccessible(ctx, globals, answers);
  if (!ctx.runtime.interactive) {
    throw new BtalkError('usage', 'The guided wizard needs a terminal (stdin and stdout must both be one).', {hint: notATerminalHint(globals)});
  }
  // Ink owns the terminal from here on: a request line written on stderr would be drawn over.
  if (globals.debug) ctx.debugToFile?.();
  // A long-lived process that reads long lists: V8's young generation is kept small (young-generation.ts).
  import('../young-generation.js').then(
    (m) => m.boundYoungGeneration(),
    () => undefined,
  );
  // Ink loads while the session opens (keychain, embedded emulator) and the first reads run, but
  // only once the HTTP client's code has loaded: Ink's modules are then read and compiled between
  // the session's first requests and answers, instead of holding them back until Ink has drawn.
  const opening = ctx.sessions.open(globals);
  opening.catch(() => undefined);
  await ctx.sessions.loaded?.().catch(() => undefined);
  const loading = import('../ui/run-wizard.js');
  loading.catch(() => undefined);
  // The flow needs no Ink: started once the session is open, it takes the answers already read
  // while Ink still loads, and Ink's first frame shows where they led (see flow/start.ts).
  const flowLoading = Promise.all([import('../flow/start.js'), import('../flow/given.js')]);
  flowLoading.catch(() => undefined);
  try {
    const session = await opening;
    try {
      // The VPN pages after the first, read ahead, wait for Ink's first frame (rendered as soon as
      // Ink is loaded, in the same turn): their answers' JSON and checks then no longer hold back
      // Ink's loading and that frame, which shows the first page with "Still loading".
      const inkDrawn = loading.then(
        () => new Promise<void>((resolve) => setImmediate(resolve)),
        () => undefined,
      );
      const prefetched = withPrefetch(session, inkDrawn);
      const [{startFlow}, {givenAnswers}] = await flowLoading;
      const flow = startFlow(prefetched, {timers: ctx.runtime.timers, clock: ctx.runtime.clock, given: givenAnswers(answers, new Date(ctx.runtime.clock()))});
      try {
        const {runWizard} = await loading;
        clearPrepaint(ctx.runtime.prepaint, ctx.runtime.stdout);
        return await runWizard(ctx.runtime, prefetched, {globals, flow});
      } finally {
        flow.stop();
      }
    } finally {
      await session.close();
    }
  } finally {
    // An error before Ink (a config file that cannot be read) is printed where the frame was.
    clearPrepaint(ctx.runtime.prepaint, ctx.runtime.stdout);
  }
}

/**
 * The same flow as plain line-by-line prompts (src/accessible/), without Ink. Lines need no
 * terminal: from a pipe (an editor's shell buffer, answers fed by a script) it reads to the end
 * of input and stops there as if "quit" had been typed.
 */
async function openAccessible(ctx: CommandContext, globals: GlobalOptions, answers: OrderAnswers): Promise<number> {
  const [{runAccessible}, {givenAnswers}] = await Promise.all([import('../accessible/run-accessible.js'), import('../flow/given.js')]);
  const session = await ctx.sessions.open(globals);
  try {
    return await runAccessible(ctx.runtime, withPrefetch(session), {given: givenAnswers(answers, new Date(ctx.runtime.clock()))});
  } finally {
    await session.close();
  }
}

export function registerWizard(program: Command, ctx: CommandContext): void {
  program.action(async () => {
    const globals = ctx.globals();
    const code = await runCommand(ctx.runtime, {json: globals.json}, () => openWizard(ctx, globals, mergeOrderOptions(ctx.answerFlags?.() ?? {}, ctx.runtime.env).answers));
    ctx.setExitCode(code);
  });
}
