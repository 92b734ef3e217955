/**
 * Waiting, as a seam. Every timer btalk sets for its own logic (retry backoff, a batch's
 * rate-limit pause, the wizard's prefetch delays) goes through a Timers passed down from the
 * composition root, so a test can drive time instead of sleeping. Deadlines that guard against a
 * stuck peer (request timeouts, the keychain's 3 s) stay on real time: they exist for real time.
 */

export interface Timers {
  /** Calls `callback` after `ms` milliseconds; the returned function cancels it. */
  after(ms: number, callback: () => void): () => void;
}

export const systemTimers: Timers = {
  after(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/** Resolves after `ms`; rejects with the signal's reason if it aborts first. */
export function sleep(timers: Timers, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = timers.after(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, {once: true});
  });
}
