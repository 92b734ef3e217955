/**
 * `btalk sandbox`: runs the emulator standalone. stdout gets only lines a POSIX shell can `eval`
 * (the demo account's variables, single-quoted); the human note goes to stderr, so
 * `btalk sandbox > sandbox.env` captures exactly the variables. These are sandbox-only demo
 * secrets: printing them is the point of the command.
 */
import type {Command} from 'commander';
import {isLoopbackHost} from '../environments.js';
import {BtalkError} from '../errors.js';
import type {Runtime} from '../runtime.js';
import {CREDENTIAL_ENV_VARS} from '../secrets/env-credentials.js';
import {PAGINATION_MODES, type EmulatorAccount, type EmulatorSettings, type FaultSpec, type PaginationMode, type RunningEmulator} from '../emulator/types.js';
import type {CommandContext} from './context.js';
import {runCommand} from './run.js';
import {terminalSafeJson} from '../text/terminal-safe.js';
import {shellQuote} from '../text/shell-quote.js';

export interface SandboxCommandOptions {
  port?: string | number;
  host?: string;
  json?: boolean;
  /** Milliseconds added before every answer, the token endpoint's included (a slow link or gateway). */
  latency?: string | number;
  /** Seconds added to every answer's Date header (a server clock that is off). */
  clockSkew?: string;
  /** Which account the exports (or --json) name; demo by default. */
  account?: string;
  /** More sites for the demo customer, e.g. 6001. */
  voicesites?: string;
  pageCap?: string;
  maxLimit?: string;
  pagination?: string;
  /** FaultSpec objects as JSON, each queued at start. */
  fault?: string[];
}

function wholeNumber(raw: string | undefined, flag: string, min = 0): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (!/^\d+$/.test(text) || Number(text) < min) throw new BtalkError('usage', `${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, got "${raw}".`);
  return Number(text);
}

/** The emulator settings and faults the flags ask for, checked before anything starts. */
export async function emulatorSetup(options: SandboxCommandOptions): Promise<{settings: Partial<EmulatorSettings>; faults: FaultSpec[]; voicesites: number}> {
  // Loaded here: every other btalk command would pay for the emulator at start-up.
  const {FaultBook} = await import('../emulator/faults.js');
  const settings: Partial<EmulatorSettings> = {};
  const pageCap = wholeNumber(options.pageCap, '--page-cap');
  const maxLimit = wholeNumber(options.maxLimit, '--max-limit', 1);
  if (pageCap !== undefined) settings.pageCap = pageCap;
  if (maxLimit !== undefined) settings.maxLimit = maxLimit;
  if (options.clockSkew !== undefined) {
    const text = options.clockSkew.trim();
    if (!/^[+-]?\d+$/.test(text) || Math.abs(Number(text)) > 7 * 24 * 3600) {
      throw new BtalkError('usage', `--clock-skew must be a whole number of seconds within a week either way, got "${options.clockSkew}".`, {
        hint: 'For example --clock-skew 600 serves Date headers 10 minutes ahead (btalk doctor then flags the clock).',
      });
    }
    settings.clockSkewSeconds = Number(text);
  }
  if (options.pagination !== undefined) {
    if (!PAGINATION_MODES.includes(options.pagination as PaginationMode)) {
      throw new BtalkError('usage', `--pagination must be one of ${PAGINATION_MODES.join(', ')}, got "${options.pagination}".`);
    }
    settings.pagination = options.pagination as PaginationMode;
  }
  const faults = (options.fault ?? []).map((text) => {
    try {
      const spec = JSON.parse(text) as FaultSpec;
      new FaultBook().add(spec);
      return spec;
    } catch (error) {
      throw new BtalkError('usage', `--fault ${text} is not a fault: ${(error as Error).message}.`, {
        hint: `Give one JSON object, e.g. --fault '{"route":"GET /voicesites","stall":true}' (fields: src/emulator/types.ts, FaultSpec).`,
      });
    }
  });
  return {settings, faults, voicesites: wholeNumber(options.voicesites, '--voicesites') ?? 0};
}

const ACCOUNT_NAMES = ['demo', 'demoReadonly', 'multi', 'large', 'hostile'] as const;
type AccountName = (typeof ACCOUNT_NAMES)[number];

export function exportLines(emulator: RunningEmulator, account: AccountName = 'demo'): string[] {
  const chosen = emulator.accounts[account];
  const vars: Array<[string, string]> = [
    ['BTALK_BASE_URL', emulator.baseUrl],
    [CREDENTIAL_ENV_VARS.clientId, chosen.clientId],
    [CREDENTIAL_ENV_VARS.clientSecret, chosen.clientSecret],
    [CREDENTIAL_ENV_VARS.apiKey, chosen.apiKey],
  ];
  return vars.map(([name, value]) => `export ${name}=${shellQuote(value)}`);
}

function parsePort(raw: string | number | undefined): number {
  if (raw === undefined) return 0;
  const text = String(raw).trim();
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new BtalkError('usage', `--port must be a number from 0 to 65535, got "${text}".`, {hint: 'Use --port 0 (the default) for any free port.'});
  }
  return port;
}

const MAX_LATENCY_MS = 60_000;

function parseLatency(raw: string | number | undefined): number {
  if (raw === undefined) return 0;
  const text = String(raw).trim();
  const ms = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(ms) || ms > MAX_LATENCY_MS) {
    throw new BtalkError('usage', `--latency must be a whole number of milliseconds from 0 to ${MAX_LATENCY_MS}, got "${text}".`, {
      hint: 'For example --latency 200 delays every answer by 0.2 s.',
    });
  }
  return ms;
}

function parseAccount(raw: string | undefined): AccountName {
  if (raw === undefined) return 'demo';
  const found = ACCOUNT_NAMES.find((name) => name.toLowerCase() === raw.trim().toLowerCase());
  if (found === undefined) {
    throw new BtalkError('usage', `--account must be one of ${ACCOUNT_NAMES.join(', ')}, got "${raw}".`, {hint: 'Leave it out for the demo account.'});
  }
  return found;
}

function accountLine(name: string, account: EmulatorAccount): string {
  return `  ${name.padEnd(13)} ${account.description}\n                client ${account.clientId}, key ${account.apiKey}`;
}

async function listen(port: number, host: string, latencyMs: number, setup: Awaited<ReturnType<typeof emulatorSetup>>): Promise<RunningEmulator> {
  // Loaded here, not at the top: every other btalk command would pay for the emulator at start-up.
  const {startEmulator} = await import('../emulator/server.js');
  try {
    const running = await startEmulator({port, host, settings: {latencyMs, ...setup.settings}, voicesites: setup.voicesites});
    for (const fault of setup.faults) running.injectFault(fault);
    return running;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new BtalkError('usage', `Port ${port} is already in use on ${host}.`, {
        hint: 'Stop what uses it, pick another with --port, or leave --port out for any free port.',
        cause: error,
      });
    }
    if (code === 'EACCES') {
      throw new BtalkError('usage', `Not allowed to listen on port ${port} on ${host}.`, {hint: 'Use a port above 1023.', cause: error});
    }
    throw new BtalkError('network', `Could not start the emulator on ${host}:${port}: ${(error as Error).message}`, {cause: error});
  }
}

/** The command body: starts the emulator, prints the variables, serves until Ctrl+C. */
export async function runSandboxCommand(runtime: Runtime, options: SandboxCommandOptions): Promise<number> {
  const port = parsePort(options.port);
  const latencyMs = parseLatency(options.latency);
  const account = parseAccount(options.account);
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new BtalkError('usage', `--host must be a loopback address (127.0.0.1, ::1 or localhost), got "${host}".`, {
      hint: 'The emulator hands out demo credentials and btalk only talks plain http to loopback hosts.',
    });
  }
  const setup = await emulatorSetup(options);
  const emulator = await listen(port, host, latencyMs, setup);
  let stopped!: () => void;
  const interrupted = new Promise<void>((resolve) => (stopped = resolve));
  const removeHandler = runtime.onInterrupt(() => stopped());
  try {
    if (options.json) {
      const {clientId, clientSecret, apiKey} = emulator.accounts[account];
      runtime.stdout.write(terminalSafeJson({baseUrl: emulator.baseUrl, tokenUrl: emulator.tokenUrl, clientId, clientSecret, apiKey}) + '\n');
    } else {
      runtime.stdout.write(exportLines(emulator, account).join('\n') + '\n');
    }
    const {demo, demoReadonly, multi, large} = emulator.accounts;
    runtime.stderr.write(
      [
        `Business Talk emulator on ${emulator.url} (API ${emulator.baseUrl}, token ${emulator.tokenUrl}).`,
        `The variables on stdout are the ${account} account; load them with eval or ". FILE".`,
        ...(latencyMs > 0 ? [`Every answer is delayed ${latencyMs} ms.`] : []),
        'Accounts (demo data only, worthless outside this emulator):',
        accountLine('demo', demo),
        accountLine('demoReadonly', demoReadonly),
        accountLine('multi', multi) + `, secret ${shellQuote(multi.clientSecret)}`,
        accountLine('large', large),
        accountLine('hostile', emulator.accounts.hostile),
        `Faults and settings: ${emulator.url}/_emulator/settings (GET, PATCH) and /_emulator/faults (POST a fault, DELETE all).`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
    await interrupted;
  } finally {
    removeHandler();
    await emulator.close();
  }
  runtime.stderr.write('Sandbox stopped.\n');
  return 0;
}

export function registerSandbox(program: Command, ctx: CommandContext): void {
  program
    .command('sandbox')
    .description('Run the local Business Talk emulator and print its demo credentials as shell variables.')
    .option('--port <n>', 'port to listen on (default: any free port)')
    .option('--host <address>', 'loopback address to listen on', '127.0.0.1')
    .option('--latency <ms>', 'delay every answer by this many milliseconds (default 0)')
    .option('--account <name>', `account the variables name: ${ACCOUNT_NAMES.join(', ')} (default demo)`)
    .option('--voicesites <n>', 'that many more voicesites for the demo customer (a large account)')
    .option('--page-cap <n>', 'serve at most N items per page, whatever limit asks (0: no cap)')
    .option('--max-limit <n>', 'refuse a list limit above N with 400 code 23 (default 1000)')
    .option('--clock-skew <seconds>', "shift every answer's Date header, e.g. 600 (a server clock that is off)")
    .option('--pagination <mode>', `how lists page: ${PAGINATION_MODES.join(', ')}`)
    .option('--fault <json>', 'queue a fault (a FaultSpec as JSON); repeatable', (value: string, previous: string[] = []) => [...previous, value])
    .addHelpText(
      'after',
      `
stdout holds only "export NAME='value'" lines (BTALK_BASE_URL, BTALK_CLIENT_ID, BTALK_CLIENT_SECRET,
BTALK_API_KEY); the notes go to stderr. With --json, one JSON object instead.

Examples:
  $ btalk sandbox --port 8080            # then, in another shell, paste the four export lines
  $ btalk sandbox --port 8080 > sandbox.env &  # later: . ./sandbox.env && btalk status
  $ btalk sandbox --account large --latency 200  # 10,000 VPNs behind a slow link
  $ btalk sandbox --voicesites 6001 --page-cap 10          # a large account, 10 sites a page
  $ btalk sandbox --fault '{"route":"POST /customers/:code/orders","delayMs":120000}'
        # the order's site is created after 120 s while its answer is held
  $ btalk sandbox --fault '{"route":"GET /voicesites","stall":true,"times":100}'
  $ curl -X PATCH -d '{"pagination":"repeat-page"}' http://127.0.0.1:8080/_emulator/settings

Faults (FaultSpec fields): status, json, html, raw, headers, delayMs, reset ("before"/"after"),
stall, drip {bytes, everyMs}, hugeBodyBytes, gzipBombBytes, times, route ("METHOD /path" or "*").`,
    )
    .action(async (flags: Omit<SandboxCommandOptions, 'json'>) => {
      const globals = ctx.globals();
      const code = await runCommand(ctx.runtime, globals, () =>
        runSandboxCommand(ctx.runtime, {...flags, ...(globals.json ? {json: true} : {})}),
      );
      ctx.setExitCode(code);
    });
}
