import {describe, expect, it} from 'vitest';
import {basicAuthorization, formUrlEncode} from '../../src/api/basic-auth.js';

function decode(header: string): string {
  return Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
}

describe('Basic client authentication (RFC 6749 2.3.1)', () => {
  it('form-urlencodes id and secret before joining them with ":"', () => {
    expect(decode(basicAuthorization('my id', 'a+b%c:d/e f'))).toBe('my+id:a%2Bb%25c%3Ad%2Fe+f');
  });

  it('leaves plain values as they are', () => {
    expect(basicAuthorization('client', 'secret')).toBe(`Basic ${Buffer.from('client:secret').toString('base64')}`);
  });

  it('keeps the only unencoded ":" as the separator, so a server splits at the right place', () => {
    const joined = decode(basicAuthorization('id:with:colons', 'secret:too'));
    expect(joined.split(':')).toHaveLength(2);
    const [id, secret] = joined.split(':').map((p) => decodeURIComponent(p.replace(/\+/g, ' ')));
    expect(id).toBe('id:with:colons');
    expect(secret).toBe('secret:too');
  });

  it('round-trips non-ASCII characters as UTF-8', () => {
    expect(decodeURIComponent(formUrlEncode('clé€'))).toBe('clé€');
  });
});
