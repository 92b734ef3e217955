/** What a person (or a dry run) is shown before an order is sent, and what a script gets after. */
import {firstOrderPath} from '../api/order-path.js';
import type {BusinessTalkApi, OrderRequest} from '../api/types.js';
import {coverageText, wrapWithIndent} from '../domain/coverage-view.js';
import {countryLabel, vpnLabel} from '../domain/labels.js';
import {terminalSafe, terminalSafeJson} from '../text/terminal-safe.js';
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

/**
 * The review a person confirms, wrapped (never cut) at `width` columns: every answer, the request,
 * and the country's coverage in full, its comment included.
 */
export function reviewLines(order: ResolvedOrder, request: PlannedRequest, width = 80): string[] {
  const row = (label: string, value: string) => wrapWithIndent(`  ${label.padEnd(15)}`, terminalSafe(value), width);
  const lines = [
    'Voicesite order:',
    ...row('Customer', `${order.customer.customerCode} (${order.customer.name})`),
    ...row('VPN', vpnLabel(order.vpn, {code: true})),
    ...row('Country', countryLabel(order.country)),
    ...row('Site name', order.technicalSiteName),
    ...row('Site label', order.customerSiteLabel),
    ...row('Reference', order.customerOrderReference),
    ...row('Request', `${request.method} ${request.url}`),
  ];
  if (order.countryInfo) lines.push(`Coverage in ${terminalSafe(countryLabel(order.country))}:`, ...coverageText(order.countryInfo, width));
  return lines;
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
