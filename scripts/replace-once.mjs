/**
 * The build's edits of its dependencies' files (scripts/build.mjs, scripts/string-width-simple.mjs)
 * are made on text they expect to find: each step names the file and what the edit expects, and
 * fails the build when the text is not there as many times as it should be, rather than bundling
 * a file the edit silently missed.
 */

import {readFile} from 'node:fs/promises';

/** The first non-blank line of a searched text, for messages. */
const shown = (part) => JSON.stringify(part.trim().split('\n')[0]);

/** How many times `part` occurs in `text` (occurrences that do not overlap). */
const occurrences = (text, part) => {
  if (part === '') throw new Error('scripts/replace-once.mjs: the text to find is empty');
  return text.split(part).length - 1;
};

/** Throws, naming `file` and `what`, unless `part` occurs exactly once in `text`. */
export function expectOnce(text, part, file, what) {
  const found = occurrences(text, part);
  if (found !== 1) throw new Error(`${file}: ${what} (${shown(part)} occurs ${found} times, not once)`);
}

/** `text` with its one occurrence of `from` replaced by `to` (taken literally, `$` included); throws as expectOnce does. */
export function replaceOnce(text, from, to, file, what) {
  expectOnce(text, from, file, what);
  return text.replace(from, () => to);
}

/** `text` with every occurrence of `from` replaced by `to`; throws, naming `file` and `what`, when there is none. */
export function replaceEvery(text, from, to, file, what) {
  if (occurrences(text, from) === 0) throw new Error(`${file}: ${what} (${shown(from)} does not occur)`);
  return text.replaceAll(from, () => to);
}

/** Throws, naming `file` and `what`, if `part` still occurs in `text` (a use an edit did not move). */
export function expectNone(text, part, file, what) {
  const found = occurrences(text, part);
  if (found !== 0) throw new Error(`${file}: ${what} (${shown(part)} still occurs ${found} times)`);
}

/** An esbuild plugin that bundles each file matching `filter` as `edit(text, file)` returns it, as JavaScript. */
export function editedFiles(name, filter, edit) {
  return {
    name,
    setup(build) {
      build.onLoad({filter}, async (args) => ({contents: edit(await readFile(args.path, 'utf8'), args.path), loader: 'js'}));
    },
  };
}
