#!/usr/bin/env node
/**
 * `npm run build`: one esbuild bundle of the CLI in dist/ (ESM, Node 20, minified, source maps).
 * React and Ink run their production builds (NODE_ENV=production is compiled in). The native
 * keyring binding stays a runtime import (it is a .node file per platform). Modules that only some
 * commands need (Ink and the screens, the emulator) are split into chunks loaded on first use, so
 * `btalk --version` does not parse the wizard. `--bench` also bundles the benchmark (bench/) into
 * dist/bench/run.js.
 */
import {chmod, readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {builtinsOnFirstUse} from './builtins-on-first-use.mjs';
import {editedFiles, expectOnce, replaceEvery, replaceOnce} from './replace-once.mjs';
import {patchStringWidth} from './string-width-simple.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bench = process.argv.includes('--bench');

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: true,
  splitting: true,
  legalComments: 'linked',
  logLevel: 'warning',
  define: {'process.env.NODE_ENV': '"production"'},
  // The keyring binding loads a platform .node file; react-devtools-core is Ink's optional
  // development-only import (loaded only when DEV=true, and reported by Ink when it is missing).
  // @pnpm/tabtab reads its completion script templates from files beside its own code.
  external: ['@napi-rs/keyring', 'react-devtools-core', '@pnpm/tabtab'],
  // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
  banner: {js: "import{createRequire as __btalkCreateRequire}from'node:module';const require=__btalkCreateRequire(import.meta.url);"},
  chunkNames: 'chunks/[name]-[hash]',
  absWorkingDir: root,
};

/**
 * yoga-layout (Ink's layout engine) carries its WebAssembly as a base64 data: URL and, whenever a
 * global fetch exists, reads it with fetch(). In Node that loads undici, Node's whole fetch
 * implementation, only to decode the string: 0.15 to 0.6 s of the wizard's start on a busy
 * machine. Its own synchronous decoding path is taken instead, as it is where fetch is missing,
 * with Node's base64 decoder in place of atob and a copy (the module still compiles with the
 * asynchronous WebAssembly.instantiate, off the main thread).
 */
const yogaWithoutFetch = editedFiles('yoga-without-fetch', /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/][^\\/]+\.js$/, (text, file) => {
  const withoutFetch = replaceEvery(text, '"function"!=typeof fetch', '!0', file, 'yoga-layout no longer tests for fetch as scripts/build.mjs expects; check how it loads its WebAssembly');
  // That path decodes the base64 with atob into a string, then copies it byte by byte: 4 to
  // 5 ms for its 95 kB; Node's own decoder gives the same bytes in under 0.5 ms.
  const decode = 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c';
  const decoded = 'var b=Buffer.from(a.slice(37),"base64"),d=new Uint8Array(b.buffer,b.byteOffset,b.length)';
  return replaceOnce(withoutFetch, decode, decoded, file, 'yoga-layout no longer decodes its WebAssembly with atob as scripts/build.mjs expects; check its wa()');
});
/**
 * Ink writes every frame through @alcalzone/ansi-tokenize's styledCharsToString, which diffs the
 * styles of each character with those of the one before it: three Sets and four arrays a
 * character, about 2 MB of garbage for one 80x24 frame (220 MB over the benchmark's 66 keys on the
 * 10,000-VPN list), whose collection grows V8's young generation and the wizard's memory. Two
 * characters with the same styles have an empty diff, so it is skipped for them, as
 * ansi-tokenize 0.3.2 does (Ink 6 takes 0.2.x): the same text comes out.
 */
const styledCharsRunsWithoutDiff = {
  name: 'styled-chars-runs-without-diff',
  setup(build) {
    build.onLoad({filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const diffed = `        else {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }`;
      // ansi-tokenize 0.3.2 and later skip the diff themselves (isSameStyle).
      if (!text.includes(diffed) && text.includes('isSameStyle')) return {contents: text, loader: 'js'};
      const same = `function sameStyles(from, to) {
    if (from === to) return true;
    if (from.length !== to.length) return false;
    for (let i = 0; i < from.length; i++) {
        if (from[i].code !== to[i].code || from[i].endCode !== to[i].endCode) return false;
    }
    return true;
}
`;
      const skipped = `        else if (!sameStyles(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }`;
      const contents = replaceOnce(text, diffed, skipped, args.path, 'ansi-tokenize no longer diffs every character as scripts/build.mjs expects; check styledCharsToString');
      return {contents: `${contents}\n${same}`, loader: 'js'};
    });
  },
};
/**
 * `import process from 'node:process'` (in Ink's dependencies, got, env-paths) makes Node build
 * that builtin's ES module facade, which reads every property of `process` once, and one of them,
 * `allowedNodeEnvironmentFlags`, builds the set of every Node option when first read: 5 to 13 ms of
 * the wizard's start on this machine, for an object that is the global `process` anyway. Those
 * imports get a module that exports the global instead (an import of a name it lacks fails the
 * build, so nothing can silently read `undefined`).
 */
const processFromGlobal = {
  name: 'process-from-global',
  setup(build) {
    // A require() (commander's) gets the global itself: a module namespace has none of the
    // streams, and commander reads process.stdout to print --help.
    build.onResolve({filter: /^(node:)?process$/}, (args) => ({path: args.kind === 'require-call' ? 'required' : 'imported', namespace: 'process-from-global'}));
    build.onLoad({filter: /^required$/, namespace: 'process-from-global'}, () => ({contents: 'module.exports = globalThis.process;', loader: 'js'}));
    build.onLoad({filter: /^imported$/, namespace: 'process-from-global'}, () => ({
      contents: [
        'const p = globalThis.process;',
        'export default p;',
        // Not the standard streams: reading them creates them, which only their users should do.
        'export const {argv, arch, cwd, env, execArgv, execPath, exit, hrtime, nextTick, pid, platform, version, versions} = p;',
      ].join('\n'),
      loader: 'js',
    }));
  },
};
/**
 * Ink's Output.get lays each frame on a grid of cells, each blank cell a new object with its own
 * empty styles array: 2 x 1,920 objects a frame at 80x24, the largest share of what is left of
 * the garbage while a person types. Nothing changes a cell once made (a written character
 * replaces it), so every blank cell is one shared object. And each frame made its own caches of
 * each line's styled characters and widths, tokenizing every line again at every key: one set
 * now serves the frames, emptied past 600 entries (a few screens of lines).
 */
const outputSharedBlankCell = {
  name: 'output-shared-blank-cell',
  setup(build) {
    build.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const blank = `                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`;
      const shared = `const blankCell = {type: 'char', value: ' ', fullWidth: false, styles: []};\n`;
      const perFrame = '    caches = new OutputCaches();';
      const outputClass = 'export default class Output {';
      const perFrameWhat = 'Ink no longer makes new caches for each frame as scripts/build.mjs expects; check Output';
      // The caches (a line's styled characters, a text's width) are pure functions of the text:
      // one set serves every frame, emptied once it holds more than a few screens of lines.
      const caches = `let framesCaches;
const cachesForFrame = () => {
    const c = framesCaches;
    if (c === undefined || c.styledChars.size + c.widths.size + c.blockWidths.size > 600) framesCaches = new OutputCaches();
    return framesCaches;
};
`;
      let contents = replaceOnce(text, blank, '                row.push(blankCell);', args.path, 'Ink no longer fills a frame with new blank cells as scripts/build.mjs expects; check Output.get');
      contents = replaceOnce(contents, perFrame, '    caches = cachesForFrame();', args.path, perFrameWhat);
      contents = replaceOnce(contents, outputClass, `${caches}${outputClass}`, args.path, perFrameWhat);
      return {contents: shared + contents, loader: 'js'};
    });
  },
};
/**
 * got imports http2-wrapper for its `http2` option, which btalk never sets (src/api/transport.ts
 * sets no HTTP/2 option, and got's default is HTTP/1.1). Loading it costs every command that talks
 * to the API: it loads node:http2, and one of its files builds a TLS socket over a stream at load
 * (to reach Node's JSStreamSocket class), whose TLS secure context takes 5 to 35 ms, before any
 * request and even for plain http://. got's options.js reads the wrapper in two places only, both
 * behind `http2`; it gets a module whose two members throw a clear error instead. Any other import
 * of http2-wrapper, or any other use of it in got, fails the build.
 */
const http2WrapperLeftOut = {
  name: 'http2-wrapper-left-out',
  setup(build) {
    const gotOptions = /[\\/]got[\\/]dist[\\/]source[\\/]core[\\/]options\.js$/;
    build.onResolve({filter: /^http2-wrapper$/}, (args) => {
      if (!gotOptions.test(args.importer)) throw new Error(`${args.importer} imports http2-wrapper; scripts/build.mjs leaves it out of the bundle for got's options.js only`);
      return {path: 'http2-wrapper', namespace: 'http2-wrapper-left-out'};
    });
    build.onLoad({filter: gotOptions}, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const uses = [...text.matchAll(/\bhttp2wrapper\b(\.\w+)?/g)].map((m) => m[0]).sort();
      const expected = ['http2wrapper', 'http2wrapper.Agent', 'http2wrapper.auto', 'http2wrapper.globalAgent'];
      const guarded = ['            if (internals.http2) {\n                // Ensure HTTP/2 agent', '            if (this._internals.http2) {\n                if (major < 15'];
      const what = "got no longer uses http2-wrapper as scripts/build.mjs expects (its globalAgent and auto, behind the http2 option); check got's options";
      for (const part of ["import http2wrapper from 'http2-wrapper';", ...guarded]) expectOnce(text, part, args.path, what);
      if (uses.join() !== expected.join()) throw new Error(`${args.path}: ${what} (it reads ${uses.join(', ') || 'none of it'})`);
      return {contents: text, loader: 'js'};
    });
    build.onLoad({filter: /^http2-wrapper$/, namespace: 'http2-wrapper-left-out'}, () => ({
      contents: [
        'const unsupported = () => Object.assign(new Error("btalk is built without HTTP/2: got\'s http2 option is not supported"), {code: "EUNSUPPORTED"});',
        'export default {',
        '  get globalAgent() { throw unsupported(); },',
        '  get auto() { throw unsupported(); },',
        '};',
      ].join('\n'),
      loader: 'js',
    }));
  },
};
/**
 * string-width 8 makes its segmenter and emoji expression on first use, and measures a text of
 * simple characters without them (scripts/string-width-simple.mjs): they cost the wizard 30 to
 * 40 ms of its main thread before the first frame. string-width 7 (wrap-ansi's own) gets the
 * same, with what its emoji-regex counts as emoji left to its own path.
 */
const stringWidthSimple = editedFiles('string-width-simple', /[\\/]node_modules[\\/]string-width[\\/]index\.js$/, patchStringWidth);
/**
 * cli.tsx's dynamic imports, as the files of the builds beside it. Any other dynamic import in
 * cli.js's own code fails the build: without splitting it would be inlined into every start.
 */
const CLI_IMPORTS = new Map([
  ['./program.js', './program.js'],
  ['./emulator/in-worker.js', './in-worker.js'],
  ['./secrets/keyring-process.js', './keyring-process.js'],
  ['./token-head-start.js', './head-start.js'],
]);
const cliImportsByName = {
  name: 'cli-imports-by-name',
  setup(build) {
    build.onResolve({filter: /.*/}, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const file = path.relative(root, args.importer);
      const to = file === path.join('src', 'cli.tsx') ? CLI_IMPORTS.get(args.path) : undefined;
      if (to === undefined) throw new Error(`${file}: import('${args.path}') is not one of cli.js's imports by name (scripts/build.mjs CLI_IMPORTS); it would be inlined into cli.js`);
      return {path: to, external: true};
    });
  },
};
// Node's https, tls, zlib, assert and child_process load where they are first used (scripts/builtins-on-first-use.mjs).
shared.plugins = [yogaWithoutFetch, styledCharsRunsWithoutDiff, processFromGlobal, outputSharedBlankCell, http2WrapperLeftOut, stringWidthSimple, ...builtinsOnFirstUse];

await rm(path.join(root, 'dist'), {recursive: true, force: true});
// The command tree and what cli.tsx starts ahead of it, split into chunks: each command loads
// what it needs. They are entries (dist/program.js, dist/in-worker.js, dist/keyring-process.js)
// so that cli.js, built apart below, can import them by name.
await esbuild.build({
  ...shared,
  entryPoints: {program: 'src/program.ts', 'in-worker': 'src/emulator/in-worker.ts', 'keyring-process': 'src/secrets/keyring-process.ts'},
  outdir: 'dist',
});
// cli.js as one file: everything it imports statically is inlined, so every command's start reads
// one file where it read eleven (ten chunks shared with the command tree): `btalk --version` in a
// median of 34.2 ms instead of 43.8 (bare node 27.3 ms, 21 interleaved runs). The small modules it
// inlines (errors, the prepaint, early input, the guarded streams...) also have a copy in the
// chunks; they share no state but a registered symbol (text/guarded-stream.ts).
await esbuild.build({...shared, splitting: false, plugins: [...shared.plugins, cliImportsByName], entryPoints: {cli: 'src/cli.tsx'}, outdir: 'dist'});
// The embedded emulator's worker (src/emulator/worker.ts) as one CommonJS file of its own: its
// start reads one file, where as an entry beside cli.js it read ten chunks shared with the CLI
// (about 4 ms of the 40 from `new Worker()` to 'ready'), and Node starts a CommonJS worker
// without setting up its ES module loader (about 5 ms more). The countries' names are in the file,
// but run only when first imported; node:zlib is imported by the first compressed answer.
// (CommonJS has its own require: no banner.)
await esbuild.build({...shared, format: 'cjs', splitting: false, banner: {}, outExtension: {'.js': '.cjs'}, entryPoints: {'emulator-worker': 'src/emulator/worker.ts'}, outdir: 'dist'});
// btalk order's head start (src/token-head-start.ts) as one file with what it uses inlined: it is
// read before anything else loads, and one file loads faster than the shared chunks it would take.
// got's decompressor stays a run-time import there, loaded only for a compressed answer.
await esbuild.build({...shared, splitting: false, external: [...shared.external, 'decompress-response'], entryPoints: {'head-start': 'src/token-head-start.ts'}, outdir: 'dist'});
await chmod(path.join(root, 'dist/cli.js'), 0o755);
if (bench) {
  await esbuild.build({...shared, entryPoints: {run: 'bench/run.ts', 'ink-floor': 'bench/ink-floor.tsx', 'reads-floor': 'bench/reads-floor.tsx'}, outdir: 'dist/bench'});
  // The `worker` floor's thread, one CommonJS file as the emulator's worker is.
  await esbuild.build({...shared, format: 'cjs', splitting: false, banner: {}, outExtension: {'.js': '.cjs'}, entryPoints: {'reads-worker': 'bench/reads-worker.ts'}, outdir: 'dist/bench'});
}
