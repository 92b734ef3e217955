/**
 * The one error vocabulary of btalk. Every failure that reaches a person is a BtalkError with a
 * closed `kind`. `exitCodeFor` below is the one table from kind to exit code; commands/run.ts
 * applies it for every command, and the wizard's exit states use it too.
 */
import {terminalSafe, terminalSafeLines} from './text/terminal-safe.js';

export type ErrorKind =
  | 'auth' // credentials missing, unknown or rejected (exit 4)
  | 'forbidden' // credentials fine but not allowed (read-only key, not subscribed)
  | 'not-found'
  | 'invalid-input' // the server refused what we sent, or bad data from the user/server
  | 'usage' // wrong or missing flags/arguments (exit 2)
  | 'rate-limited'
  | 'network' // could not reach the server, timeout, reset, proxy trouble
  | 'server' // 5xx, or a response that does not match the expected shape
  | 'keychain' // OS keychain missing, locked, slow or failing
  | 'cancelled' // Ctrl+C / user quit (exit 130)
  | 'bug'; // anything we did not foresee

/**
 * What the API said about a failed request, as far as it said it. Built in one place,
 * api/http-errors.ts; an error made from another carries its `api` part along whole.
 */
export interface ApiDetails {
  /** HTTP status of the failed response. */
  status?: number;
  /** Orange's error fields, when the body had them. */
  code?: number;
  message?: string;
  description?: string;
  /** `X-OAPI-Request-Id` of the failed response: people quote it to support. */
  requestId?: string;
  /** For rate-limited: how long the server asked to wait (its Retry-After), in milliseconds. */
  retryAfterMs?: number;
}

/** The three secrets, by the names the credentials use. */
export type SecretName = 'clientId' | 'clientSecret' | 'apiKey';

/**
 * Which secrets a refusal points at, and why: `invalid` (a wrong or revoked value) or `rights`
 * (a valid key without the rights asked for, e.g. read-only). Set where the refusal is known (the
 * API's answer, a read-only /me); secrets/secret-origin.ts then says where they came from.
 */
export interface RefusedSecrets {
  secrets: ReadonlyArray<SecretName>;
  reason: 'invalid' | 'rights';
}

export interface BtalkErrorDetails {
  /** What to do next, one sentence. */
  hint?: string;
  /** Set when the error came from an HTTP response. */
  api?: ApiDetails;
  /**
   * True when the request may have reached the server and had its effect although no answer came
   * back (timeout, connection reset, 5xx on a POST). The order flow must check before resending.
   */
  outcomeUnknown?: boolean;
  /** For invalid-input/usage: every problem at once, `field: reason`. */
  problems?: ReadonlyArray<{field: string; message: string}>;
  /** Set when the error is a refusal of some of the secrets (see RefusedSecrets). */
  refused?: RefusedSecrets;
  cause?: unknown;
}

export class BtalkError extends Error {
  override readonly name = 'BtalkError';
  readonly kind: ErrorKind;
  readonly hint: string | undefined;
  readonly api: Readonly<ApiDetails> | undefined;
  readonly outcomeUnknown: boolean;
  readonly problems: ReadonlyArray<{field: string; message: string}>;
  readonly refused: RefusedSecrets | undefined;

  constructor(kind: ErrorKind, message: string, details: BtalkErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : {cause: details.cause});
    this.kind = kind;
    this.hint = details.hint;
    this.api = details.api;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
    this.problems = details.problems ?? [];
    this.refused = details.refused;
  }

  /** A plain object for `--json` output; never contains secrets because messages never do. */
  toJSON(): Record<string, unknown> {
    const api = this.api ?? {};
    return {
      kind: this.kind,
      message: this.message,
      ...(this.hint === undefined ? {} : {hint: this.hint}),
      ...(api.status === undefined ? {} : {status: api.status}),
      ...(api.code === undefined ? {} : {code: api.code}),
      ...(api.message === undefined ? {} : {apiMessage: api.message}),
      ...(api.description === undefined ? {} : {description: api.description}),
      ...(api.requestId === undefined ? {} : {requestId: api.requestId}),
      ...(this.outcomeUnknown ? {outcomeUnknown: true} : {}),
      ...(this.problems.length === 0 ? {} : {problems: this.problems}),
      ...(api.retryAfterMs === undefined ? {} : {retryAfterMs: api.retryAfterMs}),
    };
  }
}

export function isBtalkError(value: unknown): value is BtalkError {
  return value instanceof BtalkError;
}

/** Anything thrown becomes a BtalkError; unknown throwables are bugs. */
export function toBtalkError(value: unknown): BtalkError {
  if (value instanceof BtalkError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new BtalkError('bug', `Unexpected error: ${message}`, {
    hint: 'This is a bug in btalk. Run again with --debug and report what you see.',
    cause: value,
  });
}

/** The one table from error kind to process exit code (documented in README.md). */
export const EXIT_CODES = {
  ok: 0,
  error: 1,
  usage: 2,
  auth: 4,
  interrupted: 130,
  terminated: 143,
  hangUp: 129,
} as const;

/** The signals btalk treats as an interrupt, and the exit code each ends a run with (128 + its number). */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];

export function interruptedExitCode(signal: InterruptSignal): number {
  return signal === 'SIGTERM' ? EXIT_CODES.terminated : signal === 'SIGHUP' ? EXIT_CODES.hangUp : EXIT_CODES.interrupted;
}

/** How an interrupt is named to a person: the key for SIGINT, the signal's name otherwise. */
export function interruptName(signal: InterruptSignal): string {
  return signal === 'SIGINT' ? 'Ctrl+C' : signal;
}

/** Said at once when an interrupt comes while an order may be on its way (the wizard, btalk order). */
export function interruptWaitText(signal: InterruptSignal): string {
  return `${interruptName(signal)}: the order is on its way; waiting for its answer (or stopping the search for it) so it is never sent twice, then saying what happened.`;
}

export function exitCodeFor(error: BtalkError): number {
  switch (error.kind) {
    case 'usage':
      return EXIT_CODES.usage;
    case 'auth':
      return EXIT_CODES.auth;
    case 'cancelled':
      return EXIT_CODES.interrupted;
    case 'forbidden':
    case 'not-found':
    case 'invalid-input':
    case 'rate-limited':
    case 'network':
    case 'server':
    case 'keychain':
    case 'bug':
      return EXIT_CODES.error;
    default: {
      const never: never = error.kind;
      return never;
    }
  }
}

/** One line of an error as a person reads it; `tone` is how a terminal may colour it. */
export interface ErrorLine {
  tone: 'message' | 'problem' | 'detail' | 'hint';
  text: string;
}

/**
 * What the API said, its code and text: "API: code 27 - Invalid body field - ...", terminal-safe
 * (the text is the server's); undefined when it said nothing of the kind.
 */
export function apiText(details: Readonly<ApiDetails> | undefined): string | undefined {
  const {code, message, description} = details ?? {};
  const api: string[] = [];
  if (code !== undefined) api.push(`code ${code}`);
  if (message) api.push(terminalSafe(message));
  if (description && description !== message) api.push(terminalSafe(description));
  return api.length > 0 ? `API: ${api.join(' - ')}` : undefined;
}

/**
 * An error on one line, where a row or an entry has one cell for it (a batch row's result, the
 * results file, the journal): the message, what the API said (as errorLines shows it), and what
 * to do next unless `hint` is false. The request id has a cell of its own there.
 */
export function errorOneLine(error: BtalkError, options: {hint?: boolean} = {}): string {
  const parts = [error.message];
  const api = apiText(error.api);
  if (api !== undefined) parts.push(/[.!?]$/.test(api) ? api : `${api}.`);
  if (error.hint && options.hint !== false) parts.push(error.hint);
  return parts.join(' ');
}

/**
 * The lines of an error, for every rendering (stderr text and the Ink error block): the message,
 * each problem, the API's code and text, the request id, what to do next.
 */
export function errorLines(error: BtalkError): ErrorLine[] {
  // Terminal-safe here, for every rendering: the API's text and request id are outside text and
  // cannot add a line or an escape sequence; btalk's own message and hint keep their newlines.
  const lines: ErrorLine[] = [{tone: 'message', text: terminalSafeLines(error.message)}];
  for (const p of error.problems) lines.push({tone: 'problem', text: `  - ${terminalSafe(p.field)}: ${terminalSafeLines(p.message)}`});
  const {requestId} = error.api ?? {};
  const api = apiText(error.api);
  if (api !== undefined) lines.push({tone: 'detail', text: `  ${api}`});
  if (requestId) lines.push({tone: 'detail', text: `  Request id: ${terminalSafe(requestId)} (quote it to Orange support)`});
  if (error.hint) lines.push({tone: 'hint', text: `  Next: ${terminalSafeLines(error.hint)}`});
  return lines;
}

/** The error as stderr text: errorLines(), the message after "Error: ". */
export function formatError(error: BtalkError): string[] {
  return errorLines(error).map((line) => (line.tone === 'message' ? `Error: ${line.text}` : line.text));
}
