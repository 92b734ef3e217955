/**
 * Places one voicesite order, the one way the wizard and `btalk order` both use.
 *
 * The order POST is never resent by this module. When the POST failed in a way that may still
 * have created the site (timeout, reset, 5xx: `outcomeUnknown`), we ask the API whether a site with
 * the order's technicalSiteName exists: if it does, the order went through and we return it; if it
 * does not, the person is told plainly that nothing was created and sending again is safe.
 */
import {BtalkError, isBtalkError} from '../errors.js';
import type {BusinessTalkApi, OrderRequest, OrderResult, VoiceSite} from '../api/types.js';
import {findSiteByName} from '../domain/site-rules.js';

export type PlacedOrder =
  | {voiceSiteId: string; recovered: false; order: OrderResult; site?: undefined}
  | {voiceSiteId: string; recovered: true; site: VoiceSite; order?: undefined};

export interface PlaceOrderHooks {
  /** Called when the POST's outcome is unknown and the voicesites are being checked. */
  onChecking?: () => void;
  signal?: AbortSignal;
  /** Told the request id of every answer: the POST's, then those of the voicesites check. */
  onRequestId?: (requestId: string) => void;
}

/** The order as found in the voicesites after its answer was lost, if the site is there. */
export function recoveredOrder(sites: readonly VoiceSite[], customerCode: string, technicalSiteName: string): PlacedOrder | undefined {
  const site = findSiteByName(sites, technicalSiteName, customerCode);
  return site ? {voiceSiteId: String(site.voiceSiteId), recovered: true, site} : undefined;
}

/**
 * What the failed POST got, without the "may have been created" the client adds to it: by the
 * time this is said, the voicesites were checked and that doubt is settled.
 */
function whatHappened(postError: BtalkError): string {
  const said = postError.message
    .replace(/[:.]?\s*(the order|it) may have been created\.?$/i, '')
    .replace(/\.$/, '');
  return `${said.charAt(0).toLowerCase()}${said.slice(1)}`;
}

export async function placeOrder(
  api: BusinessTalkApi,
  customerCode: string,
  order: OrderRequest,
  hooks: PlaceOrderHooks = {},
): Promise<PlacedOrder> {
  const onRequestId = hooks.onRequestId ? {onRequestId: hooks.onRequestId} : {};
  const callOptions = {...(hooks.signal ? {signal: hooks.signal} : {}), ...onRequestId};
  let postError: BtalkError;
  try {
    const result = await api.orderVoicesite(customerCode, order, callOptions);
    return {voiceSiteId: String(result.voiceSiteId), recovered: false, order: result};
  } catch (thrown) {
    if (!isBtalkError(thrown) || !thrown.outcomeUnknown) throw thrown;
    postError = thrown;
  }

  const name = order.parameters.technicalSiteName;
  hooks.onChecking?.();
  let sites: VoiceSite[];
  try {
    // Not passing the caller's signal: once a POST may have landed, finding out matters more
    // than stopping quickly.
    sites = await api.voicesites(onRequestId);
  } catch (checkThrown) {
    throw new BtalkError(
      postError.kind,
      `The order for ${name} may or may not have been created: the answer was lost (${postError.message}) and checking the voicesites failed too.`,
      {
        hint: `Do not order again yet. Run "btalk voicesites --filter ${name}" first; order again only if ${name} is not listed.`,
        ...(postError.api === undefined ? {} : {api: postError.api}),
        outcomeUnknown: true,
        cause: checkThrown,
      },
    );
  }

  const found = recoveredOrder(sites, customerCode, name);
  if (found) return found;

  throw new BtalkError(postError.kind, `The order for ${name} was NOT created: ${whatHappened(postError)}, and GET /voicesites, checked afterwards, lists no site named ${name}.`, {
    hint: `Nothing was created, so it is safe to send the order again.`,
    ...(postError.api === undefined ? {} : {api: postError.api}),
    outcomeUnknown: false,
    cause: postError,
  });
}
