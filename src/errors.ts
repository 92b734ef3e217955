/**
 * The one error vocabulary of btalk. Every failure that reaches a person is a BtalkError with a
 * closed `kind`; the composition root (cli.tsx) maps kinds to exit codes with `exitCodeFor`.
 */

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

export interface BtalkErrorDetails {
  /** What to do next, one sentence. */
  hint?: string;
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** Orange API error fields, when the body had them. */
  apiCode?: number;
  apiMessage?: string;
  apiDescription?: string;
  /** `X-OAPI-Request-Id` of the failed response: people quote it to support. */
  requestId?: string;
  /**
   * True when the request may have reached the server and had its effect although no answer came
   * back (timeout, connection reset, 5xx on a POST). The order flow must check before resending.
   */
  outcomeUnknown?: boolean;
  /** For invalid-input/usage: every problem at once, `field: reason`. */
  problems?: ReadonlyArray<{field: string; message: string}>;
  /** For rate-limited: how long the server asked to wait (its Retry-After), in milliseconds. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class BtalkError extends Error {
  override readonly name = 'BtalkError';
  readonly kind: ErrorKind;
  readonly hint: string | undefined;
  readonly status: number | undefined;
  readonly apiCode: number | undefined;
  readonly apiMessage: string | undefined;
  readonly apiDescription: string | undefined;
  readonly requestId: string | undefined;
  readonly outcomeUnknown: boolean;
  readonly problems: ReadonlyArray<{field: string; message: string}>;
  readonly retryAfterMs: number | undefined;

  constructor(kind: ErrorKind, message: string, details: BtalkErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : {cause: details.cause});
    this.kind = kind;
    this.hint = details.hint;
    this.status = details.status;
    this.apiCode = details.apiCode;
    this.apiMessage = details.apiMessage;
    this.apiDescription = details.apiDescription;
    this.requestId = details.requestId;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
    this.problems = details.problems ?? [];
    this.retryAfterMs = details.retryAfterMs;
  }

  /** A plain object for `--json` output; never contains secrets because messages never do. */
  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.hint === undefined ? {} : {hint: this.hint}),
      ...(this.status === undefined ? {} : {status: this.status}),
      ...(this.apiCode === undefined ? {} : {code: this.apiCode}),
      ...(this.apiMessage === undefined ? {} : {apiMessage: this.apiMessage}),
      ...(this.apiDescription === undefined ? {} : {description: this.apiDescription}),
      ...(this.requestId === undefined ? {} : {requestId: this.requestId}),
      ...(this.outcomeUnknown ? {outcomeUnknown: true} : {}),
      ...(this.problems.length === 0 ? {} : {problems: this.problems}),
      ...(this.retryAfterMs === undefined ? {} : {retryAfterMs: this.retryAfterMs}),
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
} as const;

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

/** Lines a person reads on stderr: message, API details, request id, hint. */
export function formatError(error: BtalkError): string[] {
  const lines = [`Error: ${error.message}`];
  for (const p of error.problems) lines.push(`  - ${p.field}: ${p.message}`);
  const api: string[] = [];
  if (error.apiCode !== undefined) api.push(`code ${error.apiCode}`);
  if (error.apiMessage) api.push(error.apiMessage);
  if (error.apiDescription && error.apiDescription !== error.apiMessage) api.push(error.apiDescription);
  if (api.length > 0) lines.push(`  API: ${api.join(' - ')}`);
  if (error.requestId) lines.push(`  Request id: ${error.requestId} (quote it to Orange support)`);
  if (error.hint) lines.push(`  Next: ${error.hint}`);
  return lines;
}
