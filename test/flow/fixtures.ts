/** Plain values for flow tests: the getting-started page's customer, VPNs and countries. */
import type {Country, Credentials, Customer, Vpn} from '../../src/api/types.js';
import {BtalkError} from '../../src/errors.js';
import type {Action} from '../../src/flow/actions.js';
import {reducer} from '../../src/flow/reducer.js';
import {initialState, type WizardState} from '../../src/flow/state.js';

export const creds: Credentials = {clientId: 'id', clientSecret: 'secret', apiKey: 'k'.repeat(40)};
export const customer: Customer = {name: 'My Customer', customerCode: '9999'};
export const acme: Customer = {name: 'Acme Europe', customerCode: '41001'};
export const vpn1: Vpn = {vpnId: 'aa76e66dfc63', name: 'My VPN 1', vpnCode: '1'};
export const vpn2: Vpn = {vpnId: '3a45b33edf3', name: 'My VPN 2', vpnCode: '2'};
export const france: Country = {name: 'France', iso2: 'FR', countryCode: '33', coverage: {businessTalkOnline: 'Yes'}};
export const antarctica: Country = {name: 'Antarctica', iso2: 'AQ', coverage: {businessTalkOnline: 'No'}};
export const site = {customerSiteLabel: 'Voicesite in France', technicalSiteName: 'VOICESITE_IN_FRANCE', customerOrderReference: 'ref-1'};
export const networkError = (outcomeUnknown = false) => new BtalkError('network', 'Connection reset', {outcomeUnknown, api: {requestId: 'req-1'}});

export function run(state: WizardState, ...actions: Action[]): WizardState {
  return actions.reduce(reducer, state);
}

/** The wizard at a step, having walked there like a person would. */
export function at(step: 'access' | 'vpn' | 'customer' | 'country' | 'site' | 'review' | 'submitting' | 'done', customers: Customer[] = [customer]): WizardState {
  let s = run(initialState(creds), {type: 'load-started', request: {kind: 'me'}}, {type: 'customers-loaded', customers}, {type: 'access-checked', me: {rightsProfile: 'admin'}});
  if (step === 'access') return run(initialState(creds));
  if (step === 'customer') return s;
  if (customers.length > 1) s = run(s, {type: 'customer-chosen', customer: customers[0]!});
  if (step === 'vpn') return s;
  s = run(s, {type: 'vpns-loaded', customerCode: customers[0]!.customerCode, vpns: [vpn1, vpn2]}, {type: 'vpn-chosen', vpn: vpn1});
  if (step === 'country') return s;
  s = run(s, {type: 'country-chosen', iso2: 'FR'}, {type: 'country-loaded', iso2: 'FR', country: france}, {type: 'coverage-accepted'});
  if (step === 'site') return s;
  s = run(s, {type: 'site-entered', site});
  if (step === 'review') return s;
  s = run(s, {type: 'submit-pressed'});
  if (step === 'submitting') return s;
  return run(s, {type: 'order-placed', attempt: 1, placed: placed('vs1')});
}

/** What the order POST answered for a delivered site. */
export function placed(voiceSiteId: string) {
  return {voiceSiteId, recovered: false as const, order: {voiceSiteId}};
}
