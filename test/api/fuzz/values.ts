/**
 * What the fuzz test puts inside a valid answer: values of the wrong type, hostile and huge text,
 * lone surrogates, keys that collide with Object's own, secrets reflected back, and deep nesting.
 * A mutation picks a place in the valid value (any depth, the root too) and deletes, replaces,
 * adds beside, wraps or repeats what is there.
 */
import fc from 'fast-check';
import {FUZZ_SECRETS} from './secrets.js';

/** Put where a string may land at the start of a line: no rendered error line may start with it. */
export const FORGED = 'FORGED-LINE';

/** Stands for a value nested `depth` levels deep; wire.ts writes it out (JSON.stringify cannot). */
export function deepMarker(depth: number, shape: 'a' | 'o'): string {
  return `\u0001DEEP${depth}${shape}\u0001`;
}

const HOSTILE_TEXT = [
  '\u001b]0;owned\u0007',
  '\u001b]52;c;ZWNobyBwd25lZA==\u0007',
  '\u001b]8;;http://evil.invalid\u001b\\link\u001b]8;;\u001b\\',
  '\u001b[2J\u001b[H',
  '\u009b31mred',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  'tab\there',
  'bell\u0007\b\b\b',
  'cr\roverwrite',
  `\n${FORGED}`,
  `\r\n${FORGED}`,
  `\u2028${FORGED}`,
  'nul\u0000byte',
  '\u007fdel',
  '=HYPERLINK("http://evil.invalid")',
  'Basic office',
  'access_token: missing',
];

const LONE_SURROGATES = fc.integer({min: 0xd800, max: 0xdfff}).map((c) => String.fromCharCode(c));

const text: fc.Arbitrary<string> = fc.oneof(
  {arbitrary: fc.string(), weight: 3},
  {arbitrary: fc.string({unit: 'binary'}), weight: 2},
  {arbitrary: fc.string({unit: 'binary-ascii'}), weight: 2},
  {arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 4},
  {arbitrary: fc.tuple(fc.string({maxLength: 3}), LONE_SURROGATES, fc.string({maxLength: 3})).map((p) => p.join('')), weight: 2},
  {arbitrary: fc.constantFrom(...FUZZ_SECRETS.reflections), weight: 2},
  {arbitrary: fc.constantFrom('', ' ', '0', '3600', '-1', '1e3', 'null', 'true', 'Yes', 'yes ', 'readonly', 'FR', 'fr', 'F'), weight: 2},
);

const hugeText = fc.tuple(fc.integer({min: 1_000, max: 40_000}), fc.constantFrom('x', '\u001b', 'é', '\u{1f600}', '\u202e')).map(([n, c]) => c.repeat(n));

const numberValue = fc.oneof(
  fc.integer(),
  fc.double({noNaN: true, noDefaultInfinity: true}),
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 53 + 2, 1e21, 1e308, -1e308, 5e-324),
);

export const keyArb: fc.Arbitrary<string> = fc.oneof(
  {arbitrary: fc.string({maxLength: 8}), weight: 2},
  {arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'then', 'length'), weight: 3},
  {arbitrary: fc.constantFrom('voiceSiteId', 'technicalSiteName', 'customerCode', 'vpnId', 'name', 'code', 'message', 'description', 'error', 'error_description', 'access_token', 'expires_in', 'coverage', 'businessTalkOnline', 'iso2', 'rightsProfile'), weight: 2},
  {arbitrary: text.filter((t) => t.length < 100), weight: 1},
);

const deep = fc.tuple(fc.integer({min: 10_000, max: 12_000}), fc.constantFrom<'a' | 'o'>('a', 'o')).map(([n, shape]) => deepMarker(n, shape));

/** A value of any JSON type, weighted towards the ones that break parsers and renderers. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  {arbitrary: fc.constant(null), weight: 3},
  {arbitrary: fc.boolean(), weight: 1},
  {arbitrary: numberValue, weight: 2},
  {arbitrary: text, weight: 14},
  {arbitrary: fc.jsonValue({maxDepth: 3}), weight: 2},
  {arbitrary: fc.array(text, {maxLength: 4}), weight: 1},
  {arbitrary: fc.dictionary(keyArb, fc.jsonValue({maxDepth: 2}), {maxKeys: 4}), weight: 1},
  // Heavy values are a few percent of the cases: enough to meet each endpoint, cheap in all.
  {arbitrary: fc.oneof(hugeText, fc.integer({min: 1_000, max: 5_000}).map((n) => Array.from({length: n}, (_, i) => i)), deep), weight: 1},
);

export type Mutation =
  | {op: 'delete'; at: number}
  | {op: 'replace'; at: number; value: unknown}
  | {op: 'add'; at: number; key: string; value: unknown}
  | {op: 'wrap'; at: number}
  | {op: 'repeat'; at: number; times: number};

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({op: fc.constant('delete' as const), at: fc.nat()}),
  fc.record({op: fc.constant('replace' as const), at: fc.nat(), value: weirdValue}),
  fc.record({op: fc.constant('add' as const), at: fc.nat(), key: keyArb, value: weirdValue}),
  fc.record({op: fc.constant('wrap' as const), at: fc.nat()}),
  fc.record({op: fc.constant('repeat' as const), at: fc.nat(), times: fc.oneof({arbitrary: fc.integer({min: 2, max: 3}), weight: 19}, {arbitrary: fc.integer({min: 999, max: 1_100}), weight: 1})}),
);

type Path = Array<string | number>;

/** Places a mutation may pick, the root first, breadth first: the first few hundred (a huge array has more). */
function pathsOf(value: unknown, max = 300): Path[] {
  const out: Path[] = [];
  const queue: Array<{v: unknown; path: Path}> = [{v: value, path: []}];
  for (let i = 0; i < queue.length && out.length < max; i++) {
    const {v, path} = queue[i]!;
    out.push(path);
    if (typeof v !== 'object' || v === null) continue;
    for (const [k, item] of Object.entries(v).slice(0, max)) queue.push({v: item, path: [...path, Array.isArray(v) ? Number(k) : k]});
  }
  return out;
}

function clone(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

/** A copy of `item` whose ids differ, so that repeated list items are not mere duplicates. */
function variant(item: unknown, i: number): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return clone(item);
  // A spread copies "__proto__" as an own property; nested values are shared (the copy is ours).
  const out: Record<string, unknown> = {...item};
  for (const [k, v] of Object.entries(item)) if (/Id$|Code$|Name$/.test(k) && (typeof v === 'string' || typeof v === 'number')) setOwn(out, k, `${v}-${i}`);
  return out;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // An own property even for "__proto__", as JSON.parse makes it.
  Object.defineProperty(target, key, {value, enumerable: true, writable: true, configurable: true});
}

/**
 * The value with the mutations applied. The input and the mutations' values are not changed
 * (fast-check keeps them to shrink a failing case): they are copied as they are put in.
 */
export function mutated(value: unknown, mutations: Mutation[]): unknown {
  const root = {v: clone(value)};
  for (const m of mutations) mutateInPlace(root, m);
  return root.v;
}

function mutateInPlace(root: {v: unknown}, m: Mutation): void {
  const paths = pathsOf(root.v);
  const path = paths[m.at % paths.length] ?? [];
  const fullPath: Path = ['v', ...path];
  let parent: Record<string | number, unknown> = root as Record<string, unknown>;
  for (const part of fullPath.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const key = fullPath[fullPath.length - 1] as string | number;
  const here = parent[key];
  const put = (v: unknown) => (Array.isArray(parent) ? (parent[key as number] = v) : setOwn(parent as Record<string, unknown>, String(key), v));
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'replace':
      put(clone(m.value));
      break;
    case 'add':
      if (Array.isArray(here)) here.push(clone(m.value));
      else if (typeof here === 'object' && here !== null) setOwn(here as Record<string, unknown>, m.key, clone(m.value));
      else put(Object.defineProperty({}, m.key, {value: clone(m.value), enumerable: true, writable: true, configurable: true}));
      break;
    case 'wrap':
      put([here]);
      break;
    case 'repeat': {
      // Thousands of small items, a few of a large one: bodies stay within a few megabytes.
      const times = (JSON.stringify(here)?.length ?? 0) > 2_000 ? Math.min(m.times, 3) : m.times;
      put(Array.from({length: times}, (_, i) => (Array.isArray(here) && here.length > 0 ? variant(here[i % here.length], i) : variant(here, i))));
      break;
    }
  }
}
