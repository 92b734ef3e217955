/**
 * Journals one order attempt around the call that places it: whatever the call returns or throws
 * is written as one line (ordered, recovered, refused, unknown) with every request id it saw, then
 * returned or rethrown unchanged. The journal never changes what happens to the order.
 */
import type {OrderRequest} from '../api/types.js';
import {errorOneLine, isBtalkError} from '../errors.js';
import type {PlacedOrder} from '../order/place-order.js';
import type {JournalOutcome, OrderAttempt} from './entry.js';

/** Writes one attempt (the session adds profile, environment, time); never rejects. */
export type RecordOrder = (attempt: OrderAttempt) => Promise<void>;

export interface OrderContext {
  source: OrderAttempt['source'];
  customer: {code: string; name?: string | undefined};
  vpn: {id: string; name?: string | undefined};
  request: OrderRequest;
  batch?: {file: string; row: number};
}

function outcomeOf(placed: PlacedOrder): JournalOutcome {
  // A future placeOrder may say an outcome is still unknown without throwing.
  const said = (placed as {outcome?: unknown}).outcome;
  if (said === 'unknown') return 'unknown';
  return placed.recovered ? 'recovered' : 'ordered';
}

export function attemptFor(context: OrderContext, result: {placed: PlacedOrder} | {error: unknown}, requestIds: readonly string[]): OrderAttempt {
  const {parameters, customerOrderReference} = context.request;
  const ids = [...new Set(requestIds)];
  const base = {
    source: context.source,
    customer: {code: context.customer.code, ...(context.customer.name === undefined ? {} : {name: context.customer.name})},
    vpn: {id: context.vpn.id, ...(context.vpn.name === undefined ? {} : {name: context.vpn.name})},
    country: parameters.country,
    technicalSiteName: parameters.technicalSiteName,
    customerSiteLabel: parameters.customerSiteLabel,
    customerOrderReference,
    ...(context.batch ? {batch: context.batch} : {}),
  };
  if ('placed' in result) {
    const {placed} = result;
    const orderId = placed.order?.orderId;
    return {
      ...base,
      outcome: outcomeOf(placed),
      ...(placed.voiceSiteId ? {voiceSiteId: String(placed.voiceSiteId)} : {}),
      ...(orderId === undefined ? {} : {orderId: String(orderId)}),
      requestIds: ids,
    };
  }
  const error = result.error;
  const known = isBtalkError(error);
  if (known && error.api?.requestId !== undefined && !ids.includes(error.api.requestId)) ids.unshift(error.api.requestId);
  // What the API said stays with the entry, as `btalk history` shows it later.
  const message = known ? errorOneLine(error, {hint: false}) : error instanceof Error ? error.message : String(error);
  return {
    ...base,
    outcome: known && error.outcomeUnknown ? 'unknown' : 'refused',
    requestIds: ids,
    error: message,
  };
}

/**
 * Runs `place` (which must pass `onRequestId` on to placeOrder) and journals what came of it. An
 * interrupted wizard (its signal aborted) is journalled too: the POST may have landed.
 */
export async function placeAndRecord(
  record: RecordOrder | undefined,
  context: OrderContext,
  place: (onRequestId: (id: string) => void) => Promise<PlacedOrder>,
): Promise<PlacedOrder> {
  const {outcome, recorded} = await placeThenRecord(record, context, place);
  await recorded;
  if ('error' in outcome) throw outcome.error;
  return outcome.placed;
}

export interface PlacedAndRecording {
  /** What `place` returned or threw, unchanged. */
  outcome: {placed: PlacedOrder} | {error: unknown};
  /** Settles once the attempt's journal line is written (as `record` does: RecordOrder never rejects). */
  recorded: Promise<void>;
}

/**
 * placeAndRecord for a caller that has other work to start while the line is written (a batch's
 * next row): the outcome as soon as `place` settles, and the line's writing as a promise. The
 * caller must await `recorded` before it reports or counts the outcome.
 */
export async function placeThenRecord(
  record: RecordOrder | undefined,
  context: OrderContext,
  place: (onRequestId: (id: string) => void) => Promise<PlacedOrder>,
): Promise<PlacedAndRecording> {
  const requestIds: string[] = [];
  const seen = (id: string) => requestIds.push(id);
  let outcome: PlacedAndRecording['outcome'];
  try {
    outcome = {placed: await place(seen)};
  } catch (error) {
    outcome = {error};
  }
  const recorded = record ? record(attemptFor(context, outcome, requestIds)) : Promise.resolve();
  return {outcome, recorded};
}
