import {describe, expect, it} from 'vitest';
import {createRedactor} from '../../src/api/redact.js';

describe('redaction', () => {
  it('removes every registered secret, also URL- and form-encoded', () => {
    const r = createRedactor(['multi secret+with%odd:chars/ok']);
    const text = `raw multi secret+with%odd:chars/ok, url ${encodeURIComponent('multi secret+with%odd:chars/ok')}, form multi+secret%2Bwith%25odd%3Achars%2Fok`;
    expect(r.redact(text)).toBe('raw [redacted], url [redacted], form [redacted]');
  });

  it('hides tokens added later', () => {
    const r = createRedactor();
    r.add('tok_123456789');
    expect(r.redact('got tok_123456789 back')).toBe('got [redacted] back');
  });

  it('masks header-shaped values it was never told about', () => {
    const r = createRedactor();
    expect(r.redact('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer [redacted]');
    expect(r.redact('sent Basic dXNlcjpwYXNz=')).toBe('sent Basic [redacted]');
    expect(r.redact('{"X-BT-API-KEY":"0123456789abcdef"}')).toBe('{"X-BT-API-KEY":"[redacted]"}');
    expect(r.redact('client_secret=hunter22&grant_type=client_credentials')).toBe('client_secret=[redacted]&grant_type=client_credentials');
  });

  it('leaves ordinary text alone and ignores values too short to be secrets', () => {
    const r = createRedactor(['', 'ab', undefined]);
    expect(r.redact('GET /btalk/beta/v1/me -> 200 in 3ms (request id ab-12)')).toBe('GET /btalk/beta/v1/me -> 200 in 3ms (request id ab-12)');
  });

  it('removes a longer secret whole even when it contains a shorter one', () => {
    const r = createRedactor(['abcd', 'xxabcdyy']);
    expect(r.redact('xxabcdyy')).toBe('[redacted]');
  });
});

describe('redaction of field names', () => {
  it('keeps validation messages about token fields readable', () => {
    const r = createRedactor();
    expect(r.redact('token response.access_token: missing (expected string)')).toBe('token response.access_token: missing (expected string)');
    expect(r.redact('{"access_token":"eyJhbGciOi"}')).toBe('{"access_token":"[redacted]"}');
  });
});
