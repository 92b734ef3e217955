/**
 * An interrupt (Ctrl+C, SIGTERM, SIGHUP) while an order is still being checked, before its POST
 * leaves: the checks are abandoned, the run ends as cancelled with a message that nothing was
 * ordered (a JSON error object with --json, as any failure), and the exit code follows the signal.
 * The reads still under way stop when the session closes (withApi's finally aborts them).
 *
 * `sending()` is called just before the first POST: from then on this handler is gone and the
 * sending phase's own handler decides (it waits for the answer, so an order is never left unknown).
 */
import {BtalkError, interruptName, type InterruptSignal} from '../errors.js';
import type {Runtime} from '../runtime.js';

export interface BeforeSend {
  /** `work`'s answer, or the cancelled error as soon as an interrupt arrives before `sending()`. */
  race<T>(work: Promise<T>): Promise<T>;
  /**
   * `work` (the y/N confirmation) answers an interrupt itself, as a "no": while it is pending,
   * this handler leaves the interrupt to it.
   */
  aside<T>(work: Promise<T>): Promise<T>;
  /** The POST is about to leave: throws the cancelled error if an interrupt came, then stops listening. */
  sending(): void;
  /** True once an interrupt came before `sending()`. */
  interrupted(): boolean;
  /** Stops listening (the run is over without sending anything). */
  dispose(): void;
}

/** `what`: the error's words after the signal, e.g. "before the order was sent: nothing was ordered". */
export function stopBeforeSend(runtime: Runtime, what: string, hint: string): BeforeSend {
  let stop: BtalkError | undefined;
  let fail: (error: BtalkError) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    fail = reject;
  });
  stopped.catch(() => undefined);
  const cancelled = (signal: InterruptSignal) =>
    new BtalkError('cancelled', `Interrupted (${interruptName(signal)}) ${what}.`, {hint});
  let asked = 0;
  let remove: (() => void) | undefined = runtime.onInterrupt((signal) => {
    if (asked > 0) return;
    stop ??= cancelled(signal);
    fail(stop);
  });
  const dispose = () => {
    remove?.();
    remove = undefined;
  };
  return {
    race(work) {
      if (!stop) return Promise.race([work, stopped]);
      work.catch(() => undefined);
      return Promise.reject(stop);
    },
    async aside(work) {
      asked++;
      try {
        return await work;
      } finally {
        asked--;
      }
    },
    sending() {
      dispose();
      if (stop) throw stop;
    },
    interrupted: () => stop !== undefined,
    dispose,
  };
}

/** `work` under an interrupt handler of its own until its POST leaves (`stopBeforeSend`), removed when it ends. */
export async function untilSent<T>(runtime: Runtime, what: string, hint: string, work: (beforeSend: BeforeSend) => Promise<T>): Promise<T> {
  const beforeSend = stopBeforeSend(runtime, what, hint);
  try {
    return await beforeSend.race(work(beforeSend));
  } finally {
    beforeSend.dispose();
  }
}
