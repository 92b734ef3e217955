/**
 * `btalk order` for one voicesite, without prompts except one y/N confirmation in a terminal.
 * Order of checks: local answers (no network) → credentials → rights → customer/VPN/coverage →
 * an existing site with the same technical name → dry run or confirmation → one POST.
 */
import type {VoiceSite} from '../api/types.js';
import {BtalkError, EXIT_CODES, interruptWaitText, toBtalkError, type InterruptSignal} from '../errors.js';
import {placeAndRecord} from '../journal/record.js';
import {untilSent, type BeforeSend} from './before-send.js';
import {confirm, declined} from './confirm.js';
import {usageError, YES_PROBLEM, type OrderDeps} from './order-command.js';
import {createOrderCatalog, requireOrderAccess, type OrderCatalog} from './order-catalog.js';
import {answerLabel, type OrderOptions} from './order-options.js';
import {findSiteByName} from '../domain/site-rules.js';
import {orderKey, unsettledForRun} from '../journal/unsettled.js';
import {placeOrder} from './place-order.js';
import {checkLocalAnswers, hasRemoteAnswers, isProblem, remoteProblemsOf, resolveCustomer, resolveRemote, type AnswerProblem} from './resolve-inputs.js';
import {orderSummary, placedJson, plannedRequest, requestText} from './review.js';
import {withApi} from '../session-api.js';
import {terminalSafe, terminalSafeJson} from '../text/terminal-safe.js';

function toFieldProblems(problems: readonly AnswerProblem[]): Array<{field: string; message: string}> {
  return problems.map((p) => ({field: answerLabel(p.answer), message: p.message}));
}

/**
 * The API's view of the answers that were given, so that one run lists every problem. Best effort:
 * without credentials, keychain or network the local problems alone are reported (exit 2 either
 * way), and the real failure shows on the next run once the answers are complete.
 */
async function remoteProblemsIfPossible(deps: OrderDeps, answers: OrderOptions['answers'], beforeSend: BeforeSend): Promise<AnswerProblem[]> {
  try {
    // Raced inside the session, so that an interrupt closes it and its reads stop.
    return await withApi(deps.sessions, deps.globals, (api) => beforeSend.race(remoteProblemsOf(createOrderCatalog(api), answers)));
  } catch (thrown) {
    if (beforeSend.interrupted()) throw thrown;
    return [];
  }
}

/**
 * Starts together every read the checks below make, so the order waits for the token, one round
 * of reads (two when the customer is not known yet) and the POST, instead of one round trip per
 * check. The checks then take these answers from the catalog. Failures surface where each answer
 * is awaited; a read that was not needed (a read-only key stops at /me) costs nothing but a GET.
 */
function readAhead(
  catalog: OrderCatalog,
  local: {country: {iso2: string}; customer?: string | undefined; technicalSiteName: string},
  remembered: string | undefined,
): {sameName: Promise<VoiceSite[]>} {
  // The customer list first: the VPNs wait for it, so its answer is the one to have earliest (the
  // requests leave in this order once the token is in, and their answers tend to come back in it).
  const customers = catalog.customers();
  const reads: Array<Promise<unknown>> = [customers, catalog.me(), catalog.country(local.country.iso2)];
  const sameName = catalog.sitesNamed([local.technicalSiteName]);
  reads.push(sameName);
  // A customer given by code, or the one this profile ordered for last, is a guess until the
  // customer list confirms it; reading its VPNs now saves a round trip when it is right.
  const guess = local.customer ?? remembered;
  if (guess !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(guess)) reads.push(catalog.vpns(guess));
  // Otherwise (or when the guess is not the one), the customer's VPNs as soon as the list names
  // it, without waiting for /me and the country: the customer is chosen as resolveRemote chooses.
  reads.push(
    customers.then((list) => {
      const customer = resolveCustomer(list, local.customer);
      if (!isProblem(customer) && customer.customerCode !== guess) void catalog.vpns(customer.customerCode).catch(() => undefined);
    }),
  );
  for (const read of reads) read.catch(() => undefined);
  return {sameName};
}

export async function runSingleOrder(deps: OrderDeps, options: OrderOptions): Promise<number> {
  // Until the POST leaves, an interrupt ends the run at once, saying nothing was ordered.
  return untilSent(deps.runtime, 'before the order was sent: nothing was ordered', 'Run the same command again to order it.', (beforeSend) => orderOne(deps, options, beforeSend));
}

async function orderOne(deps: OrderDeps, options: OrderOptions, beforeSend: BeforeSend): Promise<number> {
  const {runtime, globals} = deps;
  const json = globals.json === true;
  const say = (line: string) => runtime.stderr.write(`${line}\n`);

  const local = checkLocalAnswers(options.answers, new Date(runtime.clock()));
  const problems = toFieldProblems(local.problems ?? []);
  if (!options.yes && !options.dryRun && !runtime.interactive) problems.push(YES_PROBLEM);
  if (problems.length > 0 || !local.ok) {
    // Only when answers need fixing anyway: a run refused for --yes alone sends no request at all.
    const answersWrong = (local.problems?.length ?? 0) > 0;
    const more = answersWrong && hasRemoteAnswers(options.answers) ? await remoteProblemsIfPossible(deps, options.answers, beforeSend) : [];
    throw usageError([...problems.filter((p) => p !== YES_PROBLEM), ...toFieldProblems(more), ...problems.filter((p) => p === YES_PROBLEM)], 'Cannot order');
  }

  return withApi(deps.sessions, globals, async (api, session) => {
    const catalog = createOrderCatalog(api);
    say(`Checking the order against ${api.baseUrl} ...`);
    const ahead = readAhead(catalog, local.ok, session.rememberedCustomer);
    await beforeSend.race(requireOrderAccess(catalog));
    const resolved = await beforeSend.race(resolveRemote(catalog, local.ok));
    if (!resolved.ok) throw usageError(toFieldProblems(resolved.problems), 'Cannot order');
    const order = resolved.ok;

    // The whole list is read (refused if incomplete), keeping only sites of that name.
    const existing = findSiteByName(
      await beforeSend.race(ahead.sameName),
      order.technicalSiteName,
      order.customer.customerCode,
    );
    if (existing) {
      throw new BtalkError(
        'invalid-input',
        `A voicesite named ${order.technicalSiteName} already exists (voiceSiteId ${existing.voiceSiteId}); nothing was ordered.`,
        {hint: `Choose another --site-name, or see it with "btalk voicesites --filter ${order.technicalSiteName}".`},
      );
    }
    // Not listed, but an earlier order of it had no clear answer (the journal): it may still be
    // processing, and sending it again could make it twice.
    if (!options.resendIfAbsent) {
      const earlier = (await unsettledForRun(runtime.env, runtime.platform)).get(orderKey(api.baseUrl, order.customer.customerCode, order.technicalSiteName));
      if (earlier) {
        throw new BtalkError(
          'invalid-input',
          `An earlier order for ${order.technicalSiteName} (${earlier.time}) had no clear answer, and GET /voicesites does not list it yet: it may still be processing, so it was not sent again.`,
          {hint: `See it with "btalk history --filter ${order.technicalSiteName}". Run the same command later; if the site is still absent, add --resend-if-absent to send it after a complete check.`},
        );
      }
    }

    const request = plannedRequest(api, order);
    if (options.dryRun) {
      if (json) runtime.stdout.write(terminalSafeJson({ok: true, dryRun: true, request, ...orderSummary(order)}) + '\n');
      else runtime.stdout.write(requestText(request));
      say('Dry run: every check passed. Nothing was sent.');
      return 0;
    }

    if (!options.yes) {
      const {reviewLines} = await import('./review-lines.js');
      for (const line of reviewLines(order, request, runtime.stdout.columns ?? 80)) say(line);
      if (!(await beforeSend.aside(confirm(runtime, 'Send this order?')))) throw declined('the order was not sent.');
    }

    // Once the POST is on its way, an interrupt (Ctrl+C, SIGTERM, SIGHUP) must not leave the person
    // unsure whether it landed: the POST is awaited up to its bound, a re-check window is cut short.
    // An interrupt since the last check ends the run here, with nothing sent.
    beforeSend.sending();
    let interrupted: InterruptSignal | undefined;
    const stopChecking = new AbortController();
    const removeInterrupt = runtime.onInterrupt((signal) => {
      if (interrupted === undefined) say(interruptWaitText(signal));
      interrupted ??= signal;
      stopChecking.abort();
    });
    const name = order.technicalSiteName;
    let placed;
    try {
      say(`Ordering ${name} ...`);
      const context = {
        source: 'order' as const,
        customer: {code: order.customer.customerCode, name: order.customer.name},
        vpn: {id: order.vpn.vpnId, name: order.vpn.name},
        request: order.request,
      };
      placed = await placeAndRecord(session.recordOrder, context, (onRequestId) =>
        placeOrder(api, order.customer.customerCode, order.request, {
          onChecking: (check) =>
            say(
              check === 0
                ? `--resend-if-absent: checking the whole list once more before sending ${name} again ...`
                : check === 1
                  ? `No clear answer from the API: looking for ${name} in GET /voicesites before anything else ...`
                  : `Looking for ${name} again (check ${check}) ...`,
            ),
          onWaiting: (p) =>
            say(`${p.last.charAt(0).toUpperCase()}${p.last.slice(1)}; next check in ${Math.max(1, Math.round((p.nextAt - runtime.clock()) / 1000))} s, giving up in ${Math.max(1, Math.round((p.endsAt - runtime.clock()) / 1000))} s (Ctrl+C stops).`),
          onResending: () => say(`${name} is still not listed: sending the order again, once, as --resend-if-absent asks ...`),
          stopChecking: stopChecking.signal,
          recheck: options.recheck,
          resendIfAbsent: options.resendIfAbsent,
          clock: runtime.clock,
          timers: runtime.timers,
          onRequestId,
        }),
      );
    } catch (thrown) {
      if (interrupted === undefined) throw thrown;
      // The outcome is said as it is; the exit code says the run was interrupted.
      const error = toBtalkError(thrown);
      throw new BtalkError('cancelled', error.message, {
        ...(error.hint === undefined ? {} : {hint: error.hint}),
        ...(error.api === undefined ? {} : {api: error.api}),
        outcomeUnknown: error.outcomeUnknown,
        cause: error,
      });
    } finally {
      removeInterrupt();
    }
    if (placed.recovered) say(`The order had gone through: ${order.technicalSiteName} exists.`);
    say(`Ordered: voiceSiteId ${placed.voiceSiteId}`);
    runtime.stdout.write(json ? terminalSafeJson(placedJson(order, placed)) + '\n' : `${terminalSafe(placed.voiceSiteId)}\n`);
    return interrupted === undefined ? 0 : EXIT_CODES.interrupted;
  });
}
