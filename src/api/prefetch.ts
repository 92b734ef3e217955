/**
 * Starts at once the reads a run is about to need, and hands each one, once, to the first caller
 * asking for it. The wizard asks for `/me`, then (once the key may order) the customers and the
 * voicesites, then the VPNs of the chosen customer: one after the other, that is four round trips
 * before the first list. `/me` and the customers, which need only the token, are started together
 * here, and the VPNs as soon as the customer is known (given, remembered, or the key's only
 * customer), so the first list waits for two round trips after the token instead of three.
 *
 * The voicesites (their names, for the duplicate check at the site step, steps later) are read
 * once the first list the person sees is in: the customers, and the VPNs when they are read at
 * once. Read together, their pages competed with that list's for the network and the CPU: with
 * 5,000 sites and 10,000 VPNs, the sites' pages were a third of the work before the VPN list.
 *
 * A prefetched answer is used once; later calls go to the server. When a prefetched read fails,
 * the other prefetched answers are dropped, so retrying after, say, new credentials asks again.
 */
import type {BusinessTalkApi, CallOptions, ListSoFar, Vpn} from './types.js';

type Key = 'me' | 'customers' | 'voicesiteNames' | `vpns:${string}`;

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
  /** The VPN pages after the first, read ahead, are asked for once this settles (ListCallOptions.laterPages). */
  laterVpnPages?: Promise<unknown> | undefined;
}

export function prefetchingApi(api: BusinessTalkApi, plan: PrefetchPlan = {}): BusinessTalkApi {
  const started = new Map<Key, Promise<unknown>>();
  /** Prefetched answers already handed to a caller. */
  const handed = new WeakSet<Promise<unknown>>();
  const start = (key: Key, call: () => Promise<unknown>) => {
    if (started.has(key)) return;
    const promise = call();
    promise.catch(() => started.clear());
    started.set(key, promise);
  };
  /** The VPNs read at once, when there are: part of the first list the person sees. */
  let firstVpns: Promise<unknown> | undefined;
  /**
   * Each prefetched VPN read's progress: the last list so far, and who is told of the next. The
   * caller that takes the read is told at once of what is already in, then of each page after.
   */
  const vpnProgress = new Map<string, {last?: ListSoFar<Vpn>; listener?: (soFar: ListSoFar<Vpn>) => void}>();
  const startVpns = (code: string) => {
    const key = `vpns:${code}` as const;
    if (started.has(key)) return;
    const progress: {last?: ListSoFar<Vpn>; listener?: (soFar: ListSoFar<Vpn>) => void} = {};
    vpnProgress.set(code, progress);
    start(key, () =>
      api.vpns(code, {
        ...(plan.laterVpnPages ? {laterPages: plan.laterVpnPages} : {}),
        onProgress: (soFar) => {
          progress.last = soFar;
          progress.listener?.(soFar);
        },
      }),
    );
    firstVpns ??= started.get(key);
  };
  // The VPNs wait for the customer list: it is asked first, so its answer is the first one read.
  if (plan.customerCode !== undefined) startVpns(plan.customerCode);
  start('customers', () =>
    api.customers().then((customers) => {
      const only = customers.length === 1 ? customers[0]?.customerCode : undefined;
      if (only !== undefined) startVpns(only);
      return customers;
    }),
  );
  start('me', () => api.me());
  const settled = (promise: Promise<unknown> | undefined) => Promise.resolve(promise).then(
    () => undefined,
    () => undefined,
  );
  const firstList = settled(started.get('customers')).then(() => settled(firstVpns));
  // Read after the first list, unless the prefetched reads were dropped meanwhile (a failure) and
  // nobody is waiting for this one: then nothing is read.
  const names: Promise<unknown> = firstList.then(() => (started.get('voicesiteNames') === names || handed.has(names) ? api.voicesiteNames() : undefined));
  names.catch(() => started.clear());
  started.set('voicesiteNames', names);

  /** The prefetched answer, once (`onTaken` is told when it is handed over), or a call of its own. */
  function take<T>(key: Key, options: CallOptions | undefined, call: () => Promise<T>, onTaken?: () => void): Promise<T> {
    const promise = started.get(key);
    // A caller that wants each answer's request id, or has already given up, asks for itself.
    if (!promise || options?.onRequestId || options?.signal?.aborted) return call();
    started.delete(key);
    handed.add(promise);
    onTaken?.();
    return withSignal(promise as Promise<T>, options?.signal);
  }

  return {
    get baseUrl() {
      return api.baseUrl;
    },
    token: (options) => api.token(options),
    me: (options) => take('me', options, () => api.me(options)),
    customers: (options) => take('customers', options, () => api.customers(options)),
    voicesites: (options) => api.voicesites(options),
    voicesiteNames: (options) => take('voicesiteNames', options, () => api.voicesiteNames(options)),
    vpns: (customerCode, options) =>
      take(`vpns:${customerCode}`, options, () => api.vpns(customerCode, options), () => {
        const progress = vpnProgress.get(customerCode);
        vpnProgress.delete(customerCode);
        const onProgress = options?.onProgress;
        if (!progress || !onProgress) return;
        progress.listener = onProgress;
        if (progress.last) onProgress(progress.last);
      }),
    country: (iso2, options) => api.country(iso2, options),
    orderVoicesite: (customerCode, order, options) => api.orderVoicesite(customerCode, order, options),
    findVoicesites: (match, options) => api.findVoicesites(match, options),
  };
}
