/**
 * Checks every row of a batch before anything is sent: the local name rules, then customer, VPN and
 * coverage against the API (each list fetched once), then duplicates within the file. A row whose
 * site already exists as the row asks for it (same customer, VPN, country and label) is skipped,
 * not refused: that is how a batch resumes. A site of that name ordered otherwise is a problem of
 * the row: it was never sent.
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

/**
 * A label as a person reads it: one composed form of each letter (macOS writes é decomposed) and
 * every run of spaces, non-breaking ones included, as one space. Two labels that read the same are
 * the same label: a file saved again with a non-breaking or doubled space still resumes.
 */
function readLabel(label: string): string {
  return label.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * How an existing site differs from what a row asks for: the VPN, the country or the label it was
 * ordered with. Only fields the site lists can differ.
 */
function differences(site: VoiceSite, order: ResolvedOrder): {vpn?: string; country?: string; label?: string} {
  return {
    ...(site.vpnId !== undefined && String(site.vpnId) !== order.vpn.vpnId ? {vpn: `VPN ${String(site.vpnId)}, not ${order.vpn.vpnId} (${order.vpn.name})`} : {}),
    ...(site.country !== undefined && site.country.trim().toUpperCase() !== order.country.iso2 ? {country: `country ${site.country}, not ${order.country.iso2}`} : {}),
    ...(site.customerSiteLabel !== undefined && readLabel(site.customerSiteLabel) !== readLabel(order.customerSiteLabel)
      ? {label: `label "${site.customerSiteLabel}", not "${order.customerSiteLabel}"`}
      : {}),
  };
}

export async function checkBatch(rows: readonly BatchRow[], catalog: OrderCatalog, now: Date, hooks: CheckHooks = {}): Promise<CheckedBatch> {
  const problems: RowProblem[] = [];
  const planned: PlannedRow[] = [];
  const skipped: SkippedRow[] = [];
  const locals = rows.map((r) => ({row: r.row, answers: r.answers, local: checkLocalAnswers(r.answers, now, 'row')}));
  // One complete read of the voicesites, keeping only those a row names (large accounts).
  const names = new Set(locals.map((l) => l.local.ok?.technicalSiteName).filter((n): n is string => n !== undefined));
  const reading = catalog.sitesNamed([...names]);
  readAhead(catalog, locals.map((l) => l.answers));
  const sites = await reading;

  // Rows resolved concurrently: the catalog makes each distinct list one request. A row's
  // customer is known only once resolved (a code, a name, or the key's only customer): the
  // existing site and the rows that share a name are looked for with that code, however the cell
  // wrote it.
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
        return checkedOne({row, problems: [...local.problems, ...more]});
      }
      const checked = await resolveRemote(catalog, local.ok);
      if (!checked.ok) return checkedOne({row, problems: checked.problems});
      return checkedOne({row, order: checked.ok, site: findSiteByName(sites, checked.ok.technicalSiteName, checked.ok.customer.customerCode)});
    }),
  );

  // Names are unique per customer: the first row that names a site keeps it, in file order.
  const firstRowOf = new Map<string, number>();
  for (const r of resolved.sort((a, b) => a.row - b.row)) {
    if ('problems' in r) {
      problems.push(...rowProblems(r.row, r.problems));
      continue;
    }
    const name = r.order.technicalSiteName;
    const key = `${r.order.customer.customerCode}\n${name}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      problems.push({row: r.row, column: 'site-name', message: `${name} is also the site name of row ${first}`});
      continue;
    }
    firstRowOf.set(key, r.row);
    if (!r.site) {
      planned.push({row: r.row, order: r.order});
      continue;
    }
    // A site of that name exists. Ordered as this row asks (a batch run again): skipped. Ordered
    // otherwise: this row was never sent, and saying "skipped" would pass it for done.
    const differs = differences(r.site, r.order);
    const texts = [differs.vpn, differs.country, differs.label].filter((t): t is string => t !== undefined);
    if (texts.length === 0) skipped.push({row: r.row, technicalSiteName: name, site: r.site});
    else {
      const existing = `a voicesite named ${name} already exists for customer ${r.order.customer.customerCode} (${String(r.site.voiceSiteId)}) with ${texts.join('; ')}`;
      // Same VPN and country, another label: most likely this row's own earlier order, its label
      // edited since. A site-name of its own would order that site a second time.
      const advice =
        differs.vpn === undefined && differs.country === undefined
          ? 'if it is this row\'s earlier order, with its label changed since, remove the row (or put back the label it was ordered with); give the row a site-name of its own only for another site'
          : 'give this row a site-name of its own';
      problems.push({row: r.row, column: 'site-name', message: `${existing}: ${advice}`});
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
