/**
 * The bundle's string-width (scripts/string-width-simple.mjs, applied by scripts/build.mjs) against
 * the package as published: the same width for every Basic Multilingual Plane code point, alone and
 * among others, with both East Asian Width settings, and the simple-text path taken only by
 * characters that are each their own grapheme cluster.
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
type Width = (s: string, o?: {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean}) => number;
type Patch = {patchStringWidth: (text: string, file: string) => string; simpleText: string};
const patchModule = path.join(root, 'scripts/string-width-simple.mjs');

/** A patched copy of a string-width index.js in a temporary folder, its imports pointed at the originals. */
async function patchedCopy(dir: string, file: string, name: string): Promise<Width> {
  const {patchStringWidth} = (await import(pathToFileURL(patchModule).href)) as Patch;
  const require = createRequire(file);
  let text = patchStringWidth(await readFile(file, 'utf8'), file);
  for (const dep of ['strip-ansi', 'get-east-asian-width', 'emoji-regex']) {
    text = text.replace(`from '${dep}'`, () => `from '${pathToFileURL(require.resolve(dep)).href}'`);
  }
  const out = path.join(dir, name);
  await writeFile(out, text);
  return ((await import(pathToFileURL(out).href)) as {default: Width}).default;
}

describe("the bundle's string-width", () => {
  let dir: string;
  let patched: Width;
  let simple: RegExp;
  const segmenter = new Intl.Segmenter();
  const clusters = (s: string) => [...segmenter.segment(s)].length;
  const bmp: string[] = [];
  for (let cp = 0x20; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) bmp.push(String.fromCodePoint(cp));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'btalk-string-width-'));
    patched = await patchedCopy(dir, path.join(root, 'node_modules/string-width/index.js'), 'eight.mjs');
    const {simpleText} = (await import(pathToFileURL(patchModule).href)) as Patch;
    simple = eval(simpleText) as RegExp;
  });
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  it('gives the published width of every BMP code point, with ambiguous characters narrow and wide', () => {
    const differ = bmp.filter((c) => patched(c) !== stringWidth(c) || patched(c, {ambiguousIsNarrow: false}) !== stringWidth(c, {ambiguousIsNarrow: false}));
    expect(differ.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
  });

  it('takes the simple path only for characters that never join a grapheme cluster', () => {
    const taken = bmp.filter((c) => simple.test(c));
    // The wizard's own characters are among them (the reason for the path), marks and emoji are not.
    expect(taken).toEqual(expect.arrayContaining(['…', '›', '✓', '✗', '↑', '↓', '·', '⚠', '⏎', '•', 'é', '─']));
    expect(['\u0301', '\u200d', '\u00ad', '\ufe0f', '⌚', '\u1100', '\u0d4e', '\u0903'].filter((c) => simple.test(c))).toEqual([]);
    // No break is forbidden before it (a mark, a joiner), after it (a prepend) or between two of
    // it (regional indicators, Hangul jamo): then every one is its own cluster in any simple text.
    const joining = taken.filter((c) => clusters(`a${c}`) !== 2 || clusters(`${c}a`) !== 2 || clusters(`${c}${c}`) !== 2);
    expect(joining.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
  });

  it('gives the published width of mixed texts, ANSI codes, emoji, marks and jamo included', () => {
    const samples = ['…', '›', '✓ ok', 'é', 'e\u0301', '👍🏽', '⚠\ufe0f', '1\ufe0f\u20e3', '\u1100\u1161\u11a8', '가각', '\u0d4eക', '🇫🇷', '\u001b[1mgras\u001b[22m ✓', '\u00ad', '中文', '＀ｶﾞ'];
    const alphabet = fc.constantFrom(...samples, 'a', ' ', 'Z', '~', '─', '·', '\t', '\u200d');
    fc.assert(
      fc.property(fc.array(alphabet, {maxLength: 12}), fc.boolean(), fc.boolean(), (parts, narrow, countAnsi) => {
        const text = parts.join('');
        const options = {ambiguousIsNarrow: narrow, countAnsiEscapeCodes: countAnsi};
        expect(patched(text, options)).toBe(stringWidth(text, options));
      }),
      {numRuns: 2000},
    );
  });

  it('measures a text of a million characters on either path without running out of stack', () => {
    expect(patched('…'.repeat(1_000_000))).toBe(1_000_000);
    expect(patched(`a${'\u0301'.repeat(1_000_000)}`)).toBe(1);
  });

  it("gives wrap-ansi's string-width 7 its published widths: every BMP code point, mixed texts, a text-presentation emoji", async () => {
    const file = path.join(root, 'node_modules/wrap-ansi/node_modules/string-width/index.js');
    const seven = await patchedCopy(dir, file, 'seven.mjs');
    const original = ((await import(pathToFileURL(file).href)) as {default: Width}).default;
    const {simpleText7} = (await import(pathToFileURL(patchModule).href)) as Patch & {simpleText7: string};
    const simple7 = eval(simpleText7) as RegExp;
    expect(bmp.filter((c) => simple7.test(c) && !simple.test(c))).toEqual([]);
    expect(['⚠', '©', '↔', '…', '✓'].map((c) => simple7.test(c))).toEqual([false, false, false, true, true]);
    const differ = bmp.filter((c) => seven(c) !== original(c) || seven(c, {ambiguousIsNarrow: false}) !== original(c, {ambiguousIsNarrow: false}));
    expect(differ.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
    expect(seven('⚠ ok')).toBe(original('⚠ ok'));
    const alphabet = fc.constantFrom('…', '›', '✓ ok', 'é', 'e\u0301', '👍🏽', '⚠', '©', '1\ufe0f\u20e3', '\u1100\u1161', '🇫🇷', '\u001b[1mgras\u001b[22m ✓', '中文', 'a', ' ', '\t', '\u200d');
    fc.assert(
      fc.property(fc.array(alphabet, {maxLength: 12}), fc.boolean(), (parts, narrow) => {
        expect(seven(parts.join(''), {ambiguousIsNarrow: narrow})).toBe(original(parts.join(''), {ambiguousIsNarrow: narrow}));
      }),
      {numRuns: 1000},
    );
    expect(await readFile(path.join(dir, 'seven.mjs'), 'utf8')).not.toMatch(/^const segmenter = new Intl\.Segmenter\(\);$/m);
  });

  it('refuses a string-width that no longer looks as expected', async () => {
    const {patchStringWidth} = (await import(pathToFileURL(patchModule).href)) as Patch;
    const text = await readFile(path.join(root, 'node_modules/string-width/index.js'), 'utf8');
    expect(() => patchStringWidth(text.replace('const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'const rgiEmojiRegex = /x/;'), 'index.js')).toThrow(/no longer has/);
  });
});
