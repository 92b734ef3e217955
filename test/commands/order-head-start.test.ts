/**
 * `btalk order` with credentials from the environment sends its token request as it starts, before
 * the HTTP client loads (src/token-head-start.ts). The built CLI, against the emulator's faults:
 * what a script sees (exit code, stdout, stderr with --debug) and what the server receives are the
 * same as with BTALK_HEAD_START=0. A reporter in the child says whether the token request went out
 * before got was loaded (got's cacheable-lookup loads node:dns; the head start, for an IP address, does not).
 */
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import type {FaultSpec} from '../../src/emulator/types.js';
import {BUILT_CLI, runBuiltCli} from '../helpers/built-cli.js';
import {emulatorEnv, useEmulator} from '../helpers/emulator.js';

const REPORTER = `
import dc from 'node:diagnostics_channel';
import {appendFileSync} from 'node:fs';
dc.subscribe('http.client.request.start', ({request}) => {
  if (request.path.endsWith('/oauth/v3/token')) appendFileSync(process.env.REPORT_FILE, (process.moduleLoadList.includes('NativeModule dns') ? 'after got' : 'before got') + '\\n');
});
`;

const TOKEN = 'POST /oauth/v3/token';
const SCENARIOS: Array<[string, FaultSpec[]]> = [
  ['a plain token', []],
  ['401 invalid_client', [{route: TOKEN, status: 401, json: {error: 'invalid_client', error_description: 'The client credentials are invalid'}}]],
  ['429 with Retry-After: 1, then the token', [{route: TOKEN, status: 429, headers: {'retry-after': '1'}}]],
  ['a reset, then the token', [{route: TOKEN, reset: 'before'}]],
  ['garbage instead of JSON', [{route: TOKEN, status: 200, raw: '<<not json>>'}]],
  // The head start loads got's decompressor (a run-time import of dist/head-start.js) for this one.
  ['the token gzip-compressed', [{route: TOKEN, encoding: 'gzip'}]],
];

describe('btalk order: the token request sent as it starts (built CLI)', () => {
  const sandbox = useEmulator();
  let dir: string;
  beforeEach(async () => {
    expect(existsSync(BUILT_CLI), 'run "npm run build" first').toBe(true);
    dir = await mkdtemp(path.join(tmpdir(), 'btalk-order-head-start-'));
    await writeFile(path.join(dir, 'reporter.mjs'), REPORTER);
  });

  async function run(faults: FaultSpec[], site: string, extraEnv: Record<string, string>) {
    const s = sandbox();
    s.clearFaults();
    s.resetCounters();
    for (const fault of faults) s.injectFault(fault);
    const report = path.join(dir, `${site}.report`);
    await writeFile(report, '');
    const result = await runBuiltCli(['order', '--json', '--yes', '--debug', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'Head start', '--site-name', site], {
      cwd: dir,
      env: {NO_COLOR: '1', ...emulatorEnv(s), REPORT_FILE: report, ...extraEnv},
      nodeArgs: ['--import', path.join(dir, 'reporter.mjs')],
      stdin: 'closed',
    });
    const blind = (text: string) =>
      text
        .replaceAll(site, 'SITE')
        .replace(/in \d+ms/g, 'in Nms')
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'UUID')
        .replace(/vs[0-9a-f]{10}/g, 'VSID')
        .replace(/"orderId":\s*"[^"]*"/g, '"orderId":"ID"')
        .replace(/btalk-\d{8}-\d{4}/g, 'REF')
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'DATE')
        // The backoff's jitter is random in a process of its own.
        .replace(/retrying in [\d.]+ s/g, 'retrying in N s')
        .replace(/retrying at [\d:]+/g, 'retrying at TIME');
    return {
      seen: {
        code: result.code,
        stdout: blind(result.stdout),
        // In order, except the debug lines of reads made at once: those come in the order they end.
        said: blind(result.stderr).split('\n').filter((l) => !/ -> /.test(l)),
        debug: blind(result.stderr).split('\n').filter((l) => / -> /.test(l)).sort(),
        tokenLines: blind(result.stderr).split('\n').filter((l) => /oauth/.test(l)),
        tokenRequests: s.counters.tokenRequests,
        requests: s.counters.requests,
      },
      token: (await readFile(report, 'utf8')).trim().split('\n')[0],
    };
  }

  for (const [name, faults] of SCENARIOS) {
    it(`${name}: the same exit code, output and requests as BTALK_HEAD_START=0`, async () => {
      const early = await run(faults, 'HEAD_EARLY', {});
      const late = await run(faults, 'HEAD_LATE', {BTALK_HEAD_START: '0'});
      expect(early.token).toBe('before got');
      expect(late.token).toBe('after got');
      expect(early.seen).toEqual(late.seen);
    }, 30_000);
  }
});
