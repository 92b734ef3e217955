/**
 * The build's edits (scripts/build.mjs) that keep Node's own modules the wizard's first frame does
 * not use off its main thread until something uses them: loading node:https costs 4.8 ms (tls 3.4
 * of it), node:assert 3.05, node:child_process 2.4 (with dgram), node:zlib 1.75, measured alone on
 * this machine (`node -e` of one require, nice -n -20). Each edit loads the module, with Node's
 * synchronous require (the bundle's banner defines it in every file), where it is first used:
 * the same code runs, only the builtin loads later, when something needs it.
 * test/build/builtins-on-first-use.test.ts builds the edited packages and calls them.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {editedFiles, expectNone, expectOnce, replaceEvery, replaceOnce} from './replace-once.mjs';

const load = (name) => `require(${JSON.stringify(name)})`;

/**
 * got's options.js imports node:https for one member, https.request (the request function of an
 * https:// URL), and node:tls for checkServerIdentity, the default it puts in every request's
 * options and that only a TLS connection calls: so both load with got, even when every request
 * is http://, as the sandbox's are. Those two imports get modules that load the builtin when it
 * is first used: https's default export reads each of node:https's members from it when read
 * (the getters are made from Node's own list of them), and checkServerIdentity calls tls's when
 * called. An import of another name from tls fails the build (the module has no such export), as
 * does options.js no longer importing them as written here.
 */
export const gotHttpsOnFirstUse = {
  name: 'got-https-on-first-use',
  setup(build) {
    const gotOptions = /[\\/]got[\\/]dist[\\/]source[\\/]core[\\/]options\.js$/;
    const imports = {'node:https': "import https from 'node:https';", 'node:tls': "import { checkServerIdentity } from 'node:tls';"};
    build.onResolve({filter: /^node:(https|tls)$/}, (args) => {
      if (!gotOptions.test(args.importer)) return undefined;
      expectOnce(readFileSync(args.importer, 'utf8'), imports[args.path], args.importer, `got no longer imports ${args.path} as scripts/builtins-on-first-use.mjs expects; check what it uses of it`);
      return {path: args.path, namespace: 'got-https-on-first-use'};
    });
    build.onLoad({filter: /^node:https$/, namespace: 'got-https-on-first-use'}, () => {
      const members = Object.keys(createRequire(import.meta.url)('node:https'));
      return {
        contents: [
          'let https;',
          `const loaded = () => (https ??= ${load('node:https')});`,
          `export default {${members.map((m) => `get ${m}() { return loaded().${m}; }`).join(', ')}};`,
        ].join('\n'),
        loader: 'js',
      };
    });
    build.onLoad({filter: /^node:tls$/, namespace: 'got-https-on-first-use'}, () => ({
      contents: `export function checkServerIdentity(...args) { return ${load('node:tls')}.checkServerIdentity(...args); }`,
      loader: 'js',
    }));
  },
};

/**
 * hpagent (src/api/proxy-agent.ts's proxy agents) requires node:https as it loads, for its
 * HttpsProxyAgent class (which extends https.Agent), and btalk makes an agent only when a proxy is
 * set. Importers of hpagent get a module whose two members load hpagent when first read, which
 * proxy-agent.ts does only for a proxy: the same classes, from the same code, loaded then.
 */
export const hpagentOnFirstUse = {
  name: 'hpagent-on-first-use',
  setup(build) {
    build.onResolve({filter: /^hpagent$/}, (args) => ({path: 'hpagent', namespace: 'hpagent-on-first-use', pluginData: args.resolveDir}));
    build.onLoad({filter: /^hpagent$/, namespace: 'hpagent-on-first-use'}, (args) => {
      const file = createRequire(path.join(args.pluginData, 'index.js')).resolve('hpagent');
      const what = 'hpagent no longer exports its two agents as scripts/builtins-on-first-use.mjs expects; check src/api/proxy-agent.ts';
      expectOnce(readFileSync(file, 'utf8'), 'module.exports = {\n  HttpProxyAgent,\n  HttpsProxyAgent\n}', file, what);
      return {
        contents: [
          'let hpagent;',
          `const loaded = () => (hpagent ??= require(${JSON.stringify(file)}));`,
          'module.exports = {get HttpProxyAgent() { return loaded().HttpProxyAgent; }, get HttpsProxyAgent() { return loaded().HttpsProxyAgent; }};',
        ].join('\n'),
        loader: 'js',
        resolveDir: path.dirname(file),
      };
    });
  },
};

/**
 * got's decompress-response imports node:zlib as it loads (and reads it once, to know whether
 * zstd is supported), for answers that come compressed. zlib now loads with the first compressed
 * answer (the zstd question is asked only of an answer in zstd, the only one it decides).
 */
export const zlibOnFirstCompressedAnswer = editedFiles('zlib-on-first-compressed-answer', /[\\/]decompress-response[\\/]index\.js$/, (text, file) => {
  const what = 'decompress-response no longer uses node:zlib as scripts/builtins-on-first-use.mjs expects; check its index.js';
  let contents = replaceOnce(text, "import zlib from 'node:zlib';", `let zlib;\nconst loadedZlib = () => (zlib ??= ${load('node:zlib')});`, file, what);
  contents = replaceOnce(contents, "const supportsZstd = typeof zlib.createZstdDecompress === 'function';", "const supportsZstd = () => typeof loadedZlib().createZstdDecompress === 'function';", file, what);
  contents = replaceOnce(contents, '\tif (supportsZstd) {', "\tif (contentEncoding === 'zstd' && supportsZstd()) {", file, what);
  for (const make of ['createZstdDecompress', 'createBrotliDecompress', 'createInflateRaw', 'createUnzip']) {
    contents = replaceOnce(contents, `decompressStream = zlib.${make}();`, `decompressStream = loadedZlib().${make}();`, file, what);
  }
  expectNone(contents, 'zlib.', file, what);
  return contents;
});

/**
 * signal-exit 3 (Ink's, through restore-cursor) requires node:assert as it loads, for one check:
 * that the exit handler given is a function. The check stays, and the same assert.equal throws
 * the same AssertionError, but assert loads only when that check fails.
 */
export const assertOnFailedCheck = editedFiles('assert-on-failed-check', /[\\/]signal-exit[\\/]index\.js$/, (text, file) => {
  const what = 'signal-exit no longer checks its handler with node:assert as scripts/builtins-on-first-use.mjs expects; check its index.js';
  const check = "assert.equal(typeof cb, 'function', 'a callback must be provided for exit handler')";
  let contents = replaceOnce(text, "  var assert = require('assert')\n", '', file, what);
  contents = replaceOnce(contents, `    ${check}\n`, `    if (typeof cb !== 'function') ${load('assert')}.${check.slice('assert.'.length)}\n`, file, what);
  expectNone(contents, 'assert.', file, what);
  return contents;
});

/**
 * terminal-size (Ink's) imports node:child_process for execFileSync, which only its fallbacks call
 * (tput, resize), when neither stdout, stderr, COLUMNS and LINES nor /dev/tty give the size.
 * child_process (and dgram, which it loads) now loads when a fallback runs.
 */
export const childProcessOnTerminalSizeFallback = editedFiles('child-process-on-terminal-size-fallback', /[\\/]terminal-size[\\/]index\.js$/, (text, file) => {
  const what = 'terminal-size no longer uses execFileSync as scripts/builtins-on-first-use.mjs expects; check its exec()';
  let contents = replaceOnce(text, "import {execFileSync} from 'node:child_process';\n", '', file, what);
  contents = replaceOnce(contents, '\texecFileSync(command, arguments_, {', `\t${load('node:child_process')}.execFileSync(command, arguments_, {`, file, what);
  expectOnce(contents, 'execFileSync', file, what);
  return contents;
});

/**
 * commander requires node:child_process as it loads, for its executable subcommands (a command
 * run as a program of its own, `btalk-<name>`), which btalk does not define. child_process now
 * loads when one would be spawned.
 */
export const childProcessOnExecutableSubcommand = editedFiles('child-process-on-executable-subcommand', /[\\/]commander[\\/]lib[\\/]command\.js$/, (text, file) => {
  const what = 'commander no longer uses node:child_process as scripts/builtins-on-first-use.mjs expects; check how it runs executable subcommands';
  let contents = replaceOnce(text, "const childProcess = require('node:child_process');", `let childProcess;\nconst loadedChildProcess = () => (childProcess ??= ${load('node:child_process')});`, file, what);
  contents = replaceEvery(contents, 'proc = childProcess.spawn(', 'proc = loadedChildProcess().spawn(', file, what);
  expectNone(contents, 'childProcess.', file, what);
  return contents;
});

export const builtinsOnFirstUse = [gotHttpsOnFirstUse, hpagentOnFirstUse, zlibOnFirstCompressedAnswer, assertOnFailedCheck, childProcessOnTerminalSizeFallback, childProcessOnExecutableSubcommand];
