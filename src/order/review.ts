/**
 * What a dry run prints before an order is sent, and what a script gets after. The review a person
 * confirms is review-lines.ts (it measures and wraps text, so it loads only when one is shown).
 */
import {firstOrderPath} from '../api/order-path.js';
import type {BusinessTalkApi, OrderRequest} from '../api/types.js';
import {terminalSafeJson} from '../text/terminal-safe.js';
import type {PlacedOrder} from './place-order.js';
import type {ResolvedOrder} from './resolve-inputs.js';

export interface PlannedRequest {
  method: 'POST';
  url: string;
  body: OrderRequest;
}

/** The request the client sends first (see api/order-path.ts: it may fall back to /orders/voicesite on a 404). */
export function plannedRequest(api: BusinessTalkApi, order: ResolvedOrder): PlannedRequest {
  return {
    method: 'POST',
    url: `${api.baseUrl}${firstOrderPath(order.customer.customerCode)}`,
    body: order.request,
  };
}

/** The exact request, as a dry run prints it. */
export function requestText(request: PlannedRequest): string {
  return `${request.method} ${request.url}\nContent-Type: application/json\n\n${terminalSafeJson(request.body, 2)}\n`;
}

export function orderSummary(order: ResolvedOrder): Record<string, unknown> {
  return {
    customer: {code: order.customer.customerCode, name: order.customer.name},
    vpn: {id: order.vpn.vpnId, name: order.vpn.name, code: order.vpn.vpnCode ?? null},
    country: {iso2: order.country.iso2, name: order.country.name},
    technicalSiteName: order.technicalSiteName,
    customerSiteLabel: order.customerSiteLabel,
    customerOrderReference: order.customerOrderReference,
  };
}

/** `--json` output of a finished order: one object. */
export function placedJson(order: ResolvedOrder, placed: PlacedOrder): Record<string, unknown> {
  return {
    ok: true,
    voiceSiteId: placed.voiceSiteId,
    ...orderSummary(order),
    order: placed.order ?? null,
    ...(placed.recovered ? {site: placed.site} : {}),
    recovered: placed.recovered,
  };
}
