import {describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import type {OrderRequest} from '../../src/api/types.js';
import {BtalkError} from '../../src/errors.js';
import {placeOrder, sendAgainIfAbsent} from '../../src/order/place-order.js';
import {useEmulator} from '../helpers/emulator.js';

const ROUTE = 'POST /customers/:customerCode/orders';
const order: OrderRequest = {
  customerOrderReference: 'PO-7',
  parameters: {technicalSiteName: 'LILLE_01', customerSiteLabel: 'Lille office', country: 'FR', vpnId: 'aa76e66dfc63'},
};

describe('placeOrder', () => {
  const sandbox = useEmulator();
  const api = () => createBusinessTalkApi({baseUrl: sandbox().baseUrl, credentials: sandbox().demo, maxRetryDelayMs: 20, timeoutMs: 5_000});

  it('returns the delivered voiceSiteId and the order details', async () => {
    const placed = await placeOrder(api(), '9999', order);
    expect(placed.recovered).toBe(false);
    expect(placed.order?.customerOrderReference).toBe('PO-7');
    expect(placed.voiceSiteId).toMatch(/\S/);
    expect(sandbox().counters.ordersCreated).toBe(1);
  });

  it('after a reset that followed the order, finds the site instead of failing, without a second POST', async () => {
    sandbox().injectFault({route: ROUTE, reset: 'after'});
    const checks: string[] = [];
    const client = api();
    const placed = await placeOrder(client, '9999', order, {onChecking: () => checks.push('checking')});
    expect(placed.recovered).toBe(true);
    expect(checks).toEqual(['checking']);
    const listed = (await client.voicesites()).filter((s) => s.technicalSiteName === 'LILLE_01');
    expect(listed.map((s) => s.voiceSiteId)).toEqual([placed.voiceSiteId]);
    expect(sandbox().counters.ordersCreated).toBe(1);
    expect(sandbox().counters.byRoute[ROUTE]).toBe(1);
  });

  /** A short window for tests: 4 checks, 40-320 ms apart. */
  const SHORT = {windowMs: 700, firstDelayMs: 40, maxDelayMs: 320};

  it('after a 503 that created nothing, searches over the window and ends unknown, never "safe to resend"', async () => {
    sandbox().injectFault({route: ROUTE, status: 503, json: {code: 5, message: 'Service unavailable'}});
    const checks: number[] = [];
    const waits: number[] = [];
    const error = (await placeOrder(api(), '9999', order, {recheck: SHORT, onChecking: (n) => checks.push(n), onWaiting: (p) => waits.push(p.endsAt - p.nextAt)}).catch((e: unknown) => e)) as BtalkError;
    expect(error).toBeInstanceOf(BtalkError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/^The order for LILLE_01 may still be processing: the server answered 503 to the order, and GET \/voicesites, searched \d+ times over \d+ s, does not list LILLE_01 yet\.$/);
    expect(error.message).not.toMatch(/NOT created/);
    expect(error.hint).toMatch(/^Do not send it again yet\./);
    expect(error.hint).toMatch(/--resend-if-absent/);
    expect(checks.length).toBeGreaterThanOrEqual(2);
    expect(checks).toEqual(checks.map((_, i) => i + 1));
    // The countdown shrinks: each pause leaves less of the window.
    expect([...waits].sort((a, b) => b - a)).toEqual(waits);
    expect(error.api?.message).toBe('Service unavailable');
    expect(sandbox().counters.ordersCreated).toBe(0);
    expect(sandbox().counters.byRoute[ROUTE]).toBe(1);
  });

  it('a POST that completes after its timeout is reported created once it is listed, with one POST and one site', async () => {
    sandbox().injectFault({route: ROUTE, delayMs: 600});
    const client = createBusinessTalkApi({baseUrl: sandbox().baseUrl, credentials: sandbox().demo, orderTimeoutMs: 150});
    const placed = await placeOrder(client, '9999', order, {recheck: {windowMs: 10_000, firstDelayMs: 100, maxDelayMs: 400}});
    expect(placed.recovered).toBe(true);
    expect(sandbox().counters.ordersCreated).toBe(1);
    expect(sandbox().counters.byRoute[ROUTE]).toBe(1);
  });

  it('a POST that completes after the window is unknown, never "not created", and the order counter stays 1', async () => {
    sandbox().injectFault({route: ROUTE, delayMs: 1_500});
    const client = createBusinessTalkApi({baseUrl: sandbox().baseUrl, credentials: sandbox().demo, orderTimeoutMs: 100});
    const error = (await placeOrder(client, '9999', order, {recheck: {windowMs: 300, firstDelayMs: 50, maxDelayMs: 100}}).catch((e: unknown) => e)) as BtalkError;
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/may still be processing/);
    for (let i = 0; i < 300 && sandbox().counters.ordersCreated === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sandbox().counters.ordersCreated).toBe(1);
    expect(sandbox().counters.byRoute[ROUTE]).toBe(1);
  });

  it('--resend-if-absent: after the window, one more complete check, then one resend; never a third POST', async () => {
    sandbox().injectFault({route: ROUTE, reset: 'before'});
    const said: string[] = [];
    const placed = await placeOrder(api(), '9999', order, {recheck: SHORT, resendIfAbsent: true, onResending: () => said.push('resending'), onChecking: (n) => n === 0 && said.push('fresh check')});
    expect(placed.recovered).toBe(false);
    expect(said).toEqual(['fresh check', 'resending']);
    expect(sandbox().counters.byRoute[ROUTE]).toBe(2);
    expect(sandbox().counters.ordersCreated).toBe(1);
    sandbox().injectFault({route: ROUTE, reset: 'before', times: 5});
    const other = {...order, parameters: {...order.parameters, technicalSiteName: 'LILLE_02'}};
    const error = (await placeOrder(api(), '9999', other, {recheck: SHORT, resendIfAbsent: true}).catch((e: unknown) => e)) as BtalkError;
    expect(error.outcomeUnknown).toBe(true);
    expect(sandbox().counters.byRoute[ROUTE]).toBe(4);
  });

  it('sending again after an unknown outcome: a site that is listed by now is the answer, and nothing is sent', async () => {
    const client = api();
    const first = await placeOrder(client, '9999', order);
    const steps: string[] = [];
    const placed = await sendAgainIfAbsent(client, '9999', order, {onChecking: (n) => steps.push(`check ${n}`), onResending: () => steps.push('resending')});
    expect(placed).toMatchObject({recovered: true, voiceSiteId: first.voiceSiteId});
    expect(steps).toEqual(['check 0']);
    expect(sandbox().counters.byRoute[ROUTE]).toBe(1);
  });

  it('sending again when the check cannot complete: nothing is sent, and the error says so', async () => {
    sandbox().injectFault({route: 'GET /voicesites', status: 500, times: 200});
    const error = (await sendAgainIfAbsent(api(), '9999', order).catch((e: unknown) => e)) as BtalkError;
    expect(error).toBeInstanceOf(BtalkError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/^Nothing was sent again: reading GET \/voicesites in full before sending LILLE_01 again failed/);
    expect(error.hint).toContain('may still be processing');
    expect(sandbox().counters.byRoute[ROUTE] ?? 0).toBe(0);
  });

  it('Ctrl+C stops the search: the outcome is said as unknown', async () => {
    sandbox().injectFault({route: ROUTE, reset: 'before'});
    const stop = new AbortController();
    const error = (await placeOrder(api(), '9999', order, {recheck: {windowMs: 60_000, firstDelayMs: 5_000, maxDelayMs: 5_000}, stopChecking: stop.signal, onWaiting: () => stop.abort()}).catch((e: unknown) => e)) as BtalkError;
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/the search was stopped after 1 check of GET \/voicesites \(LILLE_01 is not listed yet\)/);
  });

  it('when the checks fail too, says the outcome is unknown and how to look before retrying', async () => {
    sandbox().injectFault({route: ROUTE, reset: 'after'});
    sandbox().injectFault({route: 'GET /voicesites', status: 500, times: 200});
    const error = (await placeOrder(api(), '9999', order, {recheck: SHORT}).catch((e: unknown) => e)) as BtalkError;
    expect(error).toBeInstanceOf(BtalkError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/may still be processing: .*checking the voicesites failed/);
    expect(error.hint).toContain('btalk voicesites --filter LILLE_01');
    expect(sandbox().counters.byRoute[ROUTE]).toBe(1);
  });

  it('passes a refusal through untouched, without looking at the voicesites', async () => {
    const error = (await placeOrder(api(), '9999', {...order, parameters: {...order.parameters, technicalSiteName: 'PARIS_HQ'}}).catch(
      (e: unknown) => e,
    )) as BtalkError;
    expect(error.kind).toBe('invalid-input');
    expect(sandbox().counters.byRoute['GET /voicesites'] ?? 0).toBe(0);
  });
});
