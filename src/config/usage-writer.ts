/**
 * What a profile remembers of its use (last customer, last use) is written behind the orders, not
 * in front of them. Each write takes config.json's lock and rewrites the file; a batch finishing
 * eight rows at once would otherwise queue eight lock-and-rewrite cycles in front of its next
 * eight POSTs, a thousand of them for a thousand rows.
 *
 * So the first use is written at once (a single order is remembered as soon as it is placed), and
 * later ones at most once per `everyMs`: uses noted meanwhile are merged, the newest winning as it
 * would have anyway. `flush` writes what is still pending and waits for it; the session calls it
 * when it closes, so a finished command has written its last use.
 *
 * Best effort, as before: a write that fails (a corrupt or locked config) never fails an order.
 */
import type {Timers} from '../timers.js';
import type {ConfigStore, ProfileUsage} from './config-store.js';

export interface UsageWriter {
  /** Notes a use; returns at once. */
  note(usage: ProfileUsage): void;
  /** Resolves once every use noted so far has been written (or has failed to be). */
  flush(): Promise<void>;
}

export const USAGE_WRITE_EVERY_MS = 1_000;

export function createUsageWriter(config: Pick<ConfigStore, 'recordUse'>, profile: string, timers: Timers, everyMs = USAGE_WRITE_EVERY_MS): UsageWriter {
  let pending: ProfileUsage | undefined;
  let writing: Promise<void> | undefined;
  let coolingDown: (() => void) | undefined;

  function start(): void {
    const usage = pending!;
    pending = undefined;
    writing = config
      .recordUse(profile, usage)
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        writing = undefined;
        coolingDown = timers.after(everyMs, () => {
          coolingDown = undefined;
          if (pending) start();
        });
      });
  }

  const stopCoolingDown = () => {
    coolingDown?.();
    coolingDown = undefined;
  };

  return {
    note(usage) {
      pending = usage;
      if (!writing && !coolingDown) start();
    },
    async flush() {
      while (writing || pending) {
        if (writing) {
          await writing;
          continue;
        }
        stopCoolingDown();
        start();
      }
      stopCoolingDown();
    },
  };
}
