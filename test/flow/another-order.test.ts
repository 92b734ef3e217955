/** Several sites in one run: "n" on the done screen, and what must never carry over to the next. */
import {describe, expect, it} from 'vitest';
import {effectsFor} from '../../src/flow/effects.js';
import {reducer} from '../../src/flow/reducer.js';
import type {WizardState} from '../../src/flow/state.js';
import {acme, at, customer, france, networkError, placed, run, site, vpn1} from './fixtures.js';

const second = {customerSiteLabel: 'Voicesite in France 2', technicalSiteName: 'VOICESITE_IN_FRANCE_2', customerOrderReference: 'ref-1-2'};

/** Done with vs1, then "n", the new names, submit, and vs2 delivered. */
function twoOrders(): WizardState {
  return run(at('done'), {type: 'another-order-requested'}, {type: 'site-entered', site: second}, {type: 'submit-pressed'}, {type: 'order-placed', attempt: 2, placed: placed('vs2')});
}

describe('reducer: ordering another site', () => {
  it('goes from the done screen to the names, keeping customer, VPN and country, forgetting the names', () => {
    const done = at('done');
    const next = run(done, {type: 'another-order-requested'});
    expect(next.screen).toEqual({kind: 'site'});
    expect(next.answers.customer).toEqual(customer);
    expect(next.answers.vpn).toEqual(vpn1);
    expect(next.answers.country).toEqual(france);
    expect(next.answers.site).toBeUndefined();
    expect(next.credentials).toBe(done.credentials);
    expect(next.ordered.map((o) => o.voiceSiteId)).toEqual(['vs1']);
  });

  it('fetches the voicesites again after an order, so the new site counts as taken', () => {
    const next = run(at('done'), {type: 'another-order-requested'});
    expect(next.data.voicesites).toBeUndefined();
    expect(effectsFor(next)).toContainEqual({type: 'load', request: {kind: 'voicesites'}});
  });

  it('is only offered on the done screen', () => {
    const review = at('review');
    expect(reducer(review, {type: 'another-order-requested'})).toBe(review);
    const submitting = at('submitting');
    expect(reducer(submitting, {type: 'another-order-requested'})).toBe(submitting);
  });

  it('lets Esc change the country and the VPN as usual', () => {
    const next = run(at('done'), {type: 'another-order-requested'}, {type: 'back-pressed'});
    expect(next.screen).toEqual({kind: 'country', highlighted: 'FR'});
    expect(run(next, {type: 'back-pressed'}).screen).toEqual({kind: 'vpn'});
    // With several customers, the customer too.
    const several = run(at('done', [customer, acme]), {type: 'another-order-requested'}, {type: 'back-pressed'}, {type: 'back-pressed'}, {type: 'back-pressed'});
    expect(several.screen.kind).toBe('customer');
  });
});

describe('reducer: a second order never resends the first', () => {
  it('sends nothing before new names are given', () => {
    const next = run(at('done'), {type: 'another-order-requested'});
    expect(run(next, {type: 'submit-pressed'}).screen.kind).toBe('site');
    expect(effectsFor(next).some((e) => e.type === 'place-order')).toBe(false);
  });

  it('refuses to send a technical name this run already ordered', () => {
    const same = run(at('done'), {type: 'another-order-requested'}, {type: 'site-entered', site});
    expect(same.screen.kind).toBe('review');
    expect(reducer(same, {type: 'submit-pressed'})).toBe(same);
  });

  it('sends the new body under a new attempt, and ignores a late answer of the first', () => {
    const sending = run(at('done'), {type: 'another-order-requested'}, {type: 'site-entered', site: second}, {type: 'submit-pressed'});
    expect(sending.screen).toEqual({kind: 'submitting', attempt: 2, mode: 'send', checking: false});
    const orders = effectsFor(sending).filter((e) => e.type === 'place-order');
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({attempt: 2, body: {customerOrderReference: 'ref-1-2', parameters: {technicalSiteName: 'VOICESITE_IN_FRANCE_2'}}});
    expect(run(sending, {type: 'order-placed', attempt: 1, placed: placed('vs1')})).toBe(sending);
  });

  it('after a lost answer on the second order, looks for the second name, not the first', () => {
    const failed = run(at('done'), {type: 'another-order-requested'}, {type: 'site-entered', site: second}, {type: 'submit-pressed'}, {type: 'order-failed', attempt: 2, error: networkError(true)});
    const finding = run(failed, {type: 'recheck-pressed'});
    expect(effectsFor(finding)).toContainEqual({type: 'find-order', attempt: 3, customerCode: '9999', technicalSiteName: 'VOICESITE_IN_FRANCE_2'});
  });
});

describe('reducer: leaving after several orders', () => {
  it('lists every site of the run on stdout, one line each, and exits 0', () => {
    const done = twoOrders();
    expect(done.screen).toMatchObject({kind: 'done', placed: {voiceSiteId: 'vs2'}});
    expect(run(done, {type: 'quit-pressed'}).screen).toEqual({
      kind: 'exit',
      code: 0,
      stream: 'stdout',
      reason: ['voiceSiteId: vs1  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)', 'voiceSiteId: vs2  (VOICESITE_IN_FRANCE_2, FR, My VPN 1, customer 9999)'].join('\n'),
    });
  });

  it('Ctrl+C during the next one: 130, the earlier sites still listed, "nothing more" ordered', () => {
    const s = run(at('done'), {type: 'another-order-requested'}, {type: 'interrupted'});
    expect(s.screen).toEqual({
      kind: 'exit',
      code: 130,
      stream: 'stderr',
      reason: 'Interrupted: nothing more was ordered.',
      summary: ['voiceSiteId: vs1  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)'],
    });
  });

  it('cancelling the next one from its review exits 0, listing the sites delivered', () => {
    const s = run(at('done'), {type: 'another-order-requested'}, {type: 'site-entered', site: second}, {type: 'quit-pressed'});
    expect(s.screen).toMatchObject({kind: 'exit', code: 0, reason: 'Cancelled: nothing more was ordered.', summary: [expect.stringContaining('vs1')]});
  });
});
