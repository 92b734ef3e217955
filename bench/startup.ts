/**
 * Benchmark: wall time of whole btalk processes, as a script or a person at a prompt pays it.
 * `--version` (start-up alone), `order --dry-run` against a standalone emulator (credentials from
 * the environment, every check, nothing sent) and `voicesites --json`. Median and spread of N runs;
 * asserts nothing. Its own composition root, so it may read process.*.
 */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';
import {startEmulator} from '../src/emulator/server.js';

const RUNS = 9;
const cli = fileURLToPath(new URL('../cli.js', import.meta.url));

// Asynchronous on purpose: the emulator answers from this process's event loop.
const run = promisify(execFile);

async function timeRuns(args: string[], env: NodeJS.ProcessEnv): Promise<{median: number; min: number; max: number; status: number | null}> {
  const times: number[] = [];
  let status: number | null = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    status = await run(process.execPath, [cli, ...args], {env}).then(
      () => 0,
      (error: {code?: number}) => error.code ?? null,
    );
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]!, status};
}

export async function runStartupBench(): Promise<void> {
  const sandbox = await startEmulator({port: 0});
  try {
    const env = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      BTALK_CONFIG_DIR: '/nonexistent-btalk-bench',
      BTALK_BASE_URL: sandbox.baseUrl,
      BTALK_CLIENT_ID: sandbox.demo.clientId,
      BTALK_CLIENT_SECRET: sandbox.demo.clientSecret,
      BTALK_API_KEY: sandbox.demo.apiKey,
    };
    const cases: Array<[string, string[]]> = [
      ['btalk --version', ['--version']],
      ['btalk order --dry-run (every check)', ['order', '--dry-run', '--yes', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'Bench site']],
      ['btalk voicesites --json', ['voicesites', '--json']],
    ];
    console.log(`start-up: ${RUNS} runs each, node ${process.version}`);
    for (const [name, args] of cases) {
      const r = await timeRuns(args, env);
      console.log(`  ${name.padEnd(38)} median ${r.median.toFixed(0).padStart(5)} ms  (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)}, exit ${r.status})`);
    }
  } finally {
    await sandbox.close();
  }
}
