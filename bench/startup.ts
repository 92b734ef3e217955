/**
 * Start-up: `--version`, `--help` and `status` (token + GET /me against an emulator in this
 * process) against a bare `node -e` start, interleaved run by run so a busy machine slows both.
 */
import type {RunningEmulator} from '../src/emulator/types.js';
import {bareNode, btalk, repeat} from './proc.js';
import {median, ms, report, section} from './stats.js';

export async function startupBench(emulator: RunningEmulator, baseEnv: NodeJS.ProcessEnv, runs: number): Promise<number> {
  section(`Start-up (median of ${runs} runs, each case interleaved with a bare node start)`);
  const env = {
    ...baseEnv,
    BTALK_BASE_URL: emulator.baseUrl,
    BTALK_CLIENT_ID: emulator.demo.clientId,
    BTALK_CLIENT_SECRET: emulator.demo.clientSecret,
    BTALK_API_KEY: emulator.demo.apiKey,
  };
  const bare: number[] = [];
  const cases: Array<[string, string[], string]> = [
    ['btalk --version', ['--version'], '<= 2x'],
    ['btalk --help', ['--help'], ''],
    ['btalk status (token + GET /me)', ['status'], ''],
  ];
  const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  for (let i = 0; i < runs; i++) {
    bare.push(...(await repeat(1, () => bareNode(baseEnv))));
    for (const [name, args] of cases) times.get(name)!.push(...(await repeat(1, () => btalk(args, env))));
  }
  const reference = median(bare);
  report({name: 'bare node start (node -e)', value: ms(reference)});
  for (const [name, , goal] of cases) {
    const value = median(times.get(name)!);
    const ratio = value / reference;
    report({name, value: ms(value), reference: 'bare node', ratio, ...(goal ? {goal, met: ratio <= 2} : {})});
  }
  return reference;
}
