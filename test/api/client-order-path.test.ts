import {describe, expect, it} from 'vitest';
import {useEmulator} from '../helpers/emulator.js';
import {clientFor, failure, order} from './client-fixture.js';

const ORDERS = 'POST /customers/:customerCode/orders';
const ORDERS_VOICESITE = 'POST /customers/:customerCode/orders/voicesite';
const NOT_FOUND = {code: 60, message: 'Resource not found', description: 'The requested URI or the requested resource does not exist.'};

describe('order path fallback', () => {
  const sandbox = useEmulator();

  it('posts to /orders/voicesite when /orders answers 404 code 60, and goes straight there next time', async () => {
    const s = sandbox();
    s.injectFault({route: ORDERS, status: 404, json: NOT_FOUND, times: 5});
    const api = clientFor(s);
    const first = await api.orderVoicesite('9999', order('BTALK_PATH_1'));
    expect(first.voiceSiteId).toEqual(expect.any(String));
    expect(s.counters.byRoute[ORDERS]).toBe(1);
    expect(s.counters.byRoute[ORDERS_VOICESITE]).toBe(1);

    const second = await api.orderVoicesite('9999', order('BTALK_PATH_2'));
    expect(second.voiceSiteId).not.toBe(first.voiceSiteId);
    expect(s.counters.byRoute[ORDERS]).toBe(1); // not tried again
    expect(s.counters.byRoute[ORDERS_VOICESITE]).toBe(2);
    expect(s.counters.ordersCreated).toBe(2);
  });

  it('keeps using /orders once it worked', async () => {
    const s = sandbox();
    const api = clientFor(s);
    await api.orderVoicesite('9999', order('BTALK_PATH_3'));
    await api.orderVoicesite('9999', order('BTALK_PATH_4'));
    expect(s.counters.byRoute[ORDERS]).toBe(2);
    expect(s.counters.byRoute[ORDERS_VOICESITE]).toBeUndefined();
  });

  it('reports not-found, safe to resend, when both paths answer 404', async () => {
    const s = sandbox();
    s.injectFault({route: ORDERS, status: 404, json: NOT_FOUND});
    s.injectFault({route: ORDERS_VOICESITE, status: 404, json: NOT_FOUND});
    const error = await failure(clientFor(s).orderVoicesite('9999', order('BTALK_PATH_5')));
    expect(error.kind).toBe('not-found');
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).toMatch(/orders\/voicesite/);
    expect(s.counters.ordersCreated).toBe(0);
  });
});
