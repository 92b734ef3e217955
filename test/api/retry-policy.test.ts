import {describe, expect, it} from 'vitest';
import {backoffMs, decideRetry, isRetryableFailure, isRetryableStatus, parseRetryAfter} from '../../src/api/retry-policy.js';

describe('retry policy', () => {
  it('retries 429, 502, 503, 504 and 403 code 53, nothing else', () => {
    expect([429, 502, 503, 504].every((s) => isRetryableStatus(s, undefined))).toBe(true);
    expect(isRetryableStatus(403, 53)).toBe(true);
    expect(isRetryableStatus(403, 50)).toBe(false);
    expect(isRetryableStatus(500, 1)).toBe(false);
    expect(isRetryableStatus(401, 42)).toBe(false);
    expect(isRetryableFailure('ECONNRESET')).toBe(true);
    expect(isRetryableFailure('ETIMEDOUT')).toBe(true);
    expect(isRetryableFailure('ENOTFOUND')).toBe(false);
    expect(isRetryableFailure('ERR_PROXY')).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, never above the cap', () => {
    const client = {baseMs: 300, capMs: 30_000};
    expect(backoffMs(1, client, () => 1)).toBe(300);
    expect(backoffMs(2, client, () => 1)).toBe(600);
    expect(backoffMs(3, client, () => 0)).toBe(600);
    expect(backoffMs(10, {baseMs: 300, capMs: 1_000}, () => 1)).toBe(1_000);
    expect(backoffMs(2, {baseMs: 1_000, capMs: 30_000}, () => 0.5)).toBe(1_500);
  });

  it('honours Retry-After within the cap, gives up beyond it or after the last retry', () => {
    expect(decideRetry({retry: 1, maxRetries: 3, capMs: 5_000, retryAfter: '2', now: 0, random: () => 1})).toEqual({retry: true, delayMs: 2_000});
    expect(decideRetry({retry: 1, maxRetries: 3, capMs: 5_000, retryAfter: '60', now: 0, random: () => 1})).toEqual({retry: false, reason: 'the server asked to wait 60 s'});
    expect(decideRetry({retry: 4, maxRetries: 3, capMs: 5_000, now: 0, random: () => 1})).toEqual({retry: false});
    // Without a Retry-After, the client's backoff with the injected jitter.
    expect(decideRetry({retry: 2, maxRetries: 3, capMs: 5_000, now: 0, random: () => 0})).toEqual({retry: true, delayMs: 300});
  });
});
