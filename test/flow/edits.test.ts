/** Edits from the review come back to the review; Esc cancels them; Esc goes back from every screen. */
import {describe, expect, it} from 'vitest';
import {reducer} from '../../src/flow/reducer.js';
import {acme, at, customer, france, run, site, vpn1, vpn2} from './fixtures.js';

const germany = {name: 'Germany', iso2: 'DE', countryCode: '49', coverage: {businessTalkOnline: 'Yes'}};

describe('reducer: edits that come back', () => {
  it('review, v, another VPN: straight back to the review, names and country kept', () => {
    const s = run(at('review'), {type: 'edit-requested', step: 'vpn'}, {type: 'vpn-chosen', vpn: vpn2});
    expect(s.screen).toEqual({kind: 'review', showJson: false});
    expect(s.answers).toMatchObject({vpn: vpn2, country: france, site});
    expect(s.detour).toBeUndefined();
  });

  it('review, v, Esc: the review unchanged', () => {
    const review = at('review');
    const s = run(review, {type: 'edit-requested', step: 'vpn'}, {type: 'back-pressed'});
    expect(s.screen).toEqual({kind: 'review', showJson: false});
    expect(s.answers).toEqual(review.answers);
  });

  it('review, country, another covered country: back to the review after its coverage, names kept', () => {
    let s = run(at('review'), {type: 'edit-requested', step: 'country'}, {type: 'country-chosen', iso2: 'DE'}, {type: 'country-loaded', iso2: 'DE', country: germany});
    expect(s.screen).toMatchObject({kind: 'country', chosen: 'DE'});
    // Esc on the coverage goes back to the list, still within the edit; Esc there cancels it.
    expect(run(s, {type: 'back-pressed'}).screen).toMatchObject({kind: 'country'});
    expect(run(s, {type: 'back-pressed'}, {type: 'back-pressed'}).answers.country).toEqual(france);
    s = run(s, {type: 'coverage-accepted'});
    expect(s.screen.kind).toBe('review');
    expect(s.answers).toMatchObject({country: germany, vpn: vpn1, site});
  });

  it('a new customer invalidates the VPN: it is asked again, saying why, then back to the review', () => {
    let s = run(at('review', [customer, acme]), {type: 'edit-requested', step: 'customer'}, {type: 'customer-chosen', customer: acme});
    expect(s.screen).toMatchObject({kind: 'vpn'});
    expect(s.screen.kind === 'vpn' && s.screen.reason).toContain('My VPN 1 belongs to My Customer: choose a VPN of Acme Europe');
    expect(s.answers.vpn).toBeUndefined();
    s = run(s, {type: 'vpns-loaded', customerCode: acme.customerCode, vpns: [vpn2]}, {type: 'vpn-chosen', vpn: vpn2});
    expect(s.screen.kind).toBe('review');
    expect(s.answers).toMatchObject({customer: acme, vpn: vpn2, country: france, site});
  });

  it('the same customer again changes nothing but the screen', () => {
    const review = at('review', [customer, acme]);
    const s = run(review, {type: 'edit-requested', step: 'customer'}, {type: 'customer-chosen', customer});
    expect(s.screen.kind).toBe('review');
    expect(s.answers.vpn).toEqual(vpn1);
  });

  it('Esc goes back from the VPN screen even when the customer was automatic: to the access check', () => {
    const s = run(at('vpn'), {type: 'back-pressed'});
    expect(s.screen).toEqual({kind: 'access'});
    // It offers to continue, or other credentials (and Esc on those comes back here).
    expect(run(s, {type: 'access-continued'}).screen).toEqual({kind: 'vpn'});
    const other = run(s, {type: 'other-credentials-requested'});
    expect(other.screen).toMatchObject({kind: 'credentials', back: true});
    expect(run(other, {type: 'back-pressed'}).screen).toEqual({kind: 'access'});
  });

  it('the done screen changes just the VPN (or the country) for the next site, then the names', () => {
    const v = run(at('done'), {type: 'another-order-requested', change: 'vpn'});
    expect(v.screen).toEqual({kind: 'vpn'});
    expect(run(v, {type: 'vpn-chosen', vpn: vpn2}).screen).toEqual({kind: 'site'});
    const o = run(at('done'), {type: 'another-order-requested', change: 'country'});
    expect(o.screen).toMatchObject({kind: 'country', highlighted: 'FR'});
    // Esc keeps the VPN and country, and goes to the names.
    const cancelled = run(o, {type: 'back-pressed'});
    expect(cancelled.screen).toEqual({kind: 'site'});
    expect(cancelled.answers.country).toEqual(france);
    expect(reducer(cancelled, {type: 'back-pressed'}).screen.kind).toBe('country');
  });
});
