/**
 * Races a keychain call against a deadline. A locked keyring can leave a D-Bus call waiting for an
 * unlock prompt nobody will ever see; the native call may ignore the abort signal, so the race
 * (not the signal alone) is what guarantees we never hang.
 */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

export async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Deadline first: aborting may fail the work at once (the keyring child is killed), and the
      // person should read "did not answer within 3 s", not the side effect of ending it.
      reject(new DeadlineExceeded(ms));
      controller.abort();
    }, ms);
    // A pending keychain call must not keep the process alive after the command is done.
    timer.unref();
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
