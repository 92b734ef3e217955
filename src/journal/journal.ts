/**
 * The order journal: one JSON line per order attempt, appended to orders.jsonl in the state folder
 * (src/journal/state-dir.ts), mode 0600.
 *
 * Each line is written with ONE write(2) on a descriptor opened with O_APPEND, and kept under
 * MAX_LINE_BYTES: the kernel then places every line whole at the end of the file, so two btalk
 * processes appending at once never interleave or overwrite each other's lines (no lock needed).
 * The descriptor stays open while appends follow each other (a batch) and is closed after a
 * second of quiet; a journal moved away in that second keeps the lines written meanwhile.
 * Writing the journal must never stand in the way of an order: a failure (read-only disk, full
 * disk, no home folder) is said once on stderr and the order goes on; every append has a deadline.
 */
import {mkdir, open, readFile, type FileHandle} from 'node:fs/promises';
import path from 'node:path';
import {JournalEntrySchema, type JournalEntry} from './entry.js';

export const JOURNAL_FILE_NAME = 'orders.jsonl';
/** Well under the 4 KiB that local file systems write in one piece. */
export const MAX_LINE_BYTES = 3500;
/** Text fields from outside (the server's VPN name, an error message) are cut to this many characters. */
const MAX_FIELD_CHARS = 300;
const APPEND_DEADLINE_MS = 2000;
/** The journal's descriptor is closed after this long without an append. */
const IDLE_CLOSE_MS = 1000;

export interface OrderJournal {
  /** Absolute path of the journal file, or undefined when there is none (see `problem`). */
  readonly file: string | undefined;
  readonly problem: string | undefined;
  /** Appends one line. Never rejects: a failure is warned about once, then ignored. */
  append(entry: JournalEntry): Promise<void>;
}

export interface JournalOptions {
  /** The state folder, or why there is none. */
  location: {dir: string} | {problem: string};
  /** Where the one warning goes (stderr in the CLI). */
  warn: (line: string) => void;
  deadlineMs?: number;
  /** How long the descriptor stays open without an append (default IDLE_CLOSE_MS). */
  idleCloseMs?: number;
}

function cut(value: string, limit: number): string {
  return value.length <= limit ? value : `${value.slice(0, limit - 1)}…`;
}

/** The entry as one line, shortened (and marked so) when outside text would make it too long. */
export function journalLine(entry: JournalEntry): string {
  let line = JSON.stringify(entry);
  if (Buffer.byteLength(line) + 1 <= MAX_LINE_BYTES) return line + '\n';
  const shortened: string[] = [];
  const e: JournalEntry = {...entry, customer: {...entry.customer}, vpn: {...entry.vpn}};
  const shorten = (name: string, get: () => string | undefined, set: (v: string) => void, limit = MAX_FIELD_CHARS) => {
    const value = get();
    if (value !== undefined && value.length > limit) {
      set(cut(value, limit));
      shortened.push(name);
    }
  };
  shorten('error', () => e.error, (v) => (e.error = v));
  shorten('vpn.name', () => e.vpn.name, (v) => (e.vpn.name = v));
  shorten('customer.name', () => e.customer.name, (v) => (e.customer.name = v));
  shorten('customerSiteLabel', () => e.customerSiteLabel, (v) => (e.customerSiteLabel = v));
  shorten('batch.file', () => e.batch?.file, (v) => (e.batch = {...e.batch!, file: v}));
  if (e.requestIds.length > 10) {
    e.requestIds = [...e.requestIds.slice(0, 5), ...e.requestIds.slice(-5)];
    shortened.push('requestIds');
  }
  line = JSON.stringify({...e, shortened});
  if (Buffer.byteLength(line) + 1 > MAX_LINE_BYTES) {
    // Only the fields btalk itself wrote are left long: drop the free text rather than split a line.
    shortened.push('error', 'customerSiteLabel');
    line = JSON.stringify({...e, error: e.error === undefined ? undefined : cut(e.error, 40), customerSiteLabel: cut(e.customerSiteLabel, 40), shortened});
  }
  return line + '\n';
}

export function createOrderJournal(options: JournalOptions): OrderJournal {
  const location = options.location;
  const file = 'dir' in location ? path.join(location.dir, JOURNAL_FILE_NAME) : undefined;
  const problem = 'problem' in location ? location.problem : undefined;
  const deadlineMs = options.deadlineMs ?? APPEND_DEADLINE_MS;
  const idleCloseMs = options.idleCloseMs ?? IDLE_CLOSE_MS;
  let warned = false;
  const warnOnce = (why: string) => {
    if (warned) return;
    warned = true;
    options.warn(`Warning: the order journal ${file ? `(${file}) ` : ''}could not be written: ${why}. Orders are not affected; "btalk history" will not list this one.`);
  };

  // One descriptor for a run of appends (a batch writes a line per row): the folder created, the
  // file opened and its mode fixed once, not per line. It is closed after idleCloseMs without an
  // append, and reopened by the next one.
  let handle: Promise<FileHandle> | undefined;
  let writing = 0;
  let idle: NodeJS.Timeout | undefined;

  async function openJournal(path_: string): Promise<FileHandle> {
    await mkdir(path.dirname(path_), {recursive: true, mode: 0o700});
    const opened = await open(path_, 'a', 0o600);
    // A file created by an older btalk or by hand may be wider open than it should be.
    await opened.chmod(0o600).catch(() => undefined);
    return opened;
  }

  function closeWhenIdle(): void {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (writing > 0 || !handle) return;
      const closing = handle;
      handle = undefined;
      void closing.then((h) => h.close()).catch(() => undefined);
    }, idleCloseMs);
    idle.unref();
  }

  async function write(entry: JournalEntry): Promise<void> {
    if (!file) throw new Error(problem ?? 'no state folder');
    const bytes = Buffer.from(journalLine(entry), 'utf8');
    writing++;
    try {
      const opening = (handle ??= openJournal(file));
      // A failed open is not kept: the next append tries again (the warning is said once).
      opening.catch(() => {
        if (handle === opening) handle = undefined;
      });
      const {bytesWritten} = await (await opening).write(bytes, 0, bytes.length);
      if (bytesWritten !== bytes.length) throw new Error(`only ${bytesWritten} of ${bytes.length} bytes were written (disk full?)`);
    } finally {
      writing--;
      closeWhenIdle();
    }
  }

  return {
    file,
    problem,
    async append(entry) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the disk within ${deadlineMs / 1000} s`)), deadlineMs);
        timer.unref();
      });
      try {
        await Promise.race([write(entry), deadline]);
      } catch (thrown) {
        const error = thrown as NodeJS.ErrnoException;
        warnOnce(error.code ? `${error.code} ${error.message.replace(/^[A-Z]+: /, '')}` : error.message);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export interface JournalContents {
  entries: JournalEntry[];
  /** Lines that are not journal entries (cut by a crash, edited by hand): counted, never fatal. */
  unreadable: number;
  /** False when the file does not exist yet. */
  exists: boolean;
}

export async function readJournal(file: string): Promise<JournalContents> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return {entries: [], unreadable: 0, exists: false};
    throw thrown;
  }
  const entries: JournalEntry[] = [];
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      unreadable++;
      continue;
    }
    const result = JournalEntrySchema.safeParse(parsed);
    if (result.success) entries.push(result.data);
    else unreadable++;
  }
  return {entries, unreadable, exists: true};
}

