/**
 * string-width 8 (Ink's and btalk's measure of a text's columns) builds an Intl.Segmenter and a
 * /^\p{RGI_Emoji}$/v as its module loads, and runs that regular expression on the first text with
 * any character beyond printable ASCII (a "…", "›" or "✓" in the wizard's first frame): ICU's
 * start-up (8 to 13 ms), the expression's parse (13 to 14 ms) and its compilation (15 ms) on the
 * main thread before the wizard's first frame. Both are made on first use instead, and a text made
 * only of printable ASCII and of Basic Multilingual Plane characters that are each their own
 * grapheme cluster and never an emoji alone (`simpleText` below) is measured code point by code
 * point, with the same East Asian Width the segmenting path gives such a cluster. Every other text
 * takes string-width's own path. test/build/string-width-simple.test.ts holds the two paths to the
 * same answers for every BMP code point and for mixed texts.
 */
import {replaceOnce} from './replace-once.mjs';

/**
 * Characters excluded from the fast path: marks (they join the cluster before them), controls,
 * formats, surrogates and default-ignorable code points (zero width there), emoji-presentation
 * characters and regional indicators (emoji alone or in pairs), Hangul jamo (they join one
 * another), U+0D4E (a Prepend: it joins the cluster after it), U+0E33, U+0EB3, U+FF9E and U+FF9F
 * (letters that join the cluster before them), and the astral planes.
 */
export const simpleText = String.raw`/^[\u0020-\u007E[[\u00A0-\uFFFF]--[\p{Mn}\p{Me}\p{Mc}\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Regional_Indicator}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u0D4E\u0E33\u0EB3\uFF9E\uFF9F]]]*$/v`;

/**
 * string-width 7 (wrap-ansi's own copy) counts any text that emoji-regex matches as 2 columns, and
 * emoji-regex also matches characters of text presentation alone ("⚠", "©"): its fast path leaves
 * out every \p{Emoji} character besides, and the whole of the blocks of combining marks it counts as
 * zero width, their unassigned code points included.
 */
export const simpleText7 = simpleText.replace(String.raw`\p{Emoji_Presentation}`, String.raw`\p{Emoji}\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F`);

const lazySegmenter = 'let segmenterMade;\nconst segmenter = {segment: (s) => (segmenterMade ??= new Intl.Segmenter()).segment(s)};';
const fastPath = [
  '\tlet width = 0;\n\tconst eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};\n',
  '\tlet width = 0;\n\tconst eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};\n\n\tif (simpleTextRegex.test(string)) {\n\t\tfor (const character of string) {\n\t\t\twidth += eastAsianWidth(character.codePointAt(0), eastAsianWidthOptions);\n\t\t}\n\n\t\treturn width;\n\t}\n',
];
const replacements = (simple) => [
  ['const segmenter = new Intl.Segmenter();', `${lazySegmenter}\nconst simpleTextRegex = ${simple};`],
  ...(simple === simpleText ? [['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', "let rgiEmojiMade;\nconst rgiEmojiRegex = {test: (s) => (rgiEmojiMade ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(s)};"]] : []),
  fastPath,
];

/** string-width/index.js with the changes above; throws if it no longer looks as expected. */
export function patchStringWidth(text, file) {
  const seven = text.includes("import emojiRegex from 'emoji-regex';");
  let out = text;
  for (const [from, to] of replacements(seven ? simpleText7 : simpleText)) {
    out = replaceOnce(out, from, to, file, 'string-width no longer has each text scripts/string-width-simple.mjs replaces once; check how it measures a text');
  }
  if (!/\bsegmenter\.segment\(/.test(text) || (!seven && (out.match(/\brgiEmojiRegex\b/g) ?? []).length !== 2)) {
    throw new Error(`${file}: string-width no longer uses its segmenter and emoji expression as scripts/string-width-simple.mjs expects`);
  }
  return out;
}
