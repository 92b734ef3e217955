/**
 * When a request may be sent again, and after how long. Only requests without side effects (GETs
 * and the token POST) are retried by the client; the order POST never goes through here (a batch
 * retries a row refused as rate limited, with the same backoffMs and isRateLimitedAnswer).
 */

/** Status codes worth another try besides rate limiting: gateways that are briefly unavailable. */
const RETRY_STATUSES = new Set([502, 503, 504]);

/** Transport failures worth another try (a resolved host name that does not exist is not). */
const RETRY_CODES = new Set(['ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** The client's first wait before a retry, doubled each time. */
export const CLIENT_BASE_DELAY_MS = 300;

/** Orange says "too many requests" as 429 and as 403 code 53. */
export function isRateLimitedAnswer(status: number, apiCode: number | undefined): boolean {
  return status === 429 || (status === 403 && apiCode === 53);
}

export function isRetryableStatus(status: number, apiCode: number | undefined): boolean {
  return RETRY_STATUSES.has(status) || isRateLimitedAnswer(status, apiCode);
}

export function isRetryableFailure(code: string): boolean {
  return RETRY_CODES.has(code);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The one backoff: `baseMs` doubled for each retry (1-based), never above `capMs`, with jitter
 * (50-100 % of the step, from the injected `random`) so clients told to wait do not come back together.
 */
export function backoffMs(retry: number, steps: {baseMs: number; capMs: number}, random: () => number): number {
  const step = Math.min(steps.capMs, steps.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step * (0.5 + random() / 2));
}

export type RetryDecision = {retry: true; delayMs: number} | {retry: false; reason?: string};

/**
 * The wait before retry number `retry` (1-based), or no retry. A Retry-After longer than the cap
 * is honoured by not retrying at all (the error then says how long the server asked to wait), as
 * got does with maxRetryAfter.
 */
export function decideRetry(input: {retry: number; maxRetries: number; capMs: number; retryAfter?: string | undefined; now: number; random: () => number}): RetryDecision {
  if (input.retry > input.maxRetries) return {retry: false};
  const asked = parseRetryAfter(input.retryAfter, input.now);
  if (asked !== undefined) {
    if (asked > input.capMs) return {retry: false, reason: `the server asked to wait ${Math.ceil(asked / 1000)} s`};
    return {retry: true, delayMs: asked};
  }
  return {retry: true, delayMs: backoffMs(input.retry, {baseMs: CLIENT_BASE_DELAY_MS, capMs: input.capMs}, input.random)};
}
