/**
 * How a fuzzed answer travels: the body's bytes (JSON, cut short, with invalid UTF-8, in another
 * encoding, not JSON at all, nested past any parser's comfort), its status and headers (wrong
 * content types, odd X-Total-Count, hostile request ids, Retry-After and Content-Length), and
 * whether the connection delivers it at all.
 */
import fc from 'fast-check';
import {FUZZ_SECRETS} from './secrets.js';
import {FORGED, mutated, mutationArb} from './values.js';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** 'whole' sends the answer; the others fail the connection the way got reports it. */
  wire: 'whole' | 'reset' | 'timeout' | 'truncated';
  /** What this reply holds (see TAGS), so a test can show each kind of damage was served. */
  tags: string[];
}

/** The kinds of damage every endpoint's cases must include. */
export const TAGS = ['mutated', 'error-status', 'cut', 'bad-utf8', 'not-json', 'other-encoding', 'empty', 'deep', 'huge', 'lone-surrogate', 'secret', 'forged-line', 'wrong-type', 'connection'] as const;

function tagsOf(reply: Omit<Reply, 'tags'>, form: Form, mutations: number, deep: boolean): string[] {
  const text = Buffer.from(reply.body).toString('latin1');
  const tags = [
    mutations > 0 && 'mutated',
    reply.status >= 300 && 'error-status',
    form.form === 'cut' && 'cut',
    form.form === 'bad-utf8' && 'bad-utf8',
    (form.form === 'text' || form.form === 'trailing' || form.form === 'bom') && 'not-json',
    form.form === 'encoding' && 'other-encoding',
    reply.body.byteLength === 0 && 'empty',
    (deep || form.form === 'deep-root') && 'deep',
    !deep && form.form !== 'deep-root' && reply.body.byteLength > 16 * 1024 && 'huge',
    /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i.test(text) && 'lone-surrogate',
    FUZZ_SECRETS.values.some((s) => text.includes(s)) && 'secret',
    text.includes(FORGED) && 'forged-line',
    !/json/.test(reply.headers['content-type'] ?? 'json') && 'wrong-type',
    reply.wire !== 'whole' && 'connection',
  ];
  return tags.filter((t): t is string => typeof t === 'string');
}

function nested(depth: number, shape: string): string {
  return shape === 'a' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"d":'.repeat(depth)}null${'}'.repeat(depth)}`;
}

/** JSON text of the value, deep markers written out (two at most, so a repeated one stays small). */
export function jsonText(value: unknown): {text: string; deep: boolean} {
  let deep = 0;
  const text = (JSON.stringify(value) ?? '').replace(/"\\u0001DEEP(\d+)([ao])\\u0001"/g, (_, depth: string, shape: string) => (deep++ < 2 ? nested(Number(depth), shape) : 'null'));
  return {text, deep: deep > 0};
}

const BAD_UTF8 = [[0xff], [0xc3], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xef, 0xbf]];

const NOT_JSON = [
  '<html><body><h1>502 Bad Gateway</h1></body></html>',
  '<?xml version="1.0"?><error><code>41</code></error>',
  '<!DOCTYPE html><title>\u001b]0;owned\u0007</title>',
  'OK',
  'undefined',
  'NaN',
  "{'a': 1}",
  '{"a": 1,}',
  '[1, 2',
  '{"voiceSiteId": "1", "voiceSiteId": 2}',
  'null',
  '"just a string"',
  '42',
  'true',
  '[]',
  '{}',
  '\u0000',
  `Internal error\n${FORGED}: \u001b[2J`,
  FUZZ_SECRETS.credentials.apiKey,
];

type Form =
  | {form: 'json'}
  | {form: 'cut'; at: number}
  | {form: 'bad-utf8'; at: number; bytes: number[]}
  | {form: 'text'; text: string}
  | {form: 'encoding'; encoding: 'utf16le' | 'latin1'}
  | {form: 'bom'}
  | {form: 'trailing'; text: string}
  | {form: 'deep-root'; depth: number; shape: 'a' | 'o'; closed: boolean};

const formArb: fc.Arbitrary<Form> = fc.oneof(
  {arbitrary: fc.constant({form: 'json' as const}), weight: 30},
  {arbitrary: fc.record({form: fc.constant('cut' as const), at: fc.nat()}), weight: 2},
  {arbitrary: fc.record({form: fc.constant('bad-utf8' as const), at: fc.nat(), bytes: fc.constantFrom(...BAD_UTF8)}), weight: 2},
  {arbitrary: fc.record({form: fc.constant('text' as const), text: fc.oneof(fc.constantFrom(...NOT_JSON), fc.string({unit: 'binary'}))}), weight: 2},
  {arbitrary: fc.record({form: fc.constant('encoding' as const), encoding: fc.constantFrom<'utf16le' | 'latin1'>('utf16le', 'latin1')}), weight: 1},
  {arbitrary: fc.constant({form: 'bom' as const}), weight: 1},
  {arbitrary: fc.record({form: fc.constant('trailing' as const), text: fc.constantFrom(' garbage', '\u0000', '}', ',', ' {}')}), weight: 1},
  {
    arbitrary: fc.record({form: fc.constant('deep-root' as const), depth: fc.integer({min: 10_000, max: 12_000}), shape: fc.constantFrom<'a' | 'o'>('a', 'o'), closed: fc.boolean()}),
    weight: 1,
  },
);

function bytesOf(text: string, form: Form): Uint8Array {
  switch (form.form) {
    case 'json':
      return Buffer.from(text);
    case 'cut': {
      const bytes = Buffer.from(text);
      return bytes.subarray(0, bytes.length === 0 ? 0 : form.at % bytes.length);
    }
    case 'bad-utf8': {
      const bytes = Buffer.from(text);
      const at = bytes.length === 0 ? 0 : form.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(form.bytes), bytes.subarray(at)]);
    }
    case 'text':
      return Buffer.from(form.text);
    case 'encoding':
      return Buffer.from(text, form.encoding);
    case 'bom':
      return Buffer.from(`\ufeff${text}`);
    case 'trailing':
      return Buffer.from(text + form.text);
    case 'deep-root': {
      const open = form.shape === 'a' ? '['.repeat(form.depth) : '{"d":'.repeat(form.depth);
      return Buffer.from(form.closed ? nested(form.depth, form.shape) : open);
    }
  }
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, {freq: 2, nil: undefined});

const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=iso-8859-1', 'text/html', 'text/plain', 'application/xml', 'application/problem+json', '', 'garbage;;;=');
const totalCount = fc.oneof(
  fc.constantFrom('0', '1', '2', '3', '5', '6', '1000', '1001', '-1', '+3', ' 4 ', '3.0', '1e3', '0x10', 'NaN', '', '99999999999999999999', '9007199254740993', '2, 3', '1000000', '1000001'),
  fc.nat({max: 3000}).map(String),
  fc.string({maxLength: 6}),
);
const requestId = fc.oneof(
  fc.constantFrom('req-0001', '\u001b]0;owned\u0007', '\u009b31m', '\u202eevil', `id\n${FORGED}`, 'x'.repeat(10_000), ''),
  fc.constantFrom(...FUZZ_SECRETS.reflections),
  fc.string({unit: 'binary-ascii', maxLength: 40}),
);
const retryAfter = fc.constantFrom('0', '1', '3600', '-1', 'abc', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', '99999999999999999999', '1.5', '');
const contentLength = fc.constantFrom('0', '1', '99999999999', '-1', 'abc', '1e9');

const headersArb = fc.record(
  {
    'content-type': optional(contentType),
    'x-total-count': optional(totalCount),
    'x-oapi-request-id': optional(requestId),
    'retry-after': fc.option(retryAfter, {freq: 6, nil: undefined}),
    'content-length': fc.option(contentLength, {freq: 12, nil: undefined}),
  },
  {requiredKeys: []},
).map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

const wireArb = fc.oneof({arbitrary: fc.constant('whole' as const), weight: 30}, fc.constantFrom('reset' as const, 'timeout' as const, 'truncated' as const));

export const SUCCESS_STATUSES = fc.oneof({arbitrary: fc.constant(200), weight: 10}, fc.constantFrom(201, 202, 203, 204, 206, 299));
export const ERROR_STATUSES = fc.oneof(
  {arbitrary: fc.constantFrom(300, 301, 302, 304, 307, 400, 401, 403, 404, 405, 406, 409, 413, 415, 418, 422, 429, 451, 500, 501, 502, 503, 504, 599), weight: 4},
  {arbitrary: fc.integer({min: 300, max: 599}), weight: 1},
);

/** A reply built from a valid value: 0-4 mutations, then a body form, a status and headers. */
export function replyArb(valid: fc.Arbitrary<unknown>, status: fc.Arbitrary<number>): fc.Arbitrary<Reply> {
  return fc
    .record({value: valid, mutations: fc.array(mutationArb, {maxLength: 4}), form: formArb, status, headers: headersArb, wire: wireArb})
    .map(({value, mutations, form, status, headers, wire}) => {
      const json = jsonText(mutated(value, mutations));
      const reply = {status, headers, body: bytesOf(json.text, form), wire};
      return {...reply, tags: tagsOf(reply, form, mutations.length, json.deep)};
    });
}

/** Error bodies as Orange's gateways, the Business Talk reference and OAuth write them. */
export const errorBodies: fc.Arbitrary<unknown> = (() => {
  const code = fc.oneof(fc.constantFrom(20, 23, 28, 40, 41, 42, 50, 53, 60, 0, -1, 999_999), fc.constantFrom('41', '53', '60', '4x'));
  const item = fc.record({code, message: fc.constantFrom('Invalid credentials', 'Too many requests', 'Resource not found'), description: fc.constantFrom('The requested service needs credentials.', 'Check the request.')}, {requiredKeys: []});
  return fc.oneof(
    item,
    fc.array(item, {minLength: 1, maxLength: 3}),
    fc.record({error: fc.constantFrom('invalid_client', 'invalid_grant', 'unsupported_grant_type'), error_description: fc.constantFrom('Client authentication failed.', '')}, {requiredKeys: ['error']}),
  );
})();
