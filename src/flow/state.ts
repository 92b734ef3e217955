/**
 * The wizard as data. `screen` is the step on show (a tagged union, each variant with what only
 * that step needs); `answers` are the choices made so far, kept when the person goes back; `data`
 * caches what was fetched, so a step that was prefetched never waits on the network.
 */
import type {Country, Credentials, Customer, Me, OrderRequest, SiteName, Vpn, WaitNotice} from '../api/types.js';
import type {BtalkError, InterruptSignal} from '../errors.js';
import {orderRequest, type SiteNames} from '../domain/order-request.js';
import type {PlacedOrder} from '../order/place-order.js';
import {terminalSafe} from '../text/terminal-safe.js';
import type {GivenAnswers} from './given.js';

/**
 * Anything fetched: every screen has a loading, a ready and a failed look. `since`: when the read
 * started (epoch ms), so the busy line counts the seconds of the wait itself, prefetch included.
 */
export type Loadable<T> = {status: 'loading'; since?: number; soFar?: SoFar<T>} | {status: 'ready'; value: T} | {status: 'failed'; error: BtalkError; soFar?: SoFar<T>};

/**
 * A list still being read (the VPNs): its pages in so far, shown and choosable while the rest
 * arrive, never taken for the list (a loading or failed read stays so: only `ready` is complete).
 * On a failed read, what had been read before the failure.
 */
export interface SoFar<T> {
  value: T;
  /** How many the server says there are (X-Total-Count), when it said. */
  total: number | undefined;
}

/** The site step's three answers (domain/order-request.ts `SiteNames`). */
export type SiteDetails = SiteNames;

/** The wizard's answers so far (`btalk order` has its own, flat `Answers` in order/order-options.ts). */
export interface WizardAnswers {
  me?: Me;
  customer?: Customer;
  /** True when the customer was chosen because it was the only one. */
  customerAutomatic?: boolean;
  vpn?: Vpn;
  /** The chosen country with its coverage (always a covered one). */
  country?: Country;
  site?: SiteDetails;
}

/**
 * Does GET /voicesites list the placed site? The list is dropped when an order is placed and
 * fetched again (it also tells the next site which names are taken), so one GET answers both.
 */
export function placedListed(data: DataCache, voiceSiteId: string): Loadable<boolean> {
  const sites = data.voicesites;
  if (!sites || sites.status === 'loading') return {status: 'loading'};
  if (sites.status === 'failed') return {status: 'failed', error: sites.error};
  return {status: 'ready', value: sites.value.some((s) => String(s.voiceSiteId) === voiceSiteId)};
}

export interface DataCache {
  me?: Loadable<Me>;
  customers?: Loadable<Customer[]>;
  /** By customer code. */
  vpns: Record<string, Loadable<Vpn[]>>;
  /** By ISO alpha-2 code. */
  countries: Record<string, Loadable<Country>>;
  /** What the duplicate-name check needs of each voicesite (the whole list, or none). */
  voicesites?: Loadable<SiteName[]>;
}

/** The steps a person can go back to or edit from the review. */
export type EditableStep = 'customer' | 'vpn' | 'country' | 'site';

/**
 * A detour: one step changed from the review (or from the done screen, for the next site), after
 * which the wizard comes straight back to `to` instead of walking every later step again. `before`
 * are the answers as they were: Esc on the changed step cancels the detour and restores them.
 */
export interface Detour {
  step: EditableStep;
  to: 'review' | 'site';
  before: WizardAnswers;
}

export type Screen =
  /**
   * No (complete) credentials: the form is shown. `rejected` explains why the last ones failed;
   * `typed` keeps what was entered so only `suspect`, the field the failure points at, is retyped.
   */
  | {kind: 'credentials'; rejected?: BtalkError; typed?: Credentials; suspect?: keyof Credentials; back?: boolean}
  /** Token + GET /me: `me` in data.me. A read-only key stops here. */
  | {kind: 'access'}
  /** `highlighted`: the customer whose VPNs are prefetched while the person looks. */
  /** `reason`: why the step is asked (an answer given up front that does not fit). */
  | {kind: 'customer'; highlighted?: string; reason?: string}
  /** `reason`: why the VPN is asked again (a new customer has other VPNs). */
  | {kind: 'vpn'; reason?: string}
  /** `highlighted` is prefetched; `chosen` shows its coverage table (loading until known). */
  | {kind: 'country'; highlighted?: string; chosen?: string; reason?: string}
  | {kind: 'site'}
  | {kind: 'review'; showJson: boolean}
  /**
   * `send`: the order POST is in flight (`checking` once its outcome was unknown and the voicesites
   * are searched). `find`: only searching the voicesites for the site, nothing is sent. `resend`:
   * "Send again" after an unknown outcome: `checking` the whole list first, then (`resent`) the
   * one POST, sent only because the site was not there. `interrupted`: Ctrl+C, SIGTERM or SIGHUP
   * came while the POST could be on its way: its answer is awaited (a search for it cut short),
   * then the wizard says how it went and exits with that signal's code.
   */
  | {kind: 'submitting'; attempt: number; mode: 'send' | 'find' | 'resend'; checking: boolean; resent?: boolean; interrupted?: InterruptSignal}
  /** The order failed; `checked` when the voicesites were searched and the site was not found. */
  | {kind: 'order-failed'; error: BtalkError; checked: boolean; attempt: number}
  /** Whether GET /voicesites lists the new site is read from data.voicesites (see placedListed). */
  | {kind: 'done'; placed: PlacedOrder}
  /**
   * The person left: `reason` is what to print after the UI closes. `summary`: the sites ordered
   * earlier in this run, printed on stdout before a reason that goes to stderr (absent when none).
   */
  | {kind: 'exit'; code: number; reason: string; stream: 'stdout' | 'stderr'; summary?: string[]};

/** A site delivered in this run (support staff order several in one sitting). */
export interface OrderedSite {
  voiceSiteId: string;
  customerCode: string;
  technicalSiteName: string;
  customerSiteLabel: string;
  customerOrderReference: string;
  /** The line left in the terminal for it (see summaryLine). */
  summary: string;
}

export interface WizardState {
  screen: Screen;
  answers: WizardAnswers;
  data: DataCache;
  /** The credentials in use (from the session, or just typed). Never displayed. */
  credentials?: Credentials;
  /** Typed credentials wait here until the access check proves them, then are saved. */
  unsavedCredentials?: Credentials;
  /** Typed credentials were proven and saved: the path so far says so. */
  credentialsSaved?: boolean;
  /** A warning that does not stop the flow (e.g. saving to the keychain failed). */
  notice?: string;
  /**
   * Each order attempt gets a number, so a late answer from an old attempt is ignored. It keeps
   * counting across the orders of a run: a second order never shares an attempt with the first.
   */
  attempts: number;
  /** Every site ordered in this run, oldest first. */
  ordered: readonly OrderedSite[];
  /** Set while one step is changed from the review or the done screen (see Detour). */
  detour?: Detour;
  /** Answers given up front (flags, variables) not yet applied: see given.ts. */
  given?: GivenAnswers;
  /** Site names given up front that need fixing: the site step starts from them. */
  siteDraft?: SiteDetails;
  /** The API's last retry pause (Retry-After, backoff): the busy line of a wait it falls in shows it. */
  lastWait?: WaitNotice;
}

export function initialState(credentials: Credentials | undefined, given?: GivenAnswers): WizardState {
  return {
    ...(given ? {given} : {}),
    screen: credentials ? {kind: 'access'} : {kind: 'credentials'},
    answers: {},
    data: {vpns: {}, countries: {}},
    ...(credentials ? {credentials} : {}),
    attempts: 0,
    ordered: [],
  };
}

/** The exact body the order POST sends, or undefined while an answer is missing. */
export function orderBody(answers: WizardAnswers): {customerCode: string; body: OrderRequest} | undefined {
  const {customer, vpn, country, site} = answers;
  if (!customer || !vpn || !country || !site) return undefined;
  return {customerCode: customer.customerCode, body: orderRequest(site, country, vpn)};
}

/** The line left in the terminal after a delivered order. */
export function summaryLine(state: WizardState, voiceSiteId: string): string {
  const {customer, vpn, country, site} = state.answers;
  const parts = [site?.technicalSiteName, country?.iso2, vpn?.name, customer ? `customer ${customer.customerCode}` : undefined].filter((p): p is string => Boolean(p));
  // It stays in the scrollback: the server's values in it cannot carry a control character.
  return `voiceSiteId: ${terminalSafe(voiceSiteId)}  (${parts.map(terminalSafe).join(', ')})`;
}

/**
 * Whether this technical name was already ordered in this run for this customer. Such an order
 * must not be sent: it would be refused at best, and after a lost answer the lookup by name would
 * "find" the earlier site and report it as this order.
 */
export function orderedInThisRun(state: WizardState, customerCode: string, technicalSiteName: string): OrderedSite | undefined {
  return state.ordered.find((o) => o.customerCode === customerCode && o.technicalSiteName === technicalSiteName);
}
