/**
 * A terminal that went away (an SSH session dropped, a terminal window closed) must not turn
 * btalk's exit into a crash. As the process ends, Node 20 puts each of fds 0-2 that was a terminal
 * at start back in the mode it had then, and aborts when that terminal is gone: SIGABRT instead of
 * btalk's exit code (129 after a hang-up), "Assertion failed" and a native stack trace on stderr, a
 * core file where core dumps are on (nodejs/node#51519; later Node lines ignore the error).
 *
 * Each standard descriptor whose terminal is gone is pointed at /dev/null, which Node leaves alone:
 * as the process ends, and as soon as cli.tsx finds the terminal gone (a write that fails with EIO,
 * its once-a-second check), for a signal that Node handles itself ends the process without an
 * 'exit' event. What btalk still owes (the outcome of an order in flight, its journal line, a
 * batch's results file) goes on; what it writes to the terminal is lost either way. A terminal
 * that is still there is never touched.
 */

/** What the guard needs of the process: cli.tsx gives node:tty and node:fs. */
export interface StdioProbe {
  /** True while `fd` is a terminal that is still there (a hung-up terminal answers false). */
  isatty(fd: number): boolean;
  /** True when `fd` is open on a character device (a terminal, hung up or not; /dev/null). */
  isCharacterDevice(fd: number): boolean;
  /** Puts /dev/null in the place of `fd`. */
  replaceWithNull(fd: number): void;
}

const STANDARD = [0, 1, 2] as const;

/**
 * Each standard descriptor open on a character device that is not a terminal (any more) gets
 * /dev/null in its place, and the descriptors replaced are returned.
 * Whether it was a terminal is not asked at start: a terminal can go away while Node itself
 * starts, after Node noted it and before btalk's first line runs. A descriptor that was /dev/null
 * all along is replaced by /dev/null; a terminal that is still there, a pipe or a file is never
 * touched.
 */
export function releaseLostTerminals(probe: StdioProbe): number[] {
  const lost = STANDARD.filter((fd) => {
    try {
      return probe.isCharacterDevice(fd) && !probe.isatty(fd);
    } catch {
      // Closed: Node's restore skips it too.
      return false;
    }
  });
  for (const fd of lost) {
    try {
      probe.replaceWithNull(fd);
    } catch {
      // Nothing better to do as the process ends: Node's own restore then runs as it would.
    }
  }
  return lost;
}

/**
 * Puts the terminal back in line mode after raw mode. On a terminal that went away the call fails
 * (EIO): there is nothing left to restore, and the run ends as a hang-up, not as an error.
 */
export function leaveRawMode(stdin: {setRawMode?: (mode: boolean) => unknown}): void {
  try {
    stdin.setRawMode?.(false);
  } catch {
    // The terminal is gone.
  }
}
