/** Answers given up front (flags, variables): checked like `btalk order` checks them, each completing its step. */
import {describe, expect, it} from 'vitest';
import {givenAnswers} from '../../src/flow/given.js';
import {initialState} from '../../src/flow/state.js';
import {acme, creds, customer, france, run, vpn1, vpn2} from './fixtures.js';

const now = new Date(2026, 10, 29, 14, 32);
const start = (answers: Parameters<typeof givenAnswers>[0], customers = [customer]) =>
  run(initialState(creds, givenAnswers(answers, now)), {type: 'load-started', request: {kind: 'me'}}, {type: 'customers-loaded', customers}, {type: 'access-checked', me: {rightsProfile: 'admin'}});

describe('reducer: answers given up front', () => {
  it('--vpn "My VPN 1" --country FR: opens at the site names with VPN and country answered', () => {
    let s = start({vpn: 'My VPN 1', country: 'FR'});
    expect(s.screen).toEqual({kind: 'vpn'});
    s = run(s, {type: 'vpns-loaded', customerCode: '9999', vpns: [vpn1, vpn2]});
    expect(s.answers.vpn).toEqual(vpn1);
    expect(s.screen).toMatchObject({kind: 'country', chosen: 'FR'});
    s = run(s, {type: 'country-loaded', iso2: 'FR', country: france});
    expect(s.screen).toEqual({kind: 'site'});
    expect(s.answers.country).toEqual(france);
    expect(s.given).toBeUndefined();
  });

  it('every answer given and right: opens at the review; the names are checked against the voicesites first', () => {
    let s = start({vpn: '2', country: 'France', label: 'Paris office', reference: 'PO-1'});
    s = run(s, {type: 'vpns-loaded', customerCode: '9999', vpns: [vpn1, vpn2]}, {type: 'country-loaded', iso2: 'FR', country: france});
    expect(s.screen).toEqual({kind: 'site'});
    s = run(s, {type: 'voicesites-loaded', voicesites: []});
    expect(s.screen.kind).toBe('review');
    expect(s.answers.site).toEqual({customerSiteLabel: 'Paris office', technicalSiteName: 'PARIS_OFFICE', customerOrderReference: 'PO-1'});
    expect(s.answers.vpn).toEqual(vpn2);
  });

  it('a wrong answer opens its step with the reason, and is not applied again', () => {
    let s = start({vpn: 'nope'});
    s = run(s, {type: 'vpns-loaded', customerCode: '9999', vpns: [vpn1, vpn2]});
    expect(s.screen.kind).toBe('vpn');
    expect(s.screen.kind === 'vpn' && s.screen.reason).toContain('--vpn "nope": no VPN with id, code or name "nope"');
    expect(s.given).toBeUndefined();
  });

  it('a taken technical name stops at the site step, with the names given kept', () => {
    let s = start({vpn: '1', country: 'FR', siteName: 'TAKEN', label: 'Lyon'});
    s = run(s, {type: 'vpns-loaded', customerCode: '9999', vpns: [vpn1]}, {type: 'country-loaded', iso2: 'FR', country: france}, {type: 'voicesites-loaded', voicesites: [{voiceSiteId: 'vs9', technicalSiteName: 'TAKEN', customerCode: '9999'}]});
    expect(s.screen).toEqual({kind: 'site'});
    expect(s.siteDraft).toMatchObject({customerSiteLabel: 'Lyon', technicalSiteName: 'TAKEN'});
  });

  it('--customer picks one of several, or says why not', () => {
    expect(start({customer: '41001'}, [customer, acme]).answers.customer).toEqual(acme);
    const wrong = start({customer: 'x'}, [customer, acme]);
    expect(wrong.screen.kind).toBe('customer');
    expect(wrong.screen.kind === 'customer' && wrong.screen.reason).toContain('--customer "x": no customer "x"');
  });
});
