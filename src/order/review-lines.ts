/**
 * The review a person confirms before `btalk order` sends, wrapped to the terminal. Its own module:
 * measuring and wrapping text (string-width, wrap-ansi) costs start-up time that `--yes` runs,
 * which never show it, do not pay.
 */
import {coverageText, wrapWithIndent} from '../domain/coverage-view.js';
import {countryLabel, vpnLabel} from '../domain/labels.js';
import {terminalSafe} from '../text/terminal-safe.js';
import type {ResolvedOrder} from './resolve-inputs.js';
import type {PlannedRequest} from './review.js';

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

