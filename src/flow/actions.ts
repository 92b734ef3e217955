/**
 * What happened, as past-tense facts: from the person (keys on a screen) or from the runner (a
 * fetch or the order finished). The reducer decides what each fact means in each state.
 */
import type {Country, Credentials, Customer, Me, SiteName, Vpn, WaitNotice} from '../api/types.js';
import type {BtalkError, InterruptSignal} from '../errors.js';
import type {PlacedOrder} from '../order/place-order.js';
import type {EditableStep, SiteDetails} from './state.js';

/** Something the wizard fetches and caches. */
export type DataRequest =
  | {kind: 'me'}
  | {kind: 'customers'}
  | {kind: 'vpns'; customerCode: string}
  | {kind: 'country'; iso2: string}
  | {kind: 'voicesites'};

export function requestKey(request: DataRequest): string {
  switch (request.kind) {
    case 'me':
    case 'customers':
    case 'voicesites':
      return request.kind;
    case 'vpns':
      return `vpns:${request.customerCode}`;
    case 'country':
      return `country:${request.iso2}`;
    default: {
      const never: never = request;
      return never;
    }
  }
}

export type Action =
  // The person
  | {type: 'credentials-entered'; credentials: Credentials}
  | {type: 'other-credentials-requested'}
  | {type: 'retry-pressed'}
  | {type: 'customer-highlighted'; customerCode: string}
  | {type: 'customer-chosen'; customer: Customer}
  | {type: 'vpn-chosen'; vpn: Vpn}
  | {type: 'country-highlighted'; iso2: string}
  | {type: 'country-chosen'; iso2: string}
  | {type: 'coverage-accepted'}
  | {type: 'site-entered'; site: SiteDetails}
  | {type: 'json-toggled'}
  | {type: 'edit-requested'; step: EditableStep}
  | {type: 'submit-pressed'}
  | {type: 'recheck-pressed'}
  /**
   * After an unknown outcome, the explicit "Send again": a fresh complete read of the voicesites
   * first, and one POST only if the site is not there.
   */
  | {type: 'send-again-chosen'}
  /** On the done screen: one more site with the same customer, VPN and country. */
  | {type: 'another-order-requested'; change?: 'vpn' | 'country'}
  /** On the access screen, once the check passed (reached again with Esc): on to the customer. */
  | {type: 'access-continued'}
  | {type: 'back-pressed'}
  | {type: 'quit-pressed'}
  /** Ctrl+C (a key, or SIGINT), SIGTERM or SIGHUP; a key is SIGINT, and so is a signal left unnamed. */
  | {type: 'interrupted'; signal?: InterruptSignal}
  // The runner
  /** `at`: epoch ms, when the runner has a clock. */
  | {type: 'load-started'; request: DataRequest; at?: number}
  /** The client is about to pause before retrying a read (told before the pause starts). */
  | {type: 'wait-announced'; notice: WaitNotice}
  /** `stage: 'token'`: the access check failed at the token (client id/secret), not at GET /me. */
  | {type: 'load-failed'; request: DataRequest; error: BtalkError; stage?: 'token'}
  | {type: 'access-checked'; me: Me}
  | {type: 'customers-loaded'; customers: Customer[]}
  /** More pages of the customer's VPNs are in (`vpns`: all of them so far, in server order). */
  | {type: 'vpns-progressed'; customerCode: string; vpns: readonly Vpn[]; total: number | undefined}
  | {type: 'vpns-loaded'; customerCode: string; vpns: Vpn[]}
  | {type: 'country-loaded'; iso2: string; country: Country}
  | {type: 'voicesites-loaded'; voicesites: SiteName[]}
  | {type: 'credentials-saved'}
  | {type: 'credentials-save-failed'; error: BtalkError}
  | {type: 'order-checking'; attempt: number}
  /** "Send again": the fresh check found no such site, so the POST is on its way again. */
  | {type: 'order-resending'; attempt: number}
  | {type: 'order-placed'; attempt: number; placed: PlacedOrder}
  | {type: 'order-failed'; attempt: number; error: BtalkError};
