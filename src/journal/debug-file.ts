/**
 * Where --debug lines go. On stderr for the commands; into a file while the wizard runs, because
 * Ink owns the terminal then and a stderr line would be drawn over (and leave wreckage in the
 * scrollback). The file is named on stderr once the command is over, after Ink has gone.
 *
 * The file, like npm's _logs: one per run in the state folder (src/journal/state-dir.ts), named
 * debug-<UTC time>.log, and only the newest KEPT_DEBUG_LOGS kept. One file per run is what a
 * person attaches to a ticket: it holds exactly the run that went wrong, two wizards open at once
 * never share one, and the folder cannot grow without bound. --debug-file PATH (BTALK_DEBUG_FILE)
 * names a file instead, which every command then writes to: it is appended to under a line that
 * starts each run, and never pruned. New files are created 0600 (the folder 0700): the lines are
 * redacted, but they name customers and paths.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DEBUG_FILE_VARIABLE = 'BTALK_DEBUG_FILE';
export const KEPT_DEBUG_LOGS = 10;
const NAME = /^debug-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z(?:-\d+)?\.log$/;

export interface DebugFile {
  readonly path: string;
  /** One line; after a failed write the rest are dropped and `problem` says why. */
  write(line: string): void;
  readonly problem: string | undefined;
  close(): void;
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ?? (e instanceof Error ? e.message : String(error));
}

/** "debug-2026-12-02T01-45-11.123Z.log": the time sorts as text, and no ":" (Windows refuses it). */
export function debugFileName(now: Date, attempt = 1): string {
  return `debug-${now.toISOString().replace(/:/g, '-')}${attempt > 1 ? `-${attempt}` : ''}.log`;
}

/** Removes all but the newest `keep` of btalk's own debug files in `dir`; nothing else is touched. */
function prune(dir: string, keep: number): void {
  try {
    const ours = fs.readdirSync(dir).filter((name) => NAME.test(name)).sort();
    for (const name of ours.slice(0, Math.max(0, ours.length - keep))) fs.rmSync(path.join(dir, name), {force: true});
  } catch {
    // Old logs left behind are no reason to stop a run.
  }
}

function fileOn(fd: number, file: string): DebugFile {
  let problem: string | undefined;
  let open = true;
  return {
    path: file,
    get problem() {
      return problem;
    },
    write(line) {
      if (!open || problem) return;
      try {
        fs.writeSync(fd, `${line}\n`);
      } catch (error) {
        problem = `a write failed (${reason(error)}); later lines are missing`;
      }
    },
    close() {
      if (!open) return;
      open = false;
      try {
        fs.closeSync(fd);
      } catch {
        // Nothing is left to say about a file whose last line was written.
      }
    },
  };
}

function started(fd: number, file: string, header: string): DebugFile {
  const opened = fileOn(fd, file);
  opened.write(header);
  return opened;
}

export interface OpenDebugFileOptions {
  /** The state folder, or why there is none. */
  location: {dir: string} | {problem: string};
  /** A file the person chose (absolute, or relative to `cwd`): appended to, never pruned. */
  chosen?: string | undefined;
  cwd: string;
  now: Date;
  /** The first line of this run's part of the file ("btalk 0.1.0, run started ..."). */
  header: string;
}

/** Opens this run's debug file, or says in a few words why it cannot be written. */
export function openDebugFile(options: OpenDebugFileOptions): {file: DebugFile} | {problem: string} {
  if (options.chosen) {
    const file = path.resolve(options.cwd, options.chosen);
    try {
      return {file: started(fs.openSync(file, 'a', 0o600), file, options.header)};
    } catch (error) {
      return {problem: `cannot open ${file} (${reason(error)})`};
    }
  }
  if ('problem' in options.location) return {problem: options.location.problem};
  const dir = options.location.dir;
  try {
    fs.mkdirSync(dir, {recursive: true, mode: 0o700});
  } catch (error) {
    return {problem: `cannot create ${dir} (${reason(error)})`};
  }
  prune(dir, KEPT_DEBUG_LOGS - 1);
  for (let attempt = 1; attempt <= 50; attempt++) {
    const file = path.join(dir, debugFileName(options.now, attempt));
    try {
      return {file: started(fs.openSync(file, 'wx', 0o600), file, options.header)};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      return {problem: `cannot create ${file} (${reason(error)})`};
    }
  }
  return {problem: `every name for this run's file in ${dir} is taken`};
}

export interface DebugOutput {
  /** One redacted request line: to the file when there is one, else to stderr. */
  line(line: string): void;
  /**
   * From now on lines go to a file (the chosen one, else a new one in the state folder), never to
   * stderr: the wizard calls it before Ink takes the terminal. When no file can be written, it
   * says so once on stderr and the lines are dropped.
   */
  toFile(): void;
  /** Names the file on stderr (when lines went to one) and closes it. */
  finish(): void;
}

export interface DebugOutputOptions {
  stderr: {write(text: string): unknown};
  /** The chosen file (--debug-file, BTALK_DEBUG_FILE), read when the first line comes. */
  chosen: () => string | undefined;
  open: (chosen: string | undefined) => {file: DebugFile} | {problem: string};
}

export function createDebugOutput(options: DebugOutputOptions): DebugOutput {
  let state: {kind: 'stderr'} | {kind: 'file'; file: DebugFile} | {kind: 'none'} | undefined;
  /** Without a file, a command goes on printing its lines; the wizard goes on without them. */
  const openFile = (otherwise: 'stderr' | 'none') => {
    const opened = options.open(options.chosen());
    if ('file' in opened) return (state = {kind: 'file', file: opened.file});
    const then = otherwise === 'stderr' ? 'they go to stderr' : 'going on without it';
    options.stderr.write(`The debug log cannot be written: ${opened.problem}; ${then}.\n`);
    return (state = {kind: otherwise});
  };
  return {
    line(line) {
      const now = state ?? (options.chosen() ? openFile('stderr') : (state = {kind: 'stderr'}));
      if (now.kind === 'file') now.file.write(line);
      else if (now.kind === 'stderr') options.stderr.write(`${line}\n`);
    },
    toFile() {
      if (state?.kind === 'file' || state?.kind === 'none') return;
      openFile('none');
    },
    finish() {
      if (state?.kind !== 'file') return;
      const {file} = state;
      file.close();
      options.stderr.write(`Debug log: ${file.path}${file.problem ? ` (incomplete: ${file.problem})` : ''}\n`);
    },
  };
}
