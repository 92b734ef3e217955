/**
 * The young generation's bound (src/young-generation.ts), proven where it acts: in a child node
 * process (the flag is process-wide), which keeps a growing share of what it allocates alive, as
 * reading a long list does. Without the bound, V8 doubles the semi-spaces to 16 MB each; with it,
 * they stop at the bound. Nothing here is timed.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {transformSync} from 'esbuild';
import {describe, expect, it} from 'vitest';

const source = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/young-generation.ts');

/** The largest young generation (both semi-spaces, MB) the child saw, with or without the bound. */
function largestYoungGeneration(bound: number | undefined): number {
  const module = transformSync(readFileSync(source, 'utf8'), {loader: 'ts', format: 'esm'}).code;
  const script = `
${module}
${bound === undefined ? '' : `boundYoungGeneration(${bound});`}
const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
const kept = [];
let largest = 0;
for (let round = 0; round < 240; round++) {
  for (let i = 0; i < 5000; i++) kept.push({name: 'item ' + i, id: i, tags: [i]});
  for (let i = 0; i < 25000; i++) ({garbage: i});
  largest = Math.max(largest, young());
  // The bound is checked after collections, between tasks: each round is one, as each page of a list is.
  await new Promise((resolve) => setImmediate(resolve));
}
console.log(JSON.stringify({largest, kept: kept.length}));
`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'});
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout) as {largest: number}).largest;
}

describe('the young generation bound', () => {
  it('keeps the semi-spaces at the bound where V8 alone would grow them to their maximum', () => {
    expect(largestYoungGeneration(undefined)).toBeGreaterThan(16);
    expect(largestYoungGeneration(4)).toBeLessThanOrEqual(8);
  }, 60_000);
});
