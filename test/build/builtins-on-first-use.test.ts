/**
 * The edits of scripts/builtins-on-first-use.mjs (applied by scripts/build.mjs), on the packages as
 * the bundle builds them: a probe bundled with those plugins, run in a process of its own with no
 * terminal, loads none of node:https, tls, zlib, assert and child_process when it loads got, hpagent,
 * decompress-response, signal-exit, terminal-size and commander, and each still does what it did
 * when the path that needs its builtin runs (which then loads it). And the bundle itself decodes
 * compressed answers (dist/, `npm run build`).
 */
import {spawn} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {gzipSync} from 'node:zlib';
import * as esbuild from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BUILT_CLI, runBuiltCli} from '../helpers/built-cli.js';
import {credentialEnv, useEmulator} from '../helpers/emulator.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BUILTINS = ['https', 'tls', 'zlib', 'assert', 'child_process'];

/** Bundled with the plugins; prints which of BUILTINS are loaded after each step, as one JSON line. */
const PROBE = `
import http from 'node:http';
import {PassThrough} from 'node:stream';
const builtins = ${JSON.stringify(BUILTINS)};
const loaded = () => builtins.filter((b) => process.moduleLoadList.includes('NativeModule ' + b));
const steps = {};
const {default: got} = await import('got');
const hpagent = await import('hpagent');
const {default: decompressResponse} = await import('decompress-response');
const {default: onExit} = await import('signal-exit');
const {default: terminalSize} = await import('terminal-size');
const {Command} = await import('commander');
steps.loaded = loaded();

steps.httpAnswer = await got(process.env.PROBE_URL).text();
steps.afterHttp = loaded();

const plain = Object.assign(new PassThrough(), {headers: {}, statusCode: 200});
steps.plainIsSame = decompressResponse(plain) === plain;
steps.afterPlain = loaded();
// complete, as an IncomingMessage read to its end is (mimic-response reads it when the answer closes).
const packed = Object.assign(new PassThrough(), {headers: {'content-encoding': 'gzip'}, statusCode: 200, complete: true});
const unpacked = decompressResponse(packed);
packed.end(Buffer.from(process.env.PROBE_GZIPPED, 'base64'));
let text = '';
for await (const chunk of unpacked) text += chunk;
steps.decompressed = text;
steps.afterGzip = loaded();

steps.exitHandler = typeof onExit(() => {});
steps.afterHandler = loaded();
try {
  onExit('not a function');
} catch (e) {
  steps.refused = {name: e.name, code: e.code, message: e.message};
}
steps.afterRefusal = loaded();

steps.size = terminalSize();
steps.afterSize = loaded();

steps.proxyAgent = new hpagent.HttpProxyAgent({proxy: 'http://127.0.0.1:9'}) instanceof http.Agent;
steps.afterHttpProxyAgent = loaded();
steps.httpsProxyAgent = new hpagent.HttpsProxyAgent({proxy: 'http://127.0.0.1:9'}) instanceof (await import('node:https')).Agent;

const program = new Command('probe').executableDir(process.env.PROBE_DIR);
program.command('hello', 'an executable subcommand');
steps.subcommandExit = await new Promise((resolve) => {
  program.exitOverride((e) => resolve(e.exitCode));
  program.parse(['hello'], {from: 'user'});
});
console.log('REPORT ' + JSON.stringify(steps));
`;

interface Steps {
  loaded: string[];
  httpAnswer: string;
  afterHttp: string[];
  plainIsSame: boolean;
  afterPlain: string[];
  decompressed: string;
  afterGzip: string[];
  exitHandler: string;
  afterHandler: string[];
  refused: {name: string; code: string; message: string};
  afterRefusal: string[];
  size: {columns: number; rows: number};
  afterSize: string[];
  proxyAgent: boolean;
  afterHttpProxyAgent: string[];
  httpsProxyAgent: boolean;
  subcommandExit: number;
}

/** got's HTTP/2 wrapper left out, as scripts/build.mjs leaves it out of the bundle (it loads https and assert itself). */
const withoutHttp2Wrapper: esbuild.Plugin = {
  name: 'without-http2-wrapper',
  setup(build) {
    build.onResolve({filter: /^http2-wrapper$/}, () => ({path: 'http2-wrapper', namespace: 'without-http2-wrapper'}));
    build.onLoad({filter: /.*/, namespace: 'without-http2-wrapper'}, () => ({contents: 'export default {};', loader: 'js'}));
  },
};

describe('Node builtins loaded on first use (scripts/builtins-on-first-use.mjs)', () => {
  let dir: string;
  let steps: Steps;
  let output: string;
  let server: Server;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'btalk-builtins-'));
    const {builtinsOnFirstUse} = (await import(pathToFileURL(path.join(root, 'scripts/builtins-on-first-use.mjs')).href)) as {builtinsOnFirstUse: esbuild.Plugin[]};
    await esbuild.build({
      stdin: {contents: PROBE, resolveDir: root, loader: 'js', sourcefile: 'probe.mjs'},
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: path.join(dir, 'probe.mjs'),
      banner: {js: "import{createRequire as __probeCreateRequire}from'node:module';const require=__probeCreateRequire(import.meta.url);"},
      plugins: [...builtinsOnFirstUse, withoutHttp2Wrapper],
      logLevel: 'error',
    });
    // terminal-size's fallback, tput, as the only source of the size; commander's subcommand.
    writeFileSync(path.join(dir, 'tput'), '#!/bin/sh\ncase "$1" in cols) echo 132;; lines) echo 43;; esac\n');
    chmodSync(path.join(dir, 'tput'), 0o755);
    writeFileSync(path.join(dir, 'probe-hello.js'), "process.stdout.write('hello from the subcommand\\n'); process.exitCode = 3;\n");
    // The probe's server runs here: a server's listen() loads child_process (for cluster).
    server = createServer((req, res) => res.end('plain'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as {port: number}).port}/`;
    // Detached: a session of its own, without a controlling terminal, so /dev/tty cannot be opened.
    const child = spawn(process.execPath, [path.join(dir, 'probe.mjs')], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {PATH: `${dir}${path.delimiter}${process.env['PATH'] ?? ''}`, PROBE_DIR: dir, PROBE_URL: url, PROBE_GZIPPED: gzipSync('{"compressed":true}').toString('base64')},
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    output = stdout;
    const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
    expect(line, `the probe printed no report (exit ${code}): ${stderr}`).toBeDefined();
    steps = JSON.parse(line!.slice('REPORT '.length)) as Steps;
  }, 30_000);
  afterAll(() => {
    server.close();
    rmSync(dir, {recursive: true, force: true});
  });

  it('loading got, hpagent, decompress-response, signal-exit, terminal-size and commander loads none of them', () => {
    expect(steps.loaded).toEqual([]);
  });

  it('got: an http:// request is answered without loading https or tls', () => {
    expect(steps.httpAnswer).toBe('plain');
    expect(steps.afterHttp).toEqual([]);
  });

  it('decompress-response: a plain answer is passed as it is, without zlib; a gzip one is decoded, with it', () => {
    expect(steps.plainIsSame).toBe(true);
    expect(steps.afterPlain).toEqual([]);
    expect(steps.decompressed).toBe('{"compressed":true}');
    expect(steps.afterGzip).toEqual(['zlib']);
  });

  it('signal-exit: a handler is taken without assert; a non-function is refused with the same AssertionError as the package as published', () => {
    expect(steps.exitHandler).toBe('function');
    expect(steps.afterHandler).not.toContain('assert');
    const published = createRequire(path.join(root, 'node_modules/signal-exit/index.js'))('./index.js') as (cb: unknown) => unknown;
    let expected: {name: string; code: string; message: string} | undefined;
    try {
      published('not a function');
    } catch (e) {
      const error = e as {name: string; code: string; message: string};
      expected = {name: error.name, code: error.code, message: error.message};
    }
    expect(expected?.message).toMatch(/a callback must be provided for exit handler/);
    expect(steps.refused).toEqual(expected);
    expect(steps.afterRefusal).toContain('assert');
  });

  it("terminal-size: without a terminal its tput fallback still gives the size, and only then loads child_process", () => {
    expect(steps.afterRefusal).not.toContain('child_process');
    expect(steps.size).toEqual({columns: 132, rows: 43});
    expect(steps.afterSize).toContain('child_process');
  });

  it("hpagent: its agents are Node's (loaded with the first one made), https with the first https agent", () => {
    expect(steps.proxyAgent).toBe(true);
    expect(steps.afterHttpProxyAgent).toContain('https');
    expect(steps.httpsProxyAgent).toBe(true);
  });

  it('commander: an executable subcommand still runs, and its exit code comes back', () => {
    expect(output).toContain('hello from the subcommand');
    expect(steps.subcommandExit).toBe(3);
  });
});

describe('the bundle decodes compressed answers (built CLI)', () => {
  const sandbox = useEmulator();

  for (const encoding of ['gzip', 'deflate', 'br'] as const) {
    it(`btalk status reads a ${encoding} token and /me`, async () => {
      expect(existsSync(BUILT_CLI), 'run "npm run build" first').toBe(true);
      const s = sandbox();
      s.injectFault({route: 'POST /oauth/v3/token', encoding});
      s.injectFault({route: 'GET /me', encoding});
      const cwd = mkdtempSync(path.join(tmpdir(), 'btalk-encoding-'));
      const r = await runBuiltCli(['status'], {cwd, env: {NO_COLOR: '1', BTALK_BASE_URL: s.baseUrl, ...credentialEnv(s.demo)}});
      expect(r.stdout).toMatch(/Access:\s+✓ token and GET \/me work/);
      expect(r.code).toBe(0);
      expect(s.counters.tokenRequests).toBe(1);
      rmSync(cwd, {recursive: true, force: true});
    }, 30_000);
  }
});
