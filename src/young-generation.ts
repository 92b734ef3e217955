/**
 * A bound on V8's young generation for the wizard's long-lived process. V8 doubles each of its two
 * semi-spaces (1 MB at start, 16 MB at most) whenever, since the last doubling, more than their
 * size has survived scavenges, and never counts that down: a session that reads 10,000 VPNs and
 * then takes keys ends at 2 x 16 MB of young generation, all of it resident, about 20 MB more than
 * the wizard needs (its live heap is about 15 MB). The size limit (--max-semi-space-size) is read
 * only as V8 starts, and no flag can be given in the bin (`node dist/cli.js` must behave as
 * `btalk`); the growth factor is read at each doubling, so once the semi-spaces reach the bound
 * it is set to 1 and they grow no more. Node keeps V8's flags writable for v8.setFlagsFromString.
 *
 * Measured with the benchmark's keys on the 10,000-VPN list (README, Performance): peak RSS
 * 117-124 MB without the bound, 95-100 MB with 4 MB semi-spaces; two more scavenges before the
 * list. test/young-generation.test.ts proves, in a child process, that the bound holds.
 */
import {PerformanceObserver} from 'node:perf_hooks';
import v8 from 'node:v8';

/** Each semi-space's bound, in MB. */
export const SEMI_SPACE_MB = 4;

/** Both semi-spaces as committed (the space V8 calls new_space), in MB. */
function youngGenerationMb(): number {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return (space?.space_size ?? 0) / (1024 * 1024);
}

/**
 * From now on the semi-spaces stop doubling once they are `semiSpaceMb` each (checked after each
 * collection, so a run of collections within one task may take them one doubling past it).
 */
export function boundYoungGeneration(semiSpaceMb: number = SEMI_SPACE_MB): void {
  const stop = (): boolean => {
    if (youngGenerationMb() < 2 * semiSpaceMb) return false;
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    return true;
  };
  if (stop()) return;
  const observer = new PerformanceObserver(() => {
    if (stop()) observer.disconnect();
  });
  observer.observe({entryTypes: ['gc']});
}
