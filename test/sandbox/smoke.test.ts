import {describe, expect, it} from 'vitest';
import {api, orderBody, useSandbox} from '../helpers/sandbox.js';

describe('sandbox smoke', () => {
  const sandbox = useSandbox();
  it('serves /me and an order for the demo account', async () => {
    const me = await api(sandbox(), '/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({rightsProfile: 'admin'});
    const order = await api(sandbox(), '/customers/9999/orders', {json: orderBody()});
    expect(order.status).toBe(201);
    const created = (await order.json()) as {voiceSiteId: string};
    const list = (await (await api(sandbox(), '/voicesites')).json()) as Array<{voiceSiteId: string}>;
    expect(list.map((s) => s.voiceSiteId)).toContain(created.voiceSiteId);
  });
});
