import {describe, expect, it} from 'vitest';
import {createRedactor, redactValue} from '../../src/api/redact.js';

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

describe('redacting a server value', () => {
  it('hides a secret anywhere in it, keys included, and copies only what it changed', () => {
    const r = createRedactor(['s3cret-key-value']);
    const clean = {vpnId: 'v1', name: 'Paris', vpnCode: 7};
    const dirty = {vpnId: 'v2', name: 'leak s3cret-key-value', tags: ['ok', 's3cret-key-value']};
    const list = [clean, dirty, {'s3cret-key-value': 1}];
    const out = redactValue(list, r);
    expect(out).toEqual([clean, {vpnId: 'v2', name: 'leak [redacted]', tags: ['ok', '[redacted]']}, {'[redacted]': 1}]);
    expect(out).not.toBe(list);
    expect(out[0]).toBe(clean);
    expect(dirty.name).toBe('leak s3cret-key-value');
  });

  it('gives back the very same list when nothing in it is secret (no second copy of 10,000 items)', () => {
    const r = createRedactor(['s3cret-key-value']);
    const list = Array.from({length: 1000}, (_, i) => ({vpnId: `v${i}`, name: `VPN ${i}`, nested: {code: i}}));
    expect(redactValue(list, r)).toBe(list);
  });

  it('keeps a "__proto__" key from JSON a plain property when it copies', () => {
    const r = createRedactor(['s3cret-key-value']);
    const value = JSON.parse('{"__proto__": {"polluted": true}, "name": "s3cret-key-value"}') as Record<string, unknown>;
    const out = redactValue(value, r);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(out['name']).toBe('[redacted]');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a secret learnt later (a token) is hidden too', () => {
    const r = createRedactor(['abcd']);
    r.add('a-token-that-arrived-later');
    expect(redactValue({a: 'x a-token-that-arrived-later'}, r)).toEqual({a: 'x [redacted]'});
  });
});
