/**
 * Checks every row of a batch before anything is sent: the local name rules, then customer, VPN and
 * coverage against the API (each list fetched once), then duplicates within the file. A row whose
 * technical site name already exists is skipped, not refused: that is how a batch resumes.
 *
 * Every problem of every row is found in one run: a row that breaks the name rules still has its
 * customer, VPN and country checked against the API, as a single `btalk order` does, so fixing
 * the file once is enough.
 */
import type {VoiceSite} from '../api/schemas.js';
import {findSiteByName} from '../domain/site-rules.js';
import {resolveCountry} from '../domain/countries.js';
import {ANSWERS, answerInfo, type Answers} from './order-options.js';
import type {OrderCatalog} from './order-catalog.js';
import {checkLocalAnswers, hasRemoteAnswers, remoteProblemsOf, resolveRemote, type AnswerProblem, type ResolvedOrder} from './resolve-inputs.js';
import type {BatchRow, RowProblem} from './batch-csv.js';

/** What a customer code looks like (a name has spaces or other characters). */
const CUSTOMER_CODE = /^[A-Za-z0-9_-]{1,64}$/;

export interface PlannedRow {
  row: number;
  order: ResolvedOrder;
}

export interface SkippedRow {
  row: number;
  technicalSiteName: string;
  site: VoiceSite;
}

export interface CheckedBatch {
  planned: PlannedRow[];
  skipped: SkippedRow[];
  problems: RowProblem[];
}

function rowProblems(row: number, problems: readonly AnswerProblem[]): RowProblem[] {
  return problems.map((p) => ({row, column: answerInfo(p.answer).column, message: p.message}));
}

export interface CheckHooks {
  /** Called as each row's check ends (in any order), with how many are done. */
  onChecked?: (done: number, total: number) => void;
}

/**
 * Starts, beside the voicesites, the reads the rows' checks will make: the customers and each
 * country named once, and the VPNs of each customer named by code (the customer list confirms it;
 * a code it does not list costs one GET). The checks then find them in the catalog, so a batch
 * waits for one round of reads (two when the customer comes from the list) instead of four.
 */
function readAhead(catalog: OrderCatalog, answers: readonly Answers[]): void {
  const reads: Array<Promise<unknown>> = [catalog.customers()];
  const countries = new Set(answers.map((a) => (a.country === undefined ? undefined : resolveCountry(a.country)?.iso2)));
  for (const iso2 of countries) if (iso2 !== undefined) reads.push(catalog.country(iso2));
  const codes = new Set(answers.map((a) => a.customer?.trim()));
  for (const code of codes) if (code !== undefined && CUSTOMER_CODE.test(code)) reads.push(catalog.vpns(code));
  // Each failure surfaces where its answer is awaited.
  for (const read of reads) read.catch(() => undefined);
}

export async function checkBatch(rows: readonly BatchRow[], catalog: OrderCatalog, now: Date, hooks: CheckHooks = {}): Promise<CheckedBatch> {
  const problems: RowProblem[] = [];
  const planned: PlannedRow[] = [];
  const skipped: SkippedRow[] = [];
  const locals = rows.map((r) => ({row: r.row, answers: r.answers, local: checkLocalAnswers(r.answers, now)}));
  // One complete read of the voicesites, keeping only those a row names (large accounts).
  const names = new Set(locals.map((l) => l.local.ok?.technicalSiteName).filter((n): n is string => n !== undefined));
  const reading = catalog.sitesNamed([...names]);
  readAhead(catalog, locals.map((l) => l.answers));
  const sites = await reading;
  // A site of another customer (keys with several) does not count when the row names its customer.
  const existingFor = (name: string, customer: string | undefined) => findSiteByName(sites, name, customer);

  const firstRowOf = new Map<string, number>();
  for (const {row, local} of locals) {
    if (!local.ok) {
      problems.push(...rowProblems(row, local.problems));
      continue;
    }
    const name = local.ok.technicalSiteName;
    // Names are unique per customer; rows naming different customers may share one.
    const key = `${local.ok.customer ?? ''}\n${name}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) problems.push({row, column: 'site-name', message: `${name} is also the site name of row ${first}`});
    else firstRowOf.set(key, row);
  }

  // Rows resolved concurrently: the catalog makes each distinct list one request.
  let done = 0;
  const checkedOne = <T>(value: T): T => {
    hooks.onChecked?.(++done, rows.length);
    return value;
  };
  const resolved = await Promise.all(
    locals.map(async ({row, answers, local}) => {
      if (!local.ok) {
        // What the API says about the answers given, in the same list as the local problems.
        const more = hasRemoteAnswers(answers) ? await remoteProblemsOf(catalog, answers) : [];
        return checkedOne({row, more});
      }
      const site = existingFor(local.ok.technicalSiteName, local.ok.customer);
      if (site) return checkedOne({row, skip: site, name: local.ok.technicalSiteName});
      return checkedOne({row, checked: await resolveRemote(catalog, local.ok)});
    }),
  );
  for (const r of resolved) {
    if ('more' in r) {
      problems.push(...rowProblems(r.row, r.more));
      continue;
    }
    if ('skip' in r && r.skip) skipped.push({row: r.row, technicalSiteName: r.name, site: r.skip});
    else if ('checked' in r && r.checked) {
      if (r.checked.ok) planned.push({row: r.row, order: r.checked.ok});
      else problems.push(...rowProblems(r.row, r.checked.problems));
    }
  }
  // By row, then in the file's column order, so a row's problems read left to right.
  const columnOrder = (column: string) => {
    const i = ANSWERS.findIndex((a) => a.column === column);
    return i < 0 ? ANSWERS.length : i;
  };
  problems.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  return {planned, skipped, problems};
}
