import {describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import type {OrderRequest} from '../../src/api/types.js';
import {BtalkError} from '../../src/errors.js';
import {placeOrder} from '../../src/order/place-order.js';
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

  it('after a 503 that created nothing, says the order was NOT created and is safe to send again', async () => {
    sandbox().injectFault({route: ROUTE, status: 503, json: {code: 5, message: 'Service unavailable'}});
    const error = await placeOrder(api(), '9999', order).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BtalkError);
    expect((error as BtalkError).message).toContain('NOT created');
    expect((error as BtalkError).hint).toContain('safe to send the order again');
    // One clear story: what the server answered, what was checked, what that means.
    expect((error as BtalkError).message).toBe(
      'The order for LILLE_01 was NOT created: the server answered 503 to the order, and GET /voicesites, checked afterwards, lists no site named LILLE_01.',
    );
    expect((error as BtalkError).message).not.toContain('may have been created');
    expect((error as BtalkError).api?.message).toBe('Service unavailable');
    expect((error as BtalkError).outcomeUnknown).toBe(false);
    expect(sandbox().counters.ordersCreated).toBe(0);
    expect(sandbox().counters.byRoute[ROUTE]).toBe(1);
  });

  it('after a reset before the server acted, says no answer came, the voicesites were checked, and nothing was created', async () => {
    sandbox().injectFault({route: ROUTE, reset: 'before'});
    const error = (await placeOrder(api(), '9999', order).catch((e: unknown) => e)) as BtalkError;
    expect(error.message).toMatch(/^The order for LILLE_01 was NOT created: no answer to the order from 127\.0\.0\.1:\d+: the connection was reset, and GET \/voicesites, checked afterwards, lists no site named LILLE_01\.$/);
    expect(error.hint).toBe('Nothing was created, so it is safe to send the order again.');
    expect(error.outcomeUnknown).toBe(false);
    expect(sandbox().counters.ordersCreated).toBe(0);
  });

  it('when the check fails too, says the outcome is unknown and how to look before retrying', async () => {
    sandbox().injectFault({route: ROUTE, reset: 'after'});
    sandbox().injectFault({route: 'GET /voicesites', status: 500, times: 20});
    const error = (await placeOrder(api(), '9999', order).catch((e: unknown) => e)) as BtalkError;
    expect(error).toBeInstanceOf(BtalkError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain('may or may not have been created');
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
