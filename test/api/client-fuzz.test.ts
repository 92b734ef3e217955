/**
 * The client against a hostile server, thousands of answers per endpoint: valid answers mutated
 * (wrong types, missing and extra fields, nulls, huge and deeply nested values, lone surrogates,
 * reflected secrets), bodies cut short, with invalid UTF-8 or not JSON at all, odd statuses and
 * headers, failed connections. Every call must end in a value of the promised shape or a
 * BtalkError that is not a bug, terminal-safe and secret-free, with no unhandled rejection.
 *
 * Deterministic: the cases come from a seed (fast-check), printed on failure with the shrunk case.
 * BTALK_FUZZ_SEED=<n> replays or explores another seed; BTALK_FUZZ_RUNS=<n> changes the count
 * per endpoint (default 2000 through the exchange seam, and a sample over real HTTP).
 */
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {RAW_TERMINAL_CONTROL} from '../../src/text/terminal-safe.js';
import {caseArb, TARGETS, type FuzzCase} from './fuzz/endpoints.js';
import {outcomeProblems, secretsOf} from './fuzz/outcome.js';
import {MAX_REQUESTS, runThroughSeam, startFuzzServer, type CaseRun, type FuzzServer} from './fuzz/run.js';
import {TAGS} from './fuzz/wire.js';

const SEED = process.env.BTALK_FUZZ_SEED === undefined ? 20_261_202 : Number(process.env.BTALK_FUZZ_SEED);
const RUNS = process.env.BTALK_FUZZ_RUNS === undefined ? 2000 : Number(process.env.BTALK_FUZZ_RUNS);
const HTTP_RUNS = Math.max(30, Math.round(RUNS / 60));

/** Rejections and exceptions nobody handled while the cases ran. */
const stray: unknown[] = [];
const onStray = (error: unknown) => void stray.push(error);

function problemsOf(c: FuzzCase, run: CaseRun): string[] {
  const problems = outcomeProblems(c, run.outcome, run.served);
  if (run.requests > MAX_REQUESTS) problems.push(`${run.requests} requests for one call (a loop?)`);
  for (const line of run.lines) {
    if (RAW_TERMINAL_CONTROL.test(line) || line.includes('\n')) problems.push(`a debug or wait line is not terminal-safe: ${JSON.stringify(line.slice(0, 200))}`);
    const secret = secretsOf(c).find((s) => line.includes(s));
    if (secret) problems.push(`a debug or wait line shows a secret (${secret.slice(0, 6)}...)`);
  }
  if (stray.length > 0) problems.push(`unhandled: ${stray.splice(0).map(String).join('; ')}`);
  return problems;
}

/** The failing case in a few lines: what was served and what broke. */
function describeCase(c: FuzzCase): string {
  const body = Buffer.from(c.reply.body).toString('utf8');
  return [
    `target ${c.target}${c.find ? ' (findVoicesites)' : ''}${c.target === 'voicesite-pages' ? `, first page ${c.firstTotal ? 'with' : 'without'} X-Total-Count` : ''}`,
    `reply ${c.reply.status} (${c.reply.wire}) headers ${JSON.stringify(c.reply.headers).slice(0, 300)}`,
    `body ${c.reply.body.byteLength} bytes: ${JSON.stringify(body.slice(0, 400))}`,
  ].join('\n  ');
}

/** Runs the property; resolves with how many cases of each kind of damage were served. */
async function fuzz(name: string, seed: number, arb: fc.Arbitrary<FuzzCase>, runs: number, run: (c: FuzzCase) => Promise<CaseRun>): Promise<Map<string, number>> {
  const served = new Map<string, number>([['cases', 0]]);
  const details = await fc.check(
    fc.asyncProperty(arb, async (c) => {
      for (const tag of ['cases', ...c.reply.tags]) served.set(tag, (served.get(tag) ?? 0) + 1);
      return problemsOf(c, await run(c)).length === 0;
    }),
    {seed, numRuns: runs},
  );
  if (details.failed) {
    const c = details.counterexample?.[0];
    // The shrunk case once more, for what it breaks (the last case run may be a passing one).
    const problems = c ? problemsOf(c, await run(c)) : [String(details.errorInstance)];
    throw new Error(
      `Fuzz ${name} failed after ${details.numRuns} cases (shrunk ${details.numShrinks} times). Replay: BTALK_FUZZ_SEED=${SEED} npx vitest run test/api/client-fuzz.test.ts\n` +
        `  ${c ? describeCase(c) : 'no case'}\n  ${problems.join('\n  ')}`,
    );
  }
  return served;
}

beforeAll(() => {
  process.on('unhandledRejection', onStray);
  process.on('uncaughtException', onStray);
});
afterAll(() => {
  process.off('unhandledRejection', onStray);
  process.off('uncaughtException', onStray);
});

describe('the client against fuzzed answers, through the exchange seam', () => {
  TARGETS.forEach((target, i) => {
    it(`${target}: ${RUNS} answers, each a value or a typed error`, async () => {
      const served = await fuzz(target, SEED + i, caseArb(target), RUNS, runThroughSeam);
      expect(served.get('cases')).toBeGreaterThanOrEqual(RUNS);
      // Every kind of damage reached this endpoint, error bodies (about a quarter) included.
      if (RUNS >= 2000) expect(TAGS.filter((tag) => (served.get(tag) ?? 0) < 5)).toEqual([]);
      if (process.env.BTALK_FUZZ_REPORT) console.log(target, JSON.stringify(Object.fromEntries(served)));
    });
  });
});

describe('the client against fuzzed answers, over HTTP', () => {
  let server: FuzzServer;
  beforeAll(async () => {
    server = await startFuzzServer();
  });
  afterAll(() => server.close());

  it(`every endpoint: ${HTTP_RUNS} answers each through one server on port 0`, async () => {
    let count = 0;
    for (const [i, target] of TARGETS.entries()) count += (await fuzz(`${target} over HTTP`, SEED + 200 + i, caseArb(target), HTTP_RUNS, (c) => server.run(c))).get('cases') ?? 0;
    expect(count).toBeGreaterThanOrEqual(HTTP_RUNS * TARGETS.length);
  });
});
