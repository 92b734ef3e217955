/**
 * The runner on its own: a store, an API that answers when the test says so, and timers the test
 * advances by hand, so prefetch delays and cancellation are checked without sleeping.
 */
import {describe, expect, it} from 'vitest';
import type {BusinessTalkApi, CallOptions, Vpn, WaitNotice} from '../../src/api/types.js';
import {VPN_PREFETCH_DELAY_MS} from '../../src/flow/effects.js';
import {startRunner} from '../../src/flow/runner.js';
import {createWizardStore} from '../../src/flow/store.js';
import {manualTimers} from '../helpers/manual-timers.js';
import {acme, at, customer, vpn1} from './fixtures.js';

interface Call {
  what: string;
  signal: AbortSignal | undefined;
  answer(value: unknown): void;
}

/** An API whose every call waits for the test to answer it; calls are listed in order. */
function heldApi() {
  const calls: Call[] = [];
  const held = <T,>(what: string, options?: CallOptions) =>
    new Promise<T>((resolve, reject) => {
      calls.push({what, signal: options?.signal, answer: (value) => resolve(value as T)});
      options?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
    });
  const api: BusinessTalkApi = {
    baseUrl: 'http://127.0.0.1:9',
    token: (o) => held('token', o),
    me: (o) => held('me', o),
    customers: (o) => held('customers', o),
    vpns: (code, o) => held(`vpns:${code}`, o),
    country: (iso2, o) => held(`country:${iso2}`, o),
    orderVoicesite: (code, _order, o) => held(`order:${code}`, o),
    voicesites: (o) => held('voicesites', o),
    voicesiteNames: (o) => held('voicesiteNames', o),
    findVoicesites: (_match, o) => held('findVoicesites', o),
  };
  return {api, calls, made: () => calls.map((c) => c.what)};
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup() {
  const store = createWizardStore(at('customer', [customer, acme]));
  const clock = manualTimers();
  const remote = heldApi();
  const runner = startRunner(store, {api: () => remote.api, saveCredentials: async () => {}, timers: clock.timers});
  return {store, clock, remote, runner};
}

describe('the wizard runner', () => {
  it('prefetches the VPNs of a highlighted customer only once the highlight has stayed for the delay', async () => {
    const {store, clock, remote, runner} = setup();
    // The voicesites are wanted at once (no delay): fetched as the runner starts.
    expect(remote.made()).toEqual(['voicesiteNames']);

    store.dispatch({type: 'customer-highlighted', customerCode: customer.customerCode});
    clock.advance(VPN_PREFETCH_DELAY_MS - 50);
    store.dispatch({type: 'customer-highlighted', customerCode: acme.customerCode});
    // The first highlight moved on before its delay: its timer is gone, nothing was fetched.
    expect(clock.pending()).toBe(1);
    clock.advance(VPN_PREFETCH_DELAY_MS - 1);
    expect(remote.made()).toEqual(['voicesiteNames']);

    clock.advance(1);
    expect(remote.made()).toEqual(['voicesiteNames', `vpns:${acme.customerCode}`]);
    remote.calls[1]!.answer([vpn1] satisfies Vpn[]);
    await settle();
    expect(store.getState().data.vpns[acme.customerCode]).toEqual({status: 'ready', value: [vpn1]});
    // Asked once: the loaded answer is not fetched again when time passes.
    clock.advance(10 * VPN_PREFETCH_DELAY_MS);
    expect(remote.made().filter((c) => c.startsWith('vpns:'))).toEqual([`vpns:${acme.customerCode}`]);
    runner.stop();
  });

  it('stop() cancels waiting prefetches, aborts requests in flight and dispatches nothing afterwards', async () => {
    const {store, clock, remote, runner} = setup();
    store.dispatch({type: 'customer-highlighted', customerCode: acme.customerCode});
    expect(clock.pending()).toBe(1);
    const voicesites = remote.calls[0]!;
    expect(voicesites.signal?.aborted).toBe(false);

    runner.stop();
    expect(clock.pending()).toBe(0);
    expect(voicesites.signal?.aborted).toBe(true);
    const before = store.getState();
    clock.advance(10 * VPN_PREFETCH_DELAY_MS);
    voicesites.answer([]);
    await settle();
    expect(remote.made()).toEqual(['voicesiteNames']);
    expect(store.getState()).toBe(before);
  });

  it('stamps each read with the clock and takes the client\'s retry pauses as facts for the busy line', () => {
    const store = createWizardStore(at('customer', [customer, acme]));
    const time = manualTimers(1_000_000);
    const remote = heldApi();
    let onWait: ((notice: WaitNotice) => void) | undefined;
    const runner = startRunner(store, {
      api: (_credentials, options) => {
        onWait = options?.onWait;
        return remote.api;
      },
      saveCredentials: async () => {},
      timers: time.timers,
      clock: time.clock,
    });
    expect(store.getState().data.voicesites).toEqual({status: 'loading', since: 1_000_000});
    const notice: WaitNotice = {method: 'GET', path: '/voicesites', delayMs: 8_000, until: 1_008_000, reason: 'rate limited', asked: true, retry: 1, of: 3};
    expect(onWait).toBeDefined();
    onWait?.(notice);
    expect(store.getState().lastWait).toEqual(notice);
    runner.stop();
  });
});
