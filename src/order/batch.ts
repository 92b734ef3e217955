/**
 * `btalk order --from sites.csv`: read, check every row, then send with bounded concurrency.
 * Nothing is sent unless every row is valid. Rows whose site already exists are skipped, so
 * running the same file again after an interruption or failures finishes the job without
 * ordering anything twice. Results go to stdout as they arrive and to sites.results.csv.
 */
import {readFile} from 'node:fs/promises';
import {dirname, resolve as resolvePath} from 'node:path';
import {BtalkError} from '../errors.js';
import {decodeCsvBytes} from '../csv/decode.js';
import {terminalSafe, terminalSafeJson, terminalSafeLines} from '../text/terminal-safe.js';
import {parseBatchCsv, resultsPathFor, type BatchFile, type RowProblem} from './batch-csv.js';
import {checkBatch, type PlannedRow} from './batch-check.js';
import {startBatch, type BackoffSettings} from './batch-send.js';
import {untilSent, type BeforeSend} from './before-send.js';
import {confirm, declined} from './confirm.js';
import {createOrderCatalog, requireOrderAccess} from './order-catalog.js';
import {ANSWERS, answerLabel, type OrderOptions} from './order-options.js';
import {count, countWas} from '../text/plural.js';
import {createProgress} from './progress.js';
import {checkResultsWritable, previousUnknownNames, writeResultsCsv, type RowResult} from './results-csv.js';
import {plannedRequest, requestText} from './review.js';
import {usageError, YES_PROBLEM, type OrderDeps} from './order-command.js';
import {withApi} from '../session-api.js';
import {orderKey, unsettledForRun} from '../journal/unsettled.js';

export interface BatchTuning {
  backoff?: BackoffSettings;
}

/** Problems as the error lists them; header cells and cell values quoted in them are outside text. */
function rowFieldProblems(problems: readonly RowProblem[]): Array<{field: string; message: string}> {
  return problems.map((p) => ({field: terminalSafe(p.row === 0 ? p.column : `row ${p.row}, ${p.column}`), message: terminalSafe(p.message)}));
}

/** One result on stdout; the id, error and request id come from the server, so each is made terminal-safe. */
export function resultLine(r: RowResult): string {
  const parts = [`row ${r.row}`, terminalSafe(r.technicalSiteName), r.status];
  if (r.voiceSiteId) parts.push(terminalSafe(r.voiceSiteId));
  if (r.status === 'skipped') parts.push('(already exists)');
  if (r.recovered) parts.push('(answer lost, site found)');
  if (r.error) parts.push(terminalSafe(r.error));
  if (r.requestId) parts.push(`request id ${terminalSafe(r.requestId)}`);
  return parts.join('  ');
}

const CSV_FILE = 'a CSV file with a header row: vpn,country,site-name,label,reference';

/**
 * Why the batch file could not be read, in words, and what to do: `given` is the path as typed,
 * `resolved` where btalk looked for it (a relative path is taken from the current folder).
 */
export function readFailure(given: string, resolved: string, error: unknown): {reason: string; hint: string} {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return {reason: `there is no such file in ${terminalSafe(dirname(resolved))}`, hint: `Check the file's name, or give its full path (${CSV_FILE}).`};
    case 'ENOTDIR':
      return {reason: `part of the path ${terminalSafe(resolved)} is a file, not a folder`, hint: `Check the path (${CSV_FILE}).`};
    case 'EISDIR':
      return {reason: 'it is a folder, not a file', hint: `Give the path of the CSV file inside it (${CSV_FILE}).`};
    case 'EACCES':
    case 'EPERM':
      return {reason: 'you may not read it (no permission)', hint: `Ask whoever owns ${terminalSafe(given)} to let you read it, or order from a copy of it.`};
    default:
      return {reason: terminalSafe(error instanceof Error ? error.message : String(error)), hint: `Give the path of ${CSV_FILE}.`};
  }
}

/** "rows 3, 5 and 8" (the first five, then how many more). */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 5).map(String);
  const more = rows.length > 5 ? ` and ${rows.length - 5} more` : '';
  if (shown.length === 1) return `row ${shown[0]}`;
  return more ? `rows ${shown.join(', ')}${more}` : `rows ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** What the answers given as flags or variables did to the file's rows, one line each. */
function fillNotes(file: BatchFile): string[] {
  const lines: string[] = [];
  for (const a of ANSWERS) {
    const use = file.filled?.[a.name];
    if (!use) continue;
    const value = terminalSafe(String(file.rows.find((r) => use.took.includes(r.row))?.answers[a.name] ?? ''));
    if (use.took.length > 0) lines.push(`${rowList(use.took)} without ${a.column} ${use.took.length === 1 ? 'takes' : 'take'} "${value}" from ${answerLabel(a.name)}.`);
    if (use.own.length > 0) lines.push(`${rowList(use.own)} ${use.own.length === 1 ? 'keeps its' : 'keep their'} own ${a.column}: ${answerLabel(a.name)} fills only empty cells.`);
  }
  return lines;
}

export async function runBatch(deps: OrderDeps, options: OrderOptions & {from: string}, tuning: BatchTuning = {}): Promise<number> {
  // Until the first POST leaves, an interrupt ends the run at once, saying nothing was ordered.
  return untilSent(deps.runtime, `before the first order was sent: no voicesite from ${options.from} was ordered`, 'Run the same command again to order them.', (beforeSend) =>
    orderAll(deps, options, tuning, beforeSend),
  );
}

async function orderAll(deps: OrderDeps, options: OrderOptions & {from: string}, tuning: BatchTuning, beforeSend: BeforeSend): Promise<number> {
  const {runtime, globals} = deps;
  const json = globals.json === true;
  const say = (line: string) => runtime.stderr.write(`${line}\n`);
  const inputPath = resolvePath(runtime.cwd, options.from);
  const resultsPath = resultsPathFor(inputPath);

  let bytes: Uint8Array;
  try {
    bytes = await readFile(inputPath);
  } catch (error) {
    const {reason, hint} = readFailure(options.from, inputPath, error);
    throw new BtalkError('usage', `Cannot read ${options.from}: ${reason}.`, {hint});
  }
  const decoded = decodeCsvBytes(bytes, options.encoding);
  if (!decoded.ok) {
    throw new BtalkError('usage', `Cannot read ${options.from}: ${decoded.reason}.`, {
      hint: 'btalk reads CSV files in UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252, or in the encoding --encoding names, separated by commas, semicolons or tabs.',
    });
  }
  if (options.encoding === undefined && decoded.encoding === 'windows-1252') {
    say(`${options.from} is not UTF-8: read it as Windows-1252 (Excel's "CSV" on Windows). If accents look wrong below, save it as "CSV UTF-8" instead, or name its encoding with --encoding.`);
  }
  const file = parseBatchCsv(decoded.text, options.answers);
  for (const line of fillNotes(file)) say(line);
  const early = rowFieldProblems(file.problems);
  if (!options.yes && !options.dryRun && !runtime.interactive) early.push(YES_PROBLEM);
  // Problems in the file are fixed in the file; a column it leaves out may come from a flag.
  const fileHint = `Fix those rows in ${options.from} (a column the file leaves out may be given as a flag, e.g. --country FR), then run the same command again.`;
  if (early.length > 0) throw usageError(early, `Nothing was sent: ${options.from} needs fixing`, file.problems.length > 0 ? fileHint : undefined);

  // Before anything is sent: the batch must be able to say, at the end, what it did.
  await checkResultsWritable(resultsPath);
  const heldBack = options.resendIfAbsent ? new Set<string>() : await previousUnknownNames(resultsPath);

  return withApi(deps.sessions, globals, async (api, session) => {
    const catalog = createOrderCatalog(api);
    const rowCount = count(file.rows.length, 'row', 'rows');
    say(`Checking ${rowCount} of ${options.from} against ${api.baseUrl} ...`);
    const checking = createProgress(runtime.stderr, {verb: 'Checking', clock: runtime.clock});
    checking.update({done: 0, total: file.rows.length, ok: 0, failed: 0, skipped: 0});
    let checked;
    try {
      // The lists are read while /me says whether this key may order at all; a read-only key is
      // still told that first.
      const rows = checkBatch(file.rows, catalog, new Date(runtime.clock()), {
        onChecked: (done, total) => checking.update({done, total, ok: 0, failed: 0, skipped: 0}),
      });
      rows.catch(() => undefined);
      await beforeSend.race(requireOrderAccess(catalog));
      checked = await beforeSend.race(rows);
    } finally {
      checking.finish();
    }
    if (checked.problems.length > 0) {
      const bad = new Set(checked.problems.map((p) => p.row)).size;
      throw usageError(rowFieldProblems(checked.problems), `Nothing was sent: ${bad} of ${rowCount} ${bad === 1 ? 'needs' : 'need'} fixing`, fileHint);
    }

    const results: RowResult[] = [];
    const print = (r: RowResult) => runtime.stdout.write((json ? terminalSafeJson(r) : resultLine(r)) + '\n');
    for (const s of checked.skipped) {
      const r: RowResult = {row: s.row, technicalSiteName: s.technicalSiteName, status: 'skipped', voiceSiteId: String(s.site.voiceSiteId)};
      results.push(r);
      print(r);
    }
    // A row left `unknown` by an earlier run (this file's results, or any order in the journal)
    // and still not listed is not resent on its own.
    const unsettled = options.resendIfAbsent ? new Map() : await unsettledForRun(runtime.env, runtime.platform);
    const isHeld = (p: PlannedRow) =>
      heldBack.has(p.order.technicalSiteName) || unsettled.has(orderKey(api.baseUrl, p.order.customer.customerCode, p.order.technicalSiteName));
    for (const p of checked.planned.filter(isHeld)) {
      const name = p.order.technicalSiteName;
      const r: RowResult = {
        row: p.row,
        technicalSiteName: name,
        status: 'unknown',
        error: `An earlier run's order for ${name} had no clear answer, and GET /voicesites still does not list it; not sent again (btalk history --filter ${name} shows that order). If it is still absent later, run again with --resend-if-absent to send it.`,
      };
      results.push(r);
      print(r);
    }
    const planned = [...checked.planned].filter((p) => !isHeld(p)).sort((a, b) => a.row - b.row);
    const labels = new Map<number, string>(file.rows.flatMap((r) => (r.answers.label === undefined ? [] : [[r.row, r.answers.label] as const])));
    const withLabels = (list: readonly RowResult[]) => list.map((r) => ({...r, customerSiteLabel: r.customerSiteLabel ?? labels.get(r.row)}));
    const skippedNote = checked.skipped.length > 0 ? ` (${checked.skipped.length} already ${checked.skipped.length === 1 ? 'exists and is' : 'exist and are'} skipped)` : '';

    if (options.dryRun) {
      for (const p of planned) {
        const request = plannedRequest(api, p.order);
        runtime.stdout.write(json ? terminalSafeJson({row: p.row, dryRun: true, request}) + '\n' : `# row ${p.row}\n${terminalSafeLines(requestText(request))}\n`);
      }
      const all = file.rows.length === 1 ? 'the 1 row passed' : `all ${rowCount} passed`;
      say(`Dry run: ${all} the checks; ${planned.length} would be ordered${skippedNote}. Nothing was sent.`);
      return 0;
    }
    if (planned.length === 0) {
      await writeResultsCsv(resultsPath, withLabels(results), file.separator);
      const held = results.filter((r) => r.status === 'unknown').length;
      if (held > 0) {
        say(`Nothing sent: ${held} ${held === 1 ? 'row is' : 'rows are'} still unknown (see above), the others already exist. Results: ${resultsPath}`);
        return 1;
      }
      say(`Nothing to send: every row of ${options.from} already exists. Results: ${resultsPath}`);
      return 0;
    }
    if (!options.yes) {
      const question = `Order ${count(planned.length, 'voicesite', 'voicesites')} from ${options.from}${skippedNote}, ${options.concurrency} at a time?`;
      if (!(await beforeSend.aside(confirm(runtime, question)))) throw declined(`no voicesite from ${options.from} was ordered.`);
    }

    // An interrupt since the last check ends the run here, with nothing sent; from here on the
    // handler below stops the batch and waits for the rows in flight.
    beforeSend.sending();
    const progress = createProgress(runtime.stderr, {verb: 'Sending', outcomes: true, clock: runtime.clock});
    const counts = {done: 0, total: planned.length, ok: 0, failed: 0, skipped: 0};
    const searching = new Set<number>();
    const windowMs = options.recheck.windowMs;
    const windowSeconds = windowMs < 10_000 ? (windowMs / 1000).toFixed(1) : String(Math.round(windowMs / 1000));
    const sender = startBatch({
      api,
      rows: planned,
      concurrency: options.concurrency,
      record: session.recordOrder,
      file: inputPath,
      ...(tuning.backoff ? {backoff: tuning.backoff} : {}),
      clock: runtime.clock,
      random: runtime.random,
      timers: runtime.timers,
      recheck: options.recheck,
      onResult(r) {
        searching.delete(r.row);
        counts.done++;
        if (r.status === 'ok') counts.ok++;
        else if (r.status === 'failed') counts.failed++;
        progress.clear();
        print(r);
        progress.update(counts);
      },
      // The search after a lost answer can last the whole re-check window: said once a row, so the
      // progress line's wait has its reason.
      onChecking(row) {
        if (searching.has(row.row)) return;
        searching.add(row.row);
        progress.clear();
        say(
          `row ${row.row} ${terminalSafe(row.order.technicalSiteName)}: no clear answer to its order; looking for the site in GET /voicesites for up to ${windowSeconds} s before saying what came of it`,
        );
        progress.update(counts);
      },
      onRetry(row, waitMs, error) {
        progress.clear();
        const wait = error.api?.retryAfterMs;
        const asked = wait === undefined ? '' : ` (the API asked for ${Math.ceil(wait / 1000)} s)`;
        say(`row ${row.row}: rate limited, waiting ${(waitMs / 1000).toFixed(1)} s${asked} before trying again (not sent yet)`);
        progress.update(counts);
      },
    });
    progress.update(counts);
    const removeInterrupt = runtime.onInterrupt(() => {
      progress.clear();
      const inFlight = sender.inFlight();
      const answers = inFlight === 1 ? 'its answer' : 'their answers';
      if (counts.done + inFlight >= planned.length) {
        say(`Every row has been sent; waiting for ${inFlight === 1 ? 'the last answer' : `the last ${inFlight} answers`} so each gets a clear result ...`);
      } else {
        say(`Stopping: no new rows will be sent; waiting for the ${inFlight} in flight and ${answers} so each gets a clear result ...`);
      }
      sender.stop();
    });
    let sent: RowResult[];
    try {
      sent = await sender.done;
    } finally {
      removeInterrupt();
      progress.finish();
    }
    results.push(...sent);
    await writeResultsCsv(resultsPath, withLabels(results), file.separator);

    const notSent = sent.filter((r) => r.status === 'not-sent').length;
    const failed = sent.filter((r) => r.status === 'failed').length;
    const ok = sent.filter((r) => r.status === 'ok').length;
    const unknown = results.filter((r) => r.status === 'unknown').length;
    const unknownNote = unknown > 0 ? `, ${unknown} unknown` : '';
    say(`${ok} ordered, ${failed} failed${unknownNote}, ${checked.skipped.length} skipped, ${notSent} not sent. Results: ${resultsPath}`);
    if (unknown > 0) {
      say(`${unknown === 1 ? 'One row has' : `${unknown} rows have`} no clear outcome (status unknown): the order may still be processing. Run the same command again later: a row whose site is listed by then is skipped; one still absent is sent again only with --resend-if-absent.`);
    }
    if (sender.stopped && notSent > 0) {
      throw new BtalkError('cancelled', `Interrupted: ${countWas(notSent, 'row', 'rows')} not sent.`, {
        hint: `Run the same command again to send the rest; rows already ordered are skipped.`,
      });
    }
    if (sender.stopped) say('Interrupted after the last row: every row had been sent, so the batch is complete.');
    if (sender.halted) {
      say(`Stopped sending: ${sender.halted}. Run the same command again after that; rows already ordered are skipped.`);
      return 1;
    }
    if (failed > 0 || unknown > 0) {
      if (failed === 0) return 1;
      say(`Run the same command again to retry ${failed === 1 ? 'the failed row' : `the ${failed} failed rows`}; rows already ordered are skipped.`);
      return 1;
    }
    return 0;
  });
}
