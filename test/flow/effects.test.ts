import {describe, expect, it} from 'vitest';
import {COVERAGE_PREFETCH_DELAY_MS, VPN_PREFETCH_DELAY_MS, effectsFor} from '../../src/flow/effects.js';
import {initialState} from '../../src/flow/state.js';
import {acme, at, creds, customer, run} from './fixtures.js';

describe('effectsFor', () => {
  it('asks for nothing without credentials', () => {
    expect(effectsFor(initialState(undefined))).toEqual([]);
  });

  it('checks access first, and nothing else until it passed', () => {
    expect(effectsFor(initialState(creds))).toEqual([{type: 'load', request: {kind: 'me'}}]);
    const loading = run(initialState(creds), {type: 'load-started', request: {kind: 'me'}});
    expect(effectsFor(loading)).toEqual([]);
  });

  it('prefetches customers, voicesites and the only customer\'s VPNs right after the access check', () => {
    const s = run(initialState(creds), {type: 'customers-loaded', customers: [customer]}, {type: 'access-checked', me: {rightsProfile: 'admin'}});
    expect(effectsFor(s)).toEqual([
      {type: 'load', request: {kind: 'voicesites'}},
      {type: 'load', request: {kind: 'vpns', customerCode: '9999'}},
    ]);
  });

  it('saves typed credentials only after a passing access check', () => {
    const typed = run(initialState(undefined), {type: 'credentials-entered', credentials: creds});
    expect(effectsFor(typed).some((e) => e.type === 'save-credentials')).toBe(false);
    const proven = run(typed, {type: 'access-checked', me: {rightsProfile: 'admin'}});
    expect(effectsFor(proven)).toContainEqual({type: 'save-credentials', credentials: creds});
    const readonly = run(typed, {type: 'access-checked', me: {rightsProfile: 'readonly'}});
    expect(effectsFor(readonly)).toEqual([]);
  });

  it('prefetches the highlighted country after a pause, and loads a chosen one at once', () => {
    const highlighted = run(at('country'), {type: 'country-highlighted', iso2: 'DE'});
    expect(effectsFor(highlighted)).toContainEqual({type: 'load', request: {kind: 'country', iso2: 'DE'}, delayMs: COVERAGE_PREFETCH_DELAY_MS});
    const chosen = run(highlighted, {type: 'country-chosen', iso2: 'DE'});
    expect(effectsFor(chosen)).toContainEqual({type: 'load', request: {kind: 'country', iso2: 'DE'}});
  });

  it('sends the order with the exact body while submitting', () => {
    expect(effectsFor(at('submitting'))).toContainEqual({
      type: 'place-order',
      attempt: 1,
      customerCode: '9999',
      body: {
        customerOrderReference: 'ref-1',
        parameters: {technicalSiteName: 'VOICESITE_IN_FRANCE', customerSiteLabel: 'Voicesite in France', country: 'FR', vpnId: 'aa76e66dfc63'},
      },
    });
  });

  it('loads the VPNs of a customer picked from several', () => {
    const s = run(at('customer', [customer, acme]), {type: 'customer-chosen', customer: acme});
    expect(effectsFor(s)).toContainEqual({type: 'load', request: {kind: 'vpns', customerCode: '41001'}});
  });

  it('prefetches the VPNs of the highlighted customer when there are several', () => {
    const s = run(at('customer', [customer, acme]), {type: 'customer-highlighted', customerCode: '41001'});
    expect(effectsFor(s)).toContainEqual({type: 'load', request: {kind: 'vpns', customerCode: '41001'}, delayMs: VPN_PREFETCH_DELAY_MS});
  });
});
