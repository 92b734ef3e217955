/**
 * What the wizard needs done for a given state, as data. The runner compares this list with what
 * it is already doing; the reducer marks fetches as loading, so asking twice is harmless.
 */
import {canOrder} from '../api/schemas.js';
import type {Credentials, OrderRequest} from '../api/types.js';
import {requestKey, type DataRequest} from './actions.js';
import {orderBody, type WizardState} from './state.js';

/** How long the highlighted country must stay highlighted before its coverage is prefetched. */
export const COVERAGE_PREFETCH_DELAY_MS = 250;

/** The same for the VPNs of the highlighted customer. */
export const VPN_PREFETCH_DELAY_MS = 150;

export type Effect =
  | {type: 'load'; request: DataRequest; delayMs?: number}
  | {type: 'save-credentials'; credentials: Credentials}
  | {type: 'place-order'; attempt: number; customerCode: string; body: OrderRequest}
  | {type: 'find-order'; attempt: number; customerCode: string; technicalSiteName: string}
  /** "Send again": a fresh complete check, then one POST only if the site is absent. */
  | {type: 'send-again'; attempt: number; customerCode: string; body: OrderRequest};

/** Effects with the same key are the same work. */
export function effectKey(effect: Effect): string {
  switch (effect.type) {
    case 'load':
      return `load:${requestKey(effect.request)}`;
    case 'save-credentials':
      return 'save-credentials';
    case 'place-order':
      return `place-order:${effect.attempt}`;
    case 'find-order':
      return `find-order:${effect.attempt}`;
    case 'send-again':
      return `send-again:${effect.attempt}`;
    default: {
      const never: never = effect;
      return never;
    }
  }
}

export function effectsFor(state: WizardState): Effect[] {
  const {screen, data, answers} = state;
  if (screen.kind === 'exit' || !state.credentials) return [];
  const effects: Effect[] = [];
  const load = (request: DataRequest, delayMs?: number) => effects.push(delayMs === undefined ? {type: 'load', request} : {type: 'load', request, delayMs});

  if (!data.me) {
    if (screen.kind === 'access') load({kind: 'me'});
    return effects;
  }
  if (data.me.status !== 'ready' || !canOrder(data.me.value)) return effects;

  if (state.unsavedCredentials) effects.push({type: 'save-credentials', credentials: state.unsavedCredentials});

  // Prefetch, right after the access check, what the next steps need.
  if (!data.customers) load({kind: 'customers'});
  if (!data.voicesites) load({kind: 'voicesites'});
  const customers = data.customers?.status === 'ready' ? data.customers.value : [];
  const customerCode = answers.customer?.customerCode ?? (customers.length === 1 ? customers[0]!.customerCode : undefined);
  if (customerCode !== undefined && !data.vpns[customerCode]) load({kind: 'vpns', customerCode});

  switch (screen.kind) {
    case 'customer':
      if (screen.highlighted && !data.vpns[screen.highlighted]) load({kind: 'vpns', customerCode: screen.highlighted}, VPN_PREFETCH_DELAY_MS);
      break;
    case 'country':
      if (screen.chosen && !data.countries[screen.chosen]) load({kind: 'country', iso2: screen.chosen});
      else if (screen.highlighted && !data.countries[screen.highlighted]) load({kind: 'country', iso2: screen.highlighted}, COVERAGE_PREFETCH_DELAY_MS);
      break;
    case 'submitting': {
      const order = orderBody(answers);
      if (!order) break;
      if (screen.mode === 'find') {
        effects.push({type: 'find-order', attempt: screen.attempt, customerCode: order.customerCode, technicalSiteName: order.body.parameters.technicalSiteName});
      } else if (screen.mode === 'resend') {
        effects.push({type: 'send-again', attempt: screen.attempt, customerCode: order.customerCode, body: order.body});
      } else {
        effects.push({type: 'place-order', attempt: screen.attempt, customerCode: order.customerCode, body: order.body});
      }
      break;
    }
    default:
      break;
  }
  return effects;
}
