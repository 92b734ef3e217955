/**
 * `btalk order` as a person or a script runs it: the built CLI in a subprocess, answers from
 * BTALK_* variables, a real SIGINT. Needs `npm run build` first (npm test does it).
 */
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {BUILT_CLI, runBuiltCli, type CliRun} from '../helpers/built-cli.js';
import {emulatorEnv, useEmulator} from '../helpers/emulator.js';

/** The built CLI with stdin a closed pipe; `interruptAfterLines`: a SIGINT once stdout has more lines. */
function runCli(args: string[], env: Record<string, string>, options: {cwd: string; interruptAfterLines?: number}): Promise<CliRun> {
  let interrupted = false;
  const {interruptAfterLines} = options;
  return runBuiltCli(args, {
    cwd: options.cwd,
    env: {NO_COLOR: '1', ...env},
    stdin: 'closed',
    ...(interruptAfterLines === undefined
      ? {}
      : {
          watch: (output, child) => {
            if (interrupted || output.stdout.split('\n').length <= interruptAfterLines) return;
            interrupted = true;
            child.kill('SIGINT');
          },
        }),
  });
}

describe('btalk order (built CLI)', () => {
  const sandbox = useEmulator();
  let dir: string;
  beforeEach(async () => {
    expect(existsSync(BUILT_CLI), 'run "npm run build" first').toBe(true);
    dir = await mkdtemp(path.join(tmpdir(), 'btalk-order-cli-'));
  });
  const apiEnv = () => emulatorEnv(sandbox());

  it('order --sandbox --json --yes prints one JSON object with a voiceSiteId and exits 0', async () => {
    const r = await runCli(['order', '--sandbox', '--json', '--yes', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'Lyon office'], {}, {cwd: dir});
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {voiceSiteId: string; technicalSiteName: string};
    expect(out.voiceSiteId).toMatch(/\S/);
    expect(out.technicalSiteName).toBe('LYON_OFFICE');
  });

  it('takes its answers from BTALK_* variables; without a terminal it needs --yes (exit 2)', async () => {
    const answers = {BTALK_VPN: 'aa76e66dfc63', BTALK_COUNTRY: 'DE', BTALK_LABEL: 'Berlin office', BTALK_SITE_NAME: 'BERLIN_01'};
    const refused = await runCli(['order'], {...apiEnv(), ...answers}, {cwd: dir});
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(sandbox().counters.requests).toBe(0);
    const ordered = await runCli(['order'], {...apiEnv(), ...answers, BTALK_YES: '1'}, {cwd: dir});
    expect(ordered.code).toBe(0);
    expect(ordered.stdout).toMatch(/^\S+\n$/);
    expect(sandbox().counters.ordersCreated).toBe(1);
  });

  it('a batch interrupted by SIGINT exits 130 with results written; the same command again completes it without duplicates', async () => {
    const rows = Array.from({length: 200}, (_, k) => `My VPN 1,FR,CLI_${String(k + 1).padStart(3, '0')},CLI site ${k + 1},PO-${k + 1}`);
    await writeFile(path.join(dir, 'sites.csv'), ['vpn,country,site-name,label,reference', ...rows].join('\n') + '\n');
    sandbox().settings.latencyMs = 10;
    const first = await runCli(['order', '--from', 'sites.csv', '--yes', '--concurrency', '2'], apiEnv(), {cwd: dir, interruptAfterLines: 10});
    expect(first.code).toBe(130);
    const ordered = sandbox().counters.ordersCreated;
    expect(ordered).toBeGreaterThanOrEqual(10);
    expect(ordered).toBeLessThan(200);
    const results = await readFile(path.join(dir, 'sites.results.csv'), 'utf8');
    expect(results.match(/,ok,/g)).toHaveLength(ordered);

    sandbox().settings.latencyMs = 0;
    const second = await runCli(['order', '--from', 'sites.csv', '--yes'], apiEnv(), {cwd: dir});
    expect(second.code).toBe(0);
    const list = await runCli(['--json', 'voicesites', '--filter', 'CLI_'], apiEnv(), {cwd: dir});
    const names = (JSON.parse(list.stdout) as Array<{technicalSiteName: string}>).map((s) => s.technicalSiteName);
    expect(names).toHaveLength(200);
    expect(new Set(names).size).toBe(200);
    expect(sandbox().counters.ordersCreated).toBe(200);
  });
});
