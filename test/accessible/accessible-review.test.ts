/**
 * Accessible mode from the review on: an edit comes back to the review, a refused order can be
 * sent again, a lost answer is looked for before anything else, and a read-only key stops.
 */
import {describe, expect, it} from 'vitest';
import {useEmulator} from '../helpers/emulator.js';
import {credentialsOf} from '../e2e/wizard-harness.js';
import {startAccessible} from './harness.js';

const TO_REVIEW = ['1', 'FR', '', '', '', ''];
const POST = 'POST /customers/:customerCode/orders';

describe('accessible mode, review and order', {timeout: 30_000}, () => {
  const sandbox = useEmulator();

  it('an edit from the review comes straight back to it, the other answers kept', async () => {
    const run = startAccessible(sandbox());
    run.type(...TO_REVIEW);
    await run.waitFor('Send this order?');
    // 1) Edit the VPN (one customer: nothing to edit there), then VPN 2.
    run.type('1');
    await run.waitFor('Press Enter to keep My VPN 1.');
    run.type('2', 'quit');
    expect(await run.done).toBe(130);
    const out = run.out();
    expect(out.split('In which country is the site?').length - 1).toBe(1);
    const second = out.slice(out.lastIndexOf('Review the order.'));
    expect(second).toContain('VPN: My VPN 2 (id ');
    expect(second).toContain('Technical name: VOICESITE_IN_FRANCE');
  });

  it('a refused order says nothing was created and can be sent again', async () => {
    const s = sandbox();
    const run = startAccessible(s);
    run.type(...TO_REVIEW);
    await run.waitFor('Send this order?');
    s.injectFault({route: POST, status: 400, json: {code: 21, message: 'Invalid parameter', description: 'refused once'}});
    run.type('yes');
    await run.waitFor('The order did not go through.');
    await run.waitFor('Nothing was created for VOICESITE_IN_FRANCE.');
    run.type('1');
    await run.waitFor('What next?');
    run.type('4');
    expect(await run.done).toBe(0);
    expect(run.out()).toContain('refused once');
    expect(s.counters.ordersCreated).toBe(1);
  });

  it('a lost answer is looked for in GET /voicesites, said in words, and the site is not ordered twice', async () => {
    const s = sandbox();
    const run = startAccessible(s);
    run.type(...TO_REVIEW);
    await run.waitFor('Send this order?');
    s.injectFault({route: POST, reset: 'after'});
    run.type('yes');
    await run.waitFor('The answer to the order was lost, but the site exists');
    run.type('4');
    expect(await run.done).toBe(0);
    expect(run.out()).toMatch(/Sending the order for VOICESITE_IN_FRANCE[\s\S]*The order was placed: voiceSiteId vs\S+\./u);
    expect(s.counters.ordersCreated).toBe(1);
  });

  it('a read-only key stops at the access step, with how to get one that can order', async () => {
    const s = sandbox();
    const run = startAccessible(s, {account: credentialsOf(s.accounts.demoReadonly)});
    await run.waitFor('This API key is read-only (rights profile "readonly")');
    run.type('2');
    expect(await run.done).toBe(1);
    expect(run.out()).toContain('Developer tab');
    expect(run.err()).toContain('nothing was ordered');
  });
});
