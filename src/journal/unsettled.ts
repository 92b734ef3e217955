/**
 * The orders whose outcome an earlier run left unknown (the POST went out, no clear answer came,
 * the site was not listed in its re-check window) and that no later line of the journal settled:
 * neither ordered, recovered nor refused since. A batch's results file says the same of its own
 * rows, but that file belongs to one copy of the CSV: the journal (orders.jsonl) follows every
 * order of the machine, whatever file, command or copy sent it, so a row held back stays held
 * back when the CSV is renamed, copied or its results file deleted.
 */
import path from 'node:path';
import {JOURNAL_FILE_NAME, readJournal} from './journal.js';
import type {JournalEntry} from './entry.js';
import {defaultStateDir} from './state-dir.js';

/** Orders are the same when sent to the same API, for the same customer, under the same site name. */
export function orderKey(baseUrl: string, customerCode: string, technicalSiteName: string): string {
  return `${baseUrl}\n${customerCode}\n${technicalSiteName}`;
}

/** The unsettled unknown orders of the journal in `stateDir`, by orderKey (none when it has no journal). */
export async function unsettledOrders(stateDir: string): Promise<Map<string, JournalEntry>> {
  const unsettled = new Map<string, JournalEntry>();
  let entries: JournalEntry[];
  try {
    entries = (await readJournal(path.join(stateDir, JOURNAL_FILE_NAME))).entries;
  } catch {
    // An unreadable journal holds nothing back; the results file and GET /voicesites still do.
    return unsettled;
  }
  for (const entry of entries) {
    const key = orderKey(entry.baseUrl, entry.customer.code, entry.technicalSiteName);
    if (entry.outcome === 'unknown') unsettled.set(key, entry);
    else unsettled.delete(key);
  }
  return unsettled;
}

/** The same, from the journal where this run's orders go (none when there is no state folder). */
export async function unsettledForRun(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): Promise<Map<string, JournalEntry>> {
  const location = defaultStateDir(env, platform);
  return 'dir' in location ? unsettledOrders(location.dir) : new Map();
}
