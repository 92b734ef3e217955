/**
 * Does what effectsFor() asks, with the injected API, and dispatches what came of it. It is the
 * only part of the flow that waits on anything; the state decides, the runner only executes.
 */
import type {BusinessTalkApi, Credentials, OrderRequest, WaitNotice} from '../api/types.js';
import type {Timers} from '../timers.js';
import {BtalkError, toBtalkError} from '../errors.js';
import {attemptFor, placeAndRecord, type OrderContext, type RecordOrder} from '../journal/record.js';
import {placeOrder, recoveredOrder, sendAgainIfAbsent, type PlaceOrderHooks, type RecheckSettings} from '../order/place-order.js';
import type {Action, DataRequest} from './actions.js';
import {effectKey, effectsFor, type Effect} from './effects.js';
import {orderBody} from './state.js';
import type {WizardStore} from './store.js';

export interface RunnerDeps {
  /**
   * A client for these credentials (the session's `api`). The runner passes `onWait`: the
   * client's retry pauses become facts for the busy line, never lines on stderr under Ink.
   */
  api(credentials: Credentials, options?: {onWait?: (notice: WaitNotice) => void}): BusinessTalkApi;
  /** Saves credentials that were typed in, once the access check proved them. */
  saveCredentials(credentials: Credentials): Promise<void>;
  /** Journals each order attempt. */
  recordOrder?: RecordOrder;
  /** What prefetch delays wait on (the Runtime's timers). */
  timers: Timers;
  /** The re-check window after an unknown order outcome (default 2 minutes). */
  recheck?: RecheckSettings;
  /** Epoch ms: when each read starts, for the busy line's seconds. */
  clock?: () => number;
}

export interface Runner {
  stop(): void;
}

async function load(api: BusinessTalkApi, request: DataRequest, signal: AbortSignal, dispatch: (action: Action) => void): Promise<Action> {
  const options = {signal};
  switch (request.kind) {
    case 'me':
      try {
        await api.token(options);
      } catch (error) {
        return {type: 'load-failed', request, error: toBtalkError(error), stage: 'token'};
      }
      return {type: 'access-checked', me: await api.me(options)};
    case 'customers':
      return {type: 'customers-loaded', customers: await api.customers(options)};
    case 'vpns':
      return {
        type: 'vpns-loaded',
        customerCode: request.customerCode,
        vpns: await api.vpns(request.customerCode, {...options, onProgress: ({items, total}) => dispatch({type: 'vpns-progressed', customerCode: request.customerCode, vpns: items, total})}),
      };
    case 'country':
      return {type: 'country-loaded', iso2: request.iso2, country: await api.country(request.iso2, options)};
    case 'voicesites':
      return {type: 'voicesites-loaded', voicesites: await api.voicesiteNames(options)};
    default: {
      const never: never = request;
      return never;
    }
  }
}

export function startRunner(store: WizardStore, deps: RunnerDeps): Runner {
  const running = new Set<string>();
  /** Prefetches waiting out their delay, each with the function that cancels it. */
  const timers = new Map<string, () => void>();
  const aborter = new AbortController();
  /** Per order attempt: stops the search for a lost answer once the person interrupted (the POST itself goes on). */
  const searches = new Map<number, AbortController>();
  let stopped = false;
  let apiFor: {credentials: Credentials; api: BusinessTalkApi} | undefined;

  const dispatch = (action: Action) => {
    if (!stopped) store.dispatch(action);
  };
  const api = (): BusinessTalkApi => {
    const credentials = store.getState().credentials;
    if (!credentials) throw new BtalkError('bug', 'No credentials to call the API with.');
    if (apiFor?.credentials !== credentials) apiFor = {credentials, api: deps.api(credentials, {onWait: (notice) => dispatch({type: 'wait-announced', notice})})};
    return apiFor.api;
  };

  /** The same API, whose voicesites lookup also stops when the wizard stops. */
  const stoppable = (client: BusinessTalkApi): BusinessTalkApi => {
    const wrapped: BusinessTalkApi = Object.create(client) as BusinessTalkApi;
    wrapped.voicesites = (options) => client.voicesites({...options, signal: aborter.signal});
    wrapped.voicesiteNames = (options) => client.voicesiteNames({...options, signal: aborter.signal});
    wrapped.findVoicesites = (match, options) => client.findVoicesites(match, {...options, signal: aborter.signal});
    return wrapped;
  };

  const orderContext = (customerCode: string, body: OrderRequest): OrderContext => {
    const {customer, vpn} = store.getState().answers;
    return {
      source: 'wizard',
      customer: {code: customerCode, ...(customer?.customerCode === customerCode ? {name: customer.name} : {})},
      vpn: {id: body.parameters.vpnId, ...(vpn?.vpnId === body.parameters.vpnId ? {name: vpn.name} : {})},
      request: body,
    };
  };

  async function execute(effect: Effect): Promise<Action> {
    switch (effect.type) {
      case 'load':
        try {
          return await load(api(), effect.request, aborter.signal, dispatch);
        } catch (error) {
          return {type: 'load-failed', request: effect.request, error: toBtalkError(error)};
        }
      case 'save-credentials':
        try {
          await deps.saveCredentials(effect.credentials);
          return {type: 'credentials-saved'};
        } catch (error) {
          return {type: 'credentials-save-failed', error: toBtalkError(error)};
        }
      case 'place-order':
      case 'send-again':
        try {
          const context = orderContext(effect.customerCode, effect.body);
          const {attempt} = effect;
          const search = new AbortController();
          searches.set(attempt, search);
          const hooks = (onRequestId: (id: string) => void): PlaceOrderHooks => ({
            onChecking: () => dispatch({type: 'order-checking', attempt}),
            onResending: () => dispatch({type: 'order-resending', attempt}),
            // Aborted only when the runner stops (the wizard is gone): an interrupt while the order
            // is on its way does not abort it, the wizard waits for its answer (see leaving.ts).
            signal: aborter.signal,
            // The search for a lost order's site is cut short by an interrupt (Ctrl+C, SIGTERM,
            // SIGHUP; see sync) or when the runner stops: the outcome is then said as unknown.
            stopChecking: search.signal,
            timers: deps.timers,
            ...(deps.recheck ? {recheck: deps.recheck} : {}),
            onRequestId,
          });
          // "Send again" is the same code as `btalk order --resend-if-absent`: a complete read first.
          const send = effect.type === 'place-order' ? placeOrder : sendAgainIfAbsent;
          const placed = await placeAndRecord(deps.recordOrder, context, (onRequestId) => send(stoppable(api()), effect.customerCode, effect.body, hooks(onRequestId)));
          return {type: 'order-placed', attempt, placed};
        } catch (error) {
          return {type: 'order-failed', attempt: effect.attempt, error: toBtalkError(error)};
        } finally {
          searches.delete(effect.attempt);
        }
      case 'find-order': {
        const name = effect.technicalSiteName;
        try {
          const requestIds: string[] = [];
          const placed = recoveredOrder(await api().voicesites({onRequestId: (id) => requestIds.push(id)}), effect.customerCode, name);
          const body = orderBody(store.getState().answers)?.body;
          if (placed) {
            // The earlier attempt was journalled as unknown; this line settles it.
            if (body) await deps.recordOrder?.(attemptFor(orderContext(effect.customerCode, body), {placed}, requestIds));
            return {type: 'order-placed', attempt: effect.attempt, placed};
          }
          // One more read that does not list it proves nothing: a slow order may still land.
          const error = new BtalkError('not-found', `GET /voicesites, read again in full, does not list ${name}: the order may still be processing.`, {
            hint: `Check again in a while, or choose "Send again": it reads the whole list first and sends only if ${name} is not there.`,
            outcomeUnknown: true,
          });
          return {type: 'order-failed', attempt: effect.attempt, error};
        } catch (thrown) {
          const cause = toBtalkError(thrown);
          const error = new BtalkError(cause.kind, `Still cannot tell whether ${name} was created: ${cause.message}`, {
            hint: `Do not order again yet: check again, or run "btalk voicesites" later and look for ${name}.`,
            outcomeUnknown: true,
            ...(cause.api === undefined ? {} : {api: cause.api}),
            cause,
          });
          return {type: 'order-failed', attempt: effect.attempt, error};
        }
      }
      default: {
        const never: never = effect;
        return never;
      }
    }
  }

  function start(key: string, effect: Effect): void {
    running.add(key);
    if (effect.type === 'load') dispatch({type: 'load-started', request: effect.request, ...(deps.clock ? {at: deps.clock()} : {})});
    void execute(effect).then((action) => {
      dispatch(action);
      running.delete(key);
      sync();
    });
  }

  function sync(): void {
    if (stopped) return;
    const {screen} = store.getState();
    if (screen.kind === 'submitting' && screen.interrupted) searches.get(screen.attempt)?.abort();
    const wanted = new Map(effectsFor(store.getState()).map((e) => [effectKey(e), e] as const));
    // A prefetch that is no longer wanted (the highlight moved on) is not started.
    for (const [key, cancel] of timers) {
      const effect = wanted.get(key);
      if (!effect || !(effect.type === 'load' && effect.delayMs)) {
        cancel();
        timers.delete(key);
      }
    }
    for (const [key, effect] of wanted) {
      if (running.has(key) || timers.has(key)) continue;
      if (effect.type === 'load' && effect.delayMs) {
        timers.set(
          key,
          deps.timers.after(effect.delayMs, () => {
            timers.delete(key);
            const still = effectsFor(store.getState()).find((e) => effectKey(e) === key);
            if (still && !running.has(key)) start(key, still);
          }),
        );
        continue;
      }
      start(key, effect);
    }
  }

  const unsubscribe = store.subscribe(sync);
  sync();
  return {
    stop() {
      stopped = true;
      unsubscribe();
      for (const cancel of timers.values()) cancel();
      timers.clear();
      aborter.abort();
      for (const search of searches.values()) search.abort();
    },
  };
}
