import {describe, expect, it} from 'vitest';
import {decodeBasicHeader, looksLikeBasicHeader} from '../../src/secrets/basic-header.js';
import {parseCredentialLines} from '../../src/secrets/stdin-credentials.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('the MyApps Basic header', () => {
  it('decodes "Basic x" and "Authorization: Basic x", splitting at the first colon', () => {
    expect(decodeBasicHeader(`Basic ${b64('my-id:my-secret')}`)).toEqual({clientId: 'my-id', clientSecret: 'my-secret'});
    expect(decodeBasicHeader(`Authorization: Basic ${b64('my-id:a:b c+%/')}`)).toEqual({clientId: 'my-id', clientSecret: 'a:b c+%/'});
    expect(decodeBasicHeader(`  authorization:basic   ${b64('id:s')}\n`)).toEqual({clientId: 'id', clientSecret: 's'});
    expect(looksLikeBasicHeader('Basic abc')).toBe(true);
    expect(looksLikeBasicHeader('Authorization: Bearer x')).toBe(true);
    expect(looksLikeBasicHeader('my-client-id')).toBe(false);
  });

  it('refuses clearly what is not id:secret, without echoing what it decoded to', () => {
    const cases: Array<[string, RegExp]> = [
      [`Bearer abc.def`, /Bearer access token/],
      [`Basic`, /nothing after "Basic"/],
      [`Basic not*base64!`, /not base64/],
      [`Basic ${b64('no-colon-here')}`, /there is no ":"/],
      [`Basic ${b64(':secret')}`, /empty client id/],
      [`Basic ${b64('id:')}`, /client id "id" with an empty client secret/],
      [`Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0x41]).toString('base64')}`, /does not decode to text/],
      [`Basic ${b64('id:sec\u0007ret')}`, /control characters/],
    ];
    for (const [value, message] of cases) {
      expect(() => decodeBasicHeader(value), value).toThrow(message);
    }
    try {
      decodeBasicHeader(`Basic ${b64('nocolonsecretvalue')}`);
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('nocolonsecretvalue');
    }
  });

  it('stdin: the header then the API key, or AUTHORIZATION= among KEY=VALUE lines', () => {
    expect(parseCredentialLines(`Basic ${b64('id:s')}\nKEY\n`)).toEqual({clientId: 'id', clientSecret: 's', apiKey: 'KEY', fromHeader: true});
    expect(parseCredentialLines(`BTALK_AUTHORIZATION=Basic ${b64('id:s')}\nBTALK_API_KEY=KEY\n`)).toEqual({clientId: 'id', clientSecret: 's', apiKey: 'KEY', fromHeader: true});
    expect(() => parseCredentialLines(`Basic ${b64('id:s')}\nsecret\nKEY\n`)).toThrow(/expected 2/);
  });
});
