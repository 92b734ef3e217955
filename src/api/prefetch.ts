/**
 * Starts at once the reads a run is about to need, and hands each one, once, to the first caller
 * asking for it. The wizard asks for `/me`, then (once the key may order) the customers and the
 * voicesites, then the VPNs of the chosen customer: one after the other, that is four round trips
 * before the first list. Everything that needs only the token is started together here, and the
 * VPNs as soon as the customer is known (the key's only customer), so the first list waits for
 * two round trips after the token instead of three.
 *
 * A prefetched answer is used once; later calls go to the server. When a prefetched read fails,
 * the other prefetched answers are dropped, so retrying after, say, new credentials asks again.
 */
import type {BusinessTalkApi, CallOptions} from './types.js';

type Key = 'me' | 'customers' | 'voicesites' | `vpns:${string}`;

function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, {once: true});
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export interface PrefetchPlan {
  /** A customer whose VPNs to read at once (given on the command line or remembered). */
  customerCode?: string | undefined;
}

export function prefetchingApi(api: BusinessTalkApi, plan: PrefetchPlan = {}): BusinessTalkApi {
  const started = new Map<Key, Promise<unknown>>();
  const start = (key: Key, call: () => Promise<unknown>) => {
    if (started.has(key)) return;
    const promise = call();
    promise.catch(() => started.clear());
    started.set(key, promise);
  };
  start('me', () => api.me());
  start('voicesites', () => api.voicesites());
  start('customers', () =>
    api.customers().then((customers) => {
      const only = customers.length === 1 ? customers[0]?.customerCode : undefined;
      if (only !== undefined) start(`vpns:${only}`, () => api.vpns(only));
      return customers;
    }),
  );
  if (plan.customerCode !== undefined) {
    const code = plan.customerCode;
    start(`vpns:${code}`, () => api.vpns(code));
  }

  function take<T>(key: Key, options: CallOptions | undefined, call: () => Promise<T>): Promise<T> {
    const promise = started.get(key);
    // A caller that wants each answer's request id, or has already given up, asks for itself.
    if (!promise || options?.onRequestId || options?.signal?.aborted) return call();
    started.delete(key);
    return withSignal(promise as Promise<T>, options?.signal);
  }

  return {
    get baseUrl() {
      return api.baseUrl;
    },
    token: (options) => api.token(options),
    me: (options) => take('me', options, () => api.me(options)),
    customers: (options) => take('customers', options, () => api.customers(options)),
    voicesites: (options) => take('voicesites', options, () => api.voicesites(options)),
    vpns: (customerCode, options) => take(`vpns:${customerCode}`, options, () => api.vpns(customerCode, options)),
    country: (iso2, options) => api.country(iso2, options),
    orderVoicesite: (customerCode, order, options) => api.orderVoicesite(customerCode, order, options),
    // The duplicate check takes the complete read already under way (one round trip fewer).
    findVoicesites: async (match, options) => {
      if (!started.has('voicesites') || options?.onRequestId || options?.signal?.aborted) return api.findVoicesites(match, options);
      const sites = await take('voicesites', options, () => api.voicesites(options));
      return {matches: sites.filter(match), count: sites.length};
    },
  };
}
