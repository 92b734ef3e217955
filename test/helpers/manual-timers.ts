/** Timers and a clock that move only when a test calls advance(): time is driven, never slept. */
import type {Timers} from '../../src/timers.js';

export interface ManualTimers {
  timers: Timers;
  /** The fake epoch ms (starts at `start`). */
  clock: () => number;
  pending(): number;
  /** Moves time on by `ms`, firing (in order) every timer due by then, and those they set in turn. */
  advance(ms: number): void;
}

export function manualTimers(start = 0): ManualTimers {
  let now = start;
  const pending = new Set<{at: number; callback: () => void}>();
  const timers: Timers = {
    after(ms, callback) {
      const timer = {at: now + ms, callback};
      pending.add(timer);
      return () => pending.delete(timer);
    },
  };
  return {
    timers,
    clock: () => now,
    pending: () => pending.size,
    advance(ms: number) {
      const until = now + ms;
      // Bounded: a timer that keeps setting another fires at most once per step of time.
      for (let guard = 0; guard < 10_000; guard++) {
        const due = [...pending].filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        pending.delete(due);
        now = Math.max(now, due.at);
        due.callback();
      }
      now = until;
    },
  };
}
