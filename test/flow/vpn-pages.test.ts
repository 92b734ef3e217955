/**
 * The VPN list while its pages arrive: the rows in so far are kept beside the read (`soFar`), the
 * read stays `loading` (or `failed`) so nothing takes them for the list, and the list replaces
 * them once every page is in.
 */
import {describe, expect, it} from 'vitest';
import type {BusinessTalkApi, ListCallOptions, Vpn} from '../../src/api/types.js';
import {BtalkError} from '../../src/errors.js';
import {effectsFor} from '../../src/flow/effects.js';
import {startRunner} from '../../src/flow/runner.js';
import {initialState} from '../../src/flow/state.js';
import {createWizardStore} from '../../src/flow/store.js';
import {manualTimers} from '../helpers/manual-timers.js';
import {acme, at, creds, customer, networkError, run, vpn1, vpn2} from './fixtures.js';

const vpn3: Vpn = {vpnId: 'c0ffee000003', name: 'My VPN 3', vpnCode: '3'};
const started = (code = customer.customerCode) => ({type: 'load-started', request: {kind: 'vpns', customerCode: code}, at: 1000}) as const;
const progressed = (vpns: Vpn[], total: number | undefined = 3, code = customer.customerCode) => ({type: 'vpns-progressed', customerCode: code, vpns, total}) as const;

describe('reducer: the VPN pages in so far', () => {
  it('keeps the first pages beside a read still loading, then the whole list once it is in', () => {
    let s = run(at('vpn'), started(), progressed([vpn1]));
    expect(s.data.vpns['9999']).toEqual({status: 'loading', since: 1000, soFar: {value: [vpn1], total: 3}});
    s = run(s, progressed([vpn1, vpn2]));
    expect(s.data.vpns['9999']).toEqual({status: 'loading', since: 1000, soFar: {value: [vpn1, vpn2], total: 3}});
    // Still loading: the read is not asked again, and the step is not answered.
    expect(effectsFor(s).filter((e) => e.type === 'load' && e.request.kind === 'vpns')).toEqual([]);
    expect(s.screen.kind).toBe('vpn');
    s = run(s, {type: 'vpns-loaded', customerCode: '9999', vpns: [vpn1, vpn2, vpn3]});
    expect(s.data.vpns['9999']).toEqual({status: 'ready', value: [vpn1, vpn2, vpn3]});
  });

  it('ignores pages of a read that is not under way: a list already in, failed, or dropped', () => {
    const ready = run(at('vpn'), started(), {type: 'vpns-loaded', customerCode: '9999', vpns: [vpn1, vpn2]});
    expect(run(ready, progressed([vpn1]))).toBe(ready);
    const failed = run(at('vpn'), started(), {type: 'load-failed', request: {kind: 'vpns', customerCode: '9999'}, error: networkError()});
    expect(run(failed, progressed([vpn1]))).toBe(failed);
    const never = at('vpn');
    expect(run(never, progressed([vpn1]))).toBe(never);
  });

  it('keeps the rows read when a later page fails, and drops them for a fresh read on retry', () => {
    const error = new BtalkError('server', 'GET /customers/9999/vpns did not return a complete list: X-Total-Count changed from 3 to 4.');
    let s = run(at('vpn'), started(), progressed([vpn1]), {type: 'load-failed', request: {kind: 'vpns', customerCode: '9999'}, error});
    expect(s.data.vpns['9999']).toEqual({status: 'failed', error, soFar: {value: [vpn1], total: 3}});
    // A VPN that was listed can still be chosen.
    expect(run(s, {type: 'vpn-chosen', vpn: vpn1}).answers.vpn).toEqual(vpn1);
    s = run(s, {type: 'retry-pressed'});
    expect(s.data.vpns['9999']).toBeUndefined();
    expect(effectsFor(s)).toContainEqual({type: 'load', request: {kind: 'vpns', customerCode: '9999'}});
  });

  it('does not apply a VPN given up front from a partial list: it waits for the whole one', () => {
    // A given name could match another VPN on a page not yet in (two VPNs of one name are refused).
    let s = run(
      initialState(creds, {vpn: 'My VPN 1'}),
      {type: 'load-started', request: {kind: 'me'}},
      {type: 'customers-loaded', customers: [customer]},
      {type: 'access-checked', me: {rightsProfile: 'admin'}},
      started(),
      progressed([vpn1]),
    );
    expect(s.answers.vpn).toBeUndefined();
    s = run(s, {type: 'vpns-loaded', customerCode: '9999', vpns: [vpn1, vpn2, vpn3]});
    expect(s.answers.vpn).toEqual(vpn1);
  });
});

describe('runner: the VPN pages in so far', () => {
  it('turns each progress of the read into a fact, then the list', async () => {
    const store = createWizardStore(at('customer', [customer, acme]));
    let told: ListCallOptions<Vpn>['onProgress'];
    let answer: (vpns: Vpn[]) => void = () => {};
    const api = {
      voicesiteNames: () => new Promise(() => {}),
      vpns: (_code: string, options?: ListCallOptions<Vpn>) => {
        told = options?.onProgress;
        return new Promise<Vpn[]>((resolve) => (answer = resolve));
      },
    } as unknown as BusinessTalkApi;
    const runner = startRunner(store, {api: () => api, saveCredentials: async () => {}, timers: manualTimers().timers});
    store.dispatch({type: 'customer-chosen', customer: acme});
    expect(told).toBeDefined();
    told!({items: [vpn1], total: 3});
    expect(store.getState().data.vpns['41001']).toMatchObject({status: 'loading', soFar: {value: [vpn1], total: 3}});
    answer([vpn1, vpn2, vpn3]);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(store.getState().data.vpns['41001']).toEqual({status: 'ready', value: [vpn1, vpn2, vpn3]});
    runner.stop();
  });
});
