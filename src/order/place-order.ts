/**
 * Places one voicesite order, the one way the wizard, `btalk order` and batches all use.
 *
 * The order POST is never resent on its own. When it failed in a way that may still have created
 * the site (timeout, reset, 5xx: `outcomeUnknown`), the outcome is unknown until proven: the
 * voicesites are searched for the order's technical name again and again over a bounded window,
 * with backoff (2, 4, 8, 16, then every 20 s, for up to 2 minutes by default), and the order is
 * "created" as soon as the site is listed. When the window ends without it, the order may still be
 * processing: it stays unknown, never "safe to resend". Sending it again is an explicit choice
 * (`resendIfAbsent`), made only after one more complete check finds no such site, and only once.
 * A 401 on the POST (the gateway refused the token) is checked the same way, once.
 */
import {BtalkError, isBtalkError} from '../errors.js';
import type {BusinessTalkApi, OrderRequest, OrderResult, VoiceSite} from '../api/types.js';
import {findSiteByName} from '../domain/site-rules.js';
import {sleep, systemTimers, type Timers} from '../timers.js';

export type PlacedOrder =
  | {voiceSiteId: string; recovered: false; order: OrderResult; site?: undefined}
  | {voiceSiteId: string; recovered: true; site: VoiceSite; order?: undefined};

export interface RecheckSettings {
  /** How long the site is looked for after an unknown outcome. */
  windowMs: number;
  /** The first pause between two checks; it doubles up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RECHECK: RecheckSettings = {windowMs: 120_000, firstDelayMs: 2_000, maxDelayMs: 20_000};

/** Where a re-check window is: for a countdown ("next check in 6 s, up to 1 min 40 s more"). */
export interface RecheckProgress {
  /** Checks made so far. */
  checks: number;
  /** Epoch ms of the next check, and of the window's end. */
  nextAt: number;
  endsAt: number;
  /** Why the last check did not settle it (the site not listed, or the check itself failed). */
  last: string;
}

export interface PlaceOrderHooks {
  /** Called before each search of the voicesites after an unknown outcome (attempt 1, 2, ...). */
  onChecking?: (check: number) => void;
  /** Called before each pause of the re-check window, for a countdown. */
  onWaiting?: (progress: RecheckProgress) => void;
  /** Called when, by the caller's choice, a fresh complete check found no site and the order is sent again. */
  onResending?: () => void;
  /** Aborts the POST itself (nobody is left to read the answer). */
  signal?: AbortSignal;
  /** Stops the re-check window early (Ctrl+C): the outcome stays unknown and is said so. */
  stopChecking?: AbortSignal;
  /** Told the request id of every answer: the POST's, then those of the voicesites checks. */
  onRequestId?: (requestId: string) => void;
  recheck?: RecheckSettings;
  /** After the window ends without the site: one more complete check, and if absent, one resend. */
  resendIfAbsent?: boolean;
  clock?: () => number;
  timers?: Timers;
}

/** The order as found in the voicesites after its answer was lost, if the site is there. */
export function recoveredOrder(sites: readonly VoiceSite[], customerCode: string, technicalSiteName: string): PlacedOrder | undefined {
  const site = findSiteByName(sites, technicalSiteName, customerCode);
  return site ? {voiceSiteId: String(site.voiceSiteId), recovered: true, site} : undefined;
}

/** What the failed POST got, without the "may have been created" the client adds to it. */
function whatHappened(postError: BtalkError): string {
  const said = postError.message
    .replace(/[:.]?\s*(the order|it) may have been created\.?$/i, '')
    .replace(/\.$/, '');
  return `${said.charAt(0).toLowerCase()}${said.slice(1)}`;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}

/** The next pause of the window: 2, 4, 8, 16, 20, 20 ... s by default. */
export function recheckDelayMs(check: number, settings: RecheckSettings): number {
  return Math.min(settings.maxDelayMs, settings.firstDelayMs * 2 ** Math.max(0, check - 1));
}

/** Is a site of that name listed? A complete read; undefined when the read itself failed. */
async function lookFor(api: BusinessTalkApi, customerCode: string, name: string, hooks: PlaceOrderHooks): Promise<{found?: PlacedOrder; failed?: BtalkError}> {
  try {
    const {matches} = await api.findVoicesites((s) => s.technicalSiteName === name, hooks.onRequestId ? {onRequestId: hooks.onRequestId} : {});
    const found = recoveredOrder(matches, customerCode, name);
    return found ? {found} : {};
  } catch (error) {
    return {failed: isBtalkError(error) ? error : new BtalkError('bug', String(error))};
  }
}

/** The one POST of an order: its answer, or the error it ended with. */
async function post(api: BusinessTalkApi, customerCode: string, order: OrderRequest, hooks: PlaceOrderHooks): Promise<PlacedOrder | BtalkError> {
  const callOptions = {...(hooks.signal ? {signal: hooks.signal} : {}), ...(hooks.onRequestId ? {onRequestId: hooks.onRequestId} : {})};
  try {
    const result = await api.orderVoicesite(customerCode, order, callOptions);
    return {voiceSiteId: String(result.voiceSiteId), recovered: false, order: result};
  } catch (thrown) {
    if (!isBtalkError(thrown)) throw thrown;
    return thrown;
  }
}

export async function placeOrder(api: BusinessTalkApi, customerCode: string, order: OrderRequest, hooks: PlaceOrderHooks = {}): Promise<PlacedOrder> {
  const name = order.parameters.technicalSiteName;
  const first = await post(api, customerCode, order, hooks);
  if (!(first instanceof BtalkError)) return first;
  if (first.api?.status === 401 && !first.outcomeUnknown) return afterRefusedToken(api, customerCode, name, first, hooks);
  if (!first.outcomeUnknown) throw first;

  const settled = await recheckWindow(api, customerCode, name, first, hooks);
  if (!(settled instanceof BtalkError)) return settled;
  if (!hooks.resendIfAbsent || hooks.stopChecking?.aborted) throw settled;
  // The caller chose to resend if, now, a complete list still shows no such site.
  return sendAgainIfAbsent(api, customerCode, order, hooks);
}

/**
 * An order whose outcome stayed unknown, sent again by the person's explicit choice (`btalk order
 * --resend-if-absent`, the wizard's "Send again"): first one fresh, complete read of GET
 * /voicesites. The site listed: it was created, and that is the answer (nothing is sent). The
 * read failed: nothing is sent, and the error says so. Absent: one POST, whose own outcome, if
 * lost too, is looked for over the re-check window and otherwise left unknown (never a third).
 */
export async function sendAgainIfAbsent(api: BusinessTalkApi, customerCode: string, order: OrderRequest, hooks: PlaceOrderHooks = {}): Promise<PlacedOrder> {
  const name = order.parameters.technicalSiteName;
  hooks.onChecking?.(0);
  const fresh = await lookFor(api, customerCode, name, hooks);
  if (fresh.found) return fresh.found;
  if (fresh.failed) {
    throw new BtalkError(fresh.failed.kind, `Nothing was sent again: reading GET /voicesites in full before sending ${name} again failed (${fresh.failed.message}).`, {
      hint: `The order for ${name} may still be processing. Check again later, or run "btalk voicesites --filter ${name}"; send it again only after a complete check shows no ${name}.`,
      ...(fresh.failed.api === undefined ? {} : {api: fresh.failed.api}),
      outcomeUnknown: true,
      cause: fresh.failed,
    });
  }
  hooks.onResending?.();
  const second = await post(api, customerCode, order, hooks);
  if (!(second instanceof BtalkError)) return second;
  if (!second.outcomeUnknown) throw second;
  // Never a third POST: the second one's outcome is looked for, then left unknown if need be.
  const again = await recheckWindow(api, customerCode, name, second, hooks);
  if (again instanceof BtalkError) throw again;
  return again;
}

/** The gateway refused the POST's token (401): not processed. One complete check says so. */
async function afterRefusedToken(api: BusinessTalkApi, customerCode: string, name: string, postError: BtalkError, hooks: PlaceOrderHooks): Promise<PlacedOrder> {
  hooks.onChecking?.(1);
  const look = await lookFor(api, customerCode, name, hooks);
  if (look.found) return look.found;
  const checked = look.failed ? ` Checking the voicesites afterwards failed (${look.failed.message}).` : ` GET /voicesites, checked afterwards, does not list ${name}.`;
  throw new BtalkError(postError.kind, `${postError.message}${checked}`, {
    hint: look.failed ? `Run "btalk voicesites --filter ${name}" before sending it again.` : 'Sending it again is safe and your choice: the gateway refused the request before Business Talk saw it.',
    ...(postError.api === undefined ? {} : {api: postError.api}),
    outcomeUnknown: look.failed !== undefined,
    cause: postError,
  });
}

function unknownError(name: string, postError: BtalkError, what: string, cause?: unknown): BtalkError {
  return new BtalkError(postError.kind, `The order for ${name} may still be processing: ${whatHappened(postError)}, and ${what}.`, {
    hint: `Do not send it again yet. Look for it later with "btalk voicesites --filter ${name}"; send it again only after a complete check shows no ${name} (btalk order --resend-if-absent makes that check, then sends once).`,
    ...(postError.api === undefined ? {} : {api: postError.api}),
    outcomeUnknown: true,
    cause: cause ?? postError,
  });
}

/** Looks for the site until it is listed or the window ends; the unknown-outcome error otherwise. */
async function recheckWindow(api: BusinessTalkApi, customerCode: string, name: string, postError: BtalkError, hooks: PlaceOrderHooks): Promise<PlacedOrder | BtalkError> {
  const settings = hooks.recheck ?? DEFAULT_RECHECK;
  const clock = hooks.clock ?? Date.now;
  const timers = hooks.timers ?? systemTimers;
  const started = clock();
  const endsAt = started + settings.windowMs;
  let lastFailure: BtalkError | undefined;
  for (let check = 1; ; check++) {
    hooks.onChecking?.(check);
    const look = await lookFor(api, customerCode, name, hooks);
    if (look.found) return look.found;
    lastFailure = look.failed;
    const last = look.failed ? `the check failed: ${look.failed.message}` : `${name} is not listed yet`;
    const delay = recheckDelayMs(check, settings);
    const now = clock();
    if (hooks.stopChecking?.aborted) {
      return unknownError(name, postError, `the search was stopped after ${check} ${check === 1 ? 'check' : 'checks'} of GET /voicesites (${last})`, lastFailure);
    }
    if (now + delay > endsAt) {
      const what = lastFailure
        ? `checking the voicesites failed (${lastFailure.message})`
        : `GET /voicesites, searched ${check} ${check === 1 ? 'time' : 'times'} over ${duration(now - started)}, does not list ${name} yet`;
      return unknownError(name, postError, what, lastFailure);
    }
    hooks.onWaiting?.({checks: check, nextAt: now + delay, endsAt, last});
    try {
      await sleep(timers, delay, hooks.stopChecking);
    } catch {
      return unknownError(name, postError, `the search was stopped after ${check} ${check === 1 ? 'check' : 'checks'} of GET /voicesites (${last})`, lastFailure);
    }
  }
}
