/**
 * The wizard's one reducer: (state, fact) -> state, pure. Facts that make no sense in the current
 * screen are ignored (a second Enter while submitting, a late answer from an old attempt).
 */
import {canOrder, isCovered} from '../api/schemas.js';
import type {Vpn} from '../api/types.js';
import type {Action, DataRequest} from './actions.js';
import {interrupted, interruptedOrderEnded, quit} from './leaving.js';
import {applyGiven} from './given.js';
import {afterAnswer, goBack, goToCustomer, startDetour} from './navigation.js';
import {orderBody, orderedInThisRun, summaryLine, type DataCache, type Loadable, type WizardState} from './state.js';

function setData(data: DataCache, request: DataRequest, value: Loadable<never> | Loadable<unknown> | undefined): DataCache {
  switch (request.kind) {
    case 'me':
      return {...data, me: value as DataCache['me']};
    case 'customers':
      return {...data, customers: value as DataCache['customers']};
    case 'voicesites':
      return {...data, voicesites: value as DataCache['voicesites']};
    case 'vpns': {
      const vpns = {...data.vpns};
      if (value === undefined) delete vpns[request.customerCode];
      else vpns[request.customerCode] = value as Loadable<never>;
      return {...data, vpns};
    }
    case 'country': {
      const countries = {...data.countries};
      if (value === undefined) delete countries[request.iso2];
      else countries[request.iso2] = value as Loadable<never>;
      return {...data, countries};
    }
    default: {
      const never: never = request;
      return never;
    }
  }
}

/**
 * A prefetch that failed in the background was never seen by the person: when they choose that
 * item, it is asked again rather than answered with the old failure.
 */
function forgetFailure(data: DataCache, request: DataRequest): DataCache {
  const entry = request.kind === 'vpns' ? data.vpns[request.customerCode] : request.kind === 'country' ? data.countries[request.iso2] : undefined;
  return entry?.status === 'failed' ? setData(data, request, undefined) : data;
}

/** The fetch whose failure the current screen shows, so "retry" knows what to ask again. */
function failedRequestOnScreen(state: WizardState): DataRequest | undefined {
  const {screen, data, answers} = state;
  switch (screen.kind) {
    case 'access':
      return {kind: 'me'};
    case 'customer':
      return {kind: 'customers'};
    case 'vpn':
      return answers.customer ? {kind: 'vpns', customerCode: answers.customer.customerCode} : undefined;
    case 'country':
      return screen.chosen ? {kind: 'country', iso2: screen.chosen} : undefined;
    case 'site':
    case 'done':
      return data.voicesites?.status === 'failed' ? {kind: 'voicesites'} : undefined;
    default:
      return undefined;
  }
}

function withoutDetour(state: WizardState): WizardState {
  const {detour: _d, ...rest} = state;
  return rest;
}

/** The wizard's reducer: each fact, then whatever answers given up front it lets apply (given.ts). */
export function reducer(state: WizardState, action: Action): WizardState {
  const next = step(state, action);
  return next.given ? applyGiven(next, step) : next;
}

function step(state: WizardState, action: Action): WizardState {
  const {screen} = state;
  if (screen.kind === 'exit') return state;
  switch (action.type) {
    case 'credentials-entered':
      if (screen.kind !== 'credentials') return state;
      // Other credentials may see other customers: nothing fetched with the old ones is kept.
      return {
        ...withoutDetour(state),
        credentials: action.credentials,
        unsavedCredentials: action.credentials,
        answers: {},
        data: {vpns: {}, countries: {}},
        credentialsSaved: false,
        screen: {kind: 'access'},
      };
    case 'access-continued': {
      const me = state.data.me;
      if (screen.kind !== 'access' || me?.status !== 'ready' || !canOrder(me.value)) return state;
      return goToCustomer(state);
    }
    case 'other-credentials-requested': {
      if (screen.kind !== 'access') return state;
      // A read-only key usually means the same app with another key: keep the client id and
      // secret, start on the key.
      const me = state.data.me;
      const readOnly = me?.status === 'ready' && !canOrder(me.value);
      // From a check that passed, Esc on the form comes back to it.
      const passed = me?.status === 'ready' && canOrder(me.value) && state.credentials !== undefined;
      return {...state, screen: state.credentials && readOnly ? {kind: 'credentials', typed: state.credentials, suspect: 'apiKey'} : passed ? {kind: 'credentials', back: true} : {kind: 'credentials'}};
    }
    case 'retry-pressed': {
      const request = failedRequestOnScreen(state);
      if (!request) return state;
      return {...state, data: setData(state.data, request, undefined)};
    }
    case 'customer-highlighted':
      if (screen.kind !== 'customer') return state;
      return {...state, screen: {kind: 'customer', highlighted: action.customerCode}};
    case 'customer-chosen': {
      if (screen.kind !== 'customer') return state;
      const same = state.answers.customer?.customerCode === action.customer.customerCode;
      const {vpn: _vpn, ...rest} = state.answers;
      const answers = same ? state.answers : rest;
      const data = forgetFailure(state.data, {kind: 'vpns', customerCode: action.customer.customerCode});
      const next = afterAnswer({...state, data, answers: {...answers, customer: action.customer, customerAutomatic: false}}, 'vpn');
      // A VPN belongs to one customer: a new customer's VPN is asked again, and the screen says why.
      if (!same && next.screen.kind === 'vpn' && state.answers.vpn) {
        return {...next, screen: {kind: 'vpn', reason: `${state.answers.vpn.name} belongs to ${state.answers.customer?.name ?? 'the previous customer'}: choose a VPN of ${action.customer.name}. The other answers are kept.`}};
      }
      return next;
    }
    case 'vpn-chosen':
      if (screen.kind !== 'vpn') return state;
      return afterAnswer({...state, answers: {...state.answers, vpn: action.vpn}}, 'country');
    case 'country-highlighted':
      if (screen.kind !== 'country' || screen.chosen) return state;
      return {...state, screen: {...screen, highlighted: action.iso2}};
    case 'country-chosen':
      if (screen.kind !== 'country') return state;
      return {...state, data: forgetFailure(state.data, {kind: 'country', iso2: action.iso2}), screen: {kind: 'country', highlighted: action.iso2, chosen: action.iso2}};
    case 'coverage-accepted': {
      if (screen.kind !== 'country' || !screen.chosen) return state;
      const entry = state.data.countries[screen.chosen];
      if (entry?.status !== 'ready' || !isCovered(entry.value)) return state;
      return afterAnswer({...state, answers: {...state.answers, country: entry.value}}, 'site');
    }
    case 'site-entered':
      if (screen.kind !== 'site') return state;
      const {siteDraft: _draft, ...rest} = state;
      return afterAnswer({...rest, answers: {...state.answers, site: action.site}}, 'review');
    case 'json-toggled':
      if (screen.kind !== 'review') return state;
      return {...state, screen: {...screen, showJson: !screen.showJson}};
    case 'edit-requested':
      if (screen.kind !== 'review' && !(screen.kind === 'order-failed' && !screen.error.outcomeUnknown)) return state;
      return startDetour(state, action.step, 'review');
    case 'submit-pressed': {
      // Submitting ignores this: a second Enter can never send a second order.
      if (screen.kind !== 'review' && !(screen.kind === 'order-failed' && !screen.error.outcomeUnknown)) return state;
      const order = orderBody(state.answers);
      if (!order) return state;
      // A name this run already ordered is never sent again (the site step refuses it too).
      if (orderedInThisRun(state, order.customerCode, order.body.parameters.technicalSiteName)) return state;
      const attempt = state.attempts + 1;
      return {...state, attempts: attempt, screen: {kind: 'submitting', attempt, mode: 'send', checking: false}};
    }
    case 'recheck-pressed':
    case 'send-again-chosen': {
      if (screen.kind !== 'order-failed' || !screen.error.outcomeUnknown) return state;
      const attempt = state.attempts + 1;
      return {...state, attempts: attempt, screen: {kind: 'submitting', attempt, mode: action.type === 'recheck-pressed' ? 'find' : 'resend', checking: true}};
    }
    case 'another-order-requested': {
      if (screen.kind !== 'done') return state;
      // Same customer, VPN and country; the names and reference are new (the site step offers
      // defaults that are free). Nothing of the delivered order can be sent again from here.
      // With `change`, one of them first (one key on the done screen), then the names.
      const {site: _site, ...answers} = state.answers;
      const next = {...state, answers, screen: {kind: 'site'} as const};
      return action.change ? startDetour(next, action.change, 'site') : next;
    }
    case 'back-pressed':
      return goBack(state);
    case 'quit-pressed':
      return quit(state);
    case 'interrupted':
      return interrupted(state, action.signal);

    case 'load-started':
      return {...state, data: setData(state.data, action.request, action.at === undefined ? {status: 'loading'} : {status: 'loading', since: action.at})};
    case 'wait-announced':
      return {...state, lastWait: action.notice};
    case 'load-failed': {
      // A list that failed part way keeps what had been read: the person still sees those rows, told the list is incomplete.
      const before = action.request.kind === 'vpns' ? state.data.vpns[action.request.customerCode] : undefined;
      const soFar = before?.status === 'loading' ? before.soFar : undefined;
      const next = {...state, data: setData(state.data, action.request, soFar ? {status: 'failed', error: action.error, soFar} : {status: 'failed', error: action.error})};
      // Typed credentials that the server refuses: back to the form, saying why.
      if (action.request.kind === 'me' && screen.kind === 'access' && state.unsavedCredentials && (action.error.kind === 'auth' || action.error.kind === 'forbidden')) {
        const {credentials: _c, unsavedCredentials: typed, ...rest} = next;
        // The token refused: the client id or secret is wrong. GET /me refused: the API key.
        const suspect = action.stage === 'token' ? 'clientSecret' : 'apiKey';
        return {...rest, screen: {kind: 'credentials', rejected: action.error, typed, suspect}};
      }
      return next;
    }
    case 'access-checked': {
      const next = {...state, data: {...state.data, me: {status: 'ready' as const, value: action.me}}, answers: {...state.answers, me: action.me}};
      if (screen.kind !== 'access' || !canOrder(action.me)) return next;
      return goToCustomer(next);
    }
    case 'customers-loaded': {
      const next = {...state, data: {...state.data, customers: {status: 'ready' as const, value: action.customers}}};
      return screen.kind === 'customer' ? goToCustomer(next) : next;
    }
    case 'vpns-progressed': {
      // Only into the read under way: a list already in (or failed, or dropped) is not touched.
      const entry = state.data.vpns[action.customerCode];
      if (entry?.status !== 'loading') return state;
      return {...state, data: setData(state.data, {kind: 'vpns', customerCode: action.customerCode}, {...entry, soFar: {value: action.vpns as Vpn[], total: action.total}})};
    }
    case 'vpns-loaded':
      return {...state, data: setData(state.data, {kind: 'vpns', customerCode: action.customerCode}, {status: 'ready', value: action.vpns})};
    case 'country-loaded':
      return {...state, data: setData(state.data, {kind: 'country', iso2: action.iso2}, {status: 'ready', value: action.country})};
    case 'voicesites-loaded':
      return {...state, data: {...state.data, voicesites: {status: 'ready', value: action.voicesites}}};
    case 'credentials-saved': {
      const {unsavedCredentials: _u, ...rest} = state;
      return {...rest, credentialsSaved: true};
    }
    case 'credentials-save-failed': {
      const {unsavedCredentials: _u, ...rest} = state;
      return {...rest, notice: `Could not save the credentials (${action.error.message}); they are used for this run only.`};
    }
    case 'order-checking':
      if (screen.kind !== 'submitting' || screen.attempt !== action.attempt) return state;
      return {...state, screen: {...screen, checking: true}};
    case 'order-resending':
      if (screen.kind !== 'submitting' || screen.attempt !== action.attempt || screen.mode !== 'resend') return state;
      return {...state, screen: {...screen, checking: false, resent: true}};
    case 'order-placed': {
      if (screen.kind !== 'submitting' || screen.attempt !== action.attempt) return state;
      // The cached list no longer tells which names are taken: it is fetched again.
      const {voicesites: _v, ...data} = state.data;
      const order = orderBody(state.answers);
      const ordered = order
        ? [
            ...state.ordered,
            {
              voiceSiteId: action.placed.voiceSiteId,
              customerCode: order.customerCode,
              technicalSiteName: order.body.parameters.technicalSiteName,
              customerSiteLabel: order.body.parameters.customerSiteLabel,
              customerOrderReference: order.body.customerOrderReference,
              summary: summaryLine(state, action.placed.voiceSiteId),
            },
          ]
        : state.ordered;
      if (screen.interrupted) return interruptedOrderEnded({...state, ordered}, {placed: action.placed});
      return {...state, ordered, data: {...data, vpns: state.data.vpns, countries: state.data.countries}, screen: {kind: 'done', placed: action.placed}};
    }
    case 'order-failed':
      if (screen.kind !== 'submitting' || screen.attempt !== action.attempt) return state;
      if (screen.interrupted) return interruptedOrderEnded(state, {error: action.error});
      return {...state, screen: {kind: 'order-failed', error: action.error, checked: screen.checking, attempt: action.attempt}};
    default: {
      const never: never = action;
      return never;
    }
  }
}
