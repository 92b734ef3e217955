import {describe, expect, it} from 'vitest';
import {BtalkError} from '../../src/errors.js';
import {effectsFor} from '../../src/flow/effects.js';
import {reducer} from '../../src/flow/reducer.js';
import {initialState, orderBody, placedListed, type WizardState} from '../../src/flow/state.js';
import {acme, antarctica, at, creds, customer, france, networkError, run, site, vpn1, vpn2} from './fixtures.js';

describe('reducer: start and access', () => {
  it('starts on the form without credentials and on the access check with them', () => {
    expect(initialState(undefined).screen).toEqual({kind: 'credentials'});
    expect(initialState(creds).screen).toEqual({kind: 'access'});
  });

  it('takes typed credentials to the access check, keeping them unsaved until proven', () => {
    const s = run(initialState(undefined), {type: 'credentials-entered', credentials: creds});
    expect(s.screen.kind).toBe('access');
    expect(s.credentials).toBe(creds);
    expect(s.unsavedCredentials).toBe(creds);
  });

  it('sends refused typed credentials back to the form with the reason, keeping what was typed', () => {
    const refused = new BtalkError('auth', 'The API refused the credentials.');
    const s = run(initialState(undefined), {type: 'credentials-entered', credentials: creds}, {type: 'load-failed', request: {kind: 'me'}, error: refused});
    // GET /me refused them, the token was fine: the API key is the field to retype.
    expect(s.screen).toEqual({kind: 'credentials', rejected: refused, typed: creds, suspect: 'apiKey'});
    expect(s.credentials).toBeUndefined();
  });

  it('points at the client secret when the token itself was refused', () => {
    const refused = new BtalkError('auth', 'The client id or client secret was refused.');
    const s = run(initialState(undefined), {type: 'credentials-entered', credentials: creds}, {type: 'load-failed', request: {kind: 'me'}, error: refused, stage: 'token'});
    expect(s.screen).toEqual({kind: 'credentials', rejected: refused, typed: creds, suspect: 'clientSecret'});
  });

  it('asks only for another API key after a read-only one, keeping the client id and secret', () => {
    const s = run(initialState(creds), {type: 'access-checked', me: {rightsProfile: 'readonly'}}, {type: 'other-credentials-requested'});
    expect(s.screen).toEqual({kind: 'credentials', typed: creds, suspect: 'apiKey'});
  });

  it('records that typed credentials were saved, and forgets it for the next ones', () => {
    const s = run(initialState(undefined), {type: 'credentials-entered', credentials: creds}, {type: 'access-checked', me: {rightsProfile: 'admin'}}, {type: 'credentials-saved'});
    expect(s.credentialsSaved).toBe(true);
    expect(s.unsavedCredentials).toBeUndefined();
  });

  it('keeps stored credentials that fail on the access screen, with its failed look', () => {
    const s = run(initialState(creds), {type: 'load-failed', request: {kind: 'me'}, error: networkError()});
    expect(s.screen.kind).toBe('access');
    expect(s.data.me?.status).toBe('failed');
    expect(run(s, {type: 'retry-pressed'}).data.me).toBeUndefined();
  });

  it('stops a read-only key on the access screen; quitting there exits 1', () => {
    const s = run(initialState(creds), {type: 'access-checked', me: {rightsProfile: 'readonly'}});
    expect(s.screen.kind).toBe('access');
    const quit = run(s, {type: 'quit-pressed'});
    expect(quit.screen).toMatchObject({kind: 'exit', code: 1});
  });

  it.each([
    ['one customer already known: chosen automatically', [customer], 'vpn'],
    ['several customers: the list', [customer, acme], 'customer'],
  ] as const)('after the access check, %s', (_name, customers, screen) => {
    const s = run(initialState(creds), {type: 'customers-loaded', customers: [...customers]}, {type: 'access-checked', me: {rightsProfile: 'admin'}});
    expect(s.screen.kind).toBe(screen);
    expect(s.answers.customerAutomatic).toBe(screen === 'vpn' ? true : undefined);
  });

  it('chooses the only customer when the list arrives after the access check', () => {
    const s = run(initialState(creds), {type: 'access-checked', me: {rightsProfile: 'admin'}});
    expect(s.screen.kind).toBe('customer');
    expect(run(s, {type: 'customers-loaded', customers: [customer]}).answers.customer).toEqual(customer);
  });
});

describe('reducer: choices', () => {
  it('forgets the VPN when another customer is chosen, keeps it for the same one', () => {
    let s = at('review', [customer, acme]);
    expect(s.answers.vpn).toEqual(vpn1);
    s = run(s, {type: 'edit-requested', step: 'customer'});
    expect(s.screen.kind).toBe('customer');
    expect(run(s, {type: 'customer-chosen', customer}).answers.vpn).toEqual(vpn1);
    expect(run(s, {type: 'customer-chosen', customer: acme}).answers.vpn).toBeUndefined();
  });

  it('does not go on from an uncovered country, and does from a covered one', () => {
    const s = run(at('country'), {type: 'country-chosen', iso2: 'AQ'}, {type: 'country-loaded', iso2: 'AQ', country: antarctica});
    expect(run(s, {type: 'coverage-accepted'})).toBe(s);
    const fr = run(s, {type: 'back-pressed'}, {type: 'country-chosen', iso2: 'FR'}, {type: 'country-loaded', iso2: 'FR', country: france}, {type: 'coverage-accepted'});
    expect(fr.screen.kind).toBe('site');
    expect(fr.answers.country).toEqual(france);
  });

  it('ignores a highlight while a coverage table is shown', () => {
    const s = run(at('country'), {type: 'country-chosen', iso2: 'FR'});
    expect(run(s, {type: 'country-highlighted', iso2: 'DE'})).toBe(s);
  });

  it('toggles the JSON body on the review only', () => {
    const s = at('review');
    expect(run(s, {type: 'json-toggled'}).screen).toEqual({kind: 'review', showJson: true});
    expect(run(at('site'), {type: 'json-toggled'}).screen.kind).toBe('site');
  });
});

describe('reducer: back navigation keeps answers', () => {
  const table: Array<[string, WizardState, string]> = [
    ['review -> site', at('review'), 'site'],
    ['site -> country', at('site'), 'country'],
    ['country -> vpn', at('country'), 'vpn'],
    ['vpn -> customer (several customers)', at('vpn', [customer, acme]), 'customer'],
    ['vpn -> access, which offers other credentials (only one customer)', at('vpn'), 'access'],
    ['submitting stays', at('submitting'), 'submitting'],
    ['access stays', at('access'), 'access'],
  ];
  it.each(table)('%s', (_name, state, expected) => {
    const back = reducer(state, {type: 'back-pressed'});
    expect(back.screen.kind).toBe(expected);
    expect(back.answers).toEqual(state.answers);
  });

  it('goes from the site step back to the list with the chosen country highlighted', () => {
    expect(run(at('site'), {type: 'back-pressed'}).screen).toEqual({kind: 'country', highlighted: 'FR'});
  });

  it('goes from a coverage table back to the list, not to the VPN', () => {
    const s = run(at('country'), {type: 'country-chosen', iso2: 'FR'}, {type: 'back-pressed'});
    expect(s.screen).toEqual({kind: 'country', highlighted: 'FR'});
  });

  it('walks back to the review with every answer intact', () => {
    const s = run(at('review'), {type: 'back-pressed'}, {type: 'site-entered', site});
    expect(s.screen.kind).toBe('review');
    expect(s.answers).toEqual(at('review').answers);
  });
});

describe('reducer: submitting', () => {
  it('sends once: a second submit while submitting changes nothing', () => {
    const s = at('submitting');
    expect(s.screen).toEqual({kind: 'submitting', attempt: 1, mode: 'send', checking: false});
    expect(reducer(s, {type: 'submit-pressed'})).toBe(s);
    expect(reducer(s, {type: 'back-pressed'})).toBe(s);
    expect(reducer(s, {type: 'edit-requested', step: 'site'})).toBe(s);
  });

  it('ignores the answer of an older attempt', () => {
    const failed = run(at('submitting'), {type: 'order-failed', attempt: 1, error: networkError()});
    const again = run(failed, {type: 'submit-pressed'});
    expect(again.screen).toMatchObject({kind: 'submitting', attempt: 2});
    expect(run(again, {type: 'order-placed', attempt: 1, placed: {voiceSiteId: 'x', recovered: false, order: {voiceSiteId: 'x'}}})).toBe(again);
  });

  it('records that the voicesites were searched before the failure', () => {
    const s = run(at('submitting'), {type: 'order-checking', attempt: 1}, {type: 'order-failed', attempt: 1, error: networkError()});
    expect(s.screen).toMatchObject({kind: 'order-failed', checked: true});
  });

  it('after an unknown outcome, offers checking again, and sending again only as "Send again" (a check first)', () => {
    const s = run(at('submitting'), {type: 'order-failed', attempt: 1, error: networkError(true)});
    expect(run(s, {type: 'submit-pressed'})).toBe(s);
    expect(run(s, {type: 'back-pressed'})).toBe(s);
    expect(run(s, {type: 'recheck-pressed'}).screen).toMatchObject({kind: 'submitting', mode: 'find', attempt: 2});
    const again = run(s, {type: 'send-again-chosen'});
    expect(again.screen).toEqual({kind: 'submitting', mode: 'resend', attempt: 2, checking: true});
    // What runs is the fresh check and its one POST, not a plain POST.
    expect(effectsFor(again).filter((e) => e.type === 'place-order' || e.type === 'send-again')).toEqual([
      {type: 'send-again', attempt: 2, customerCode: '9999', body: orderBody(again.answers)!.body},
    ]);
    // While it runs, nothing sends again; the check found nothing, so the POST went out.
    expect(run(again, {type: 'send-again-chosen'})).toBe(again);
    expect(run(again, {type: 'submit-pressed'})).toBe(again);
    const resent = run(again, {type: 'order-resending', attempt: 2});
    expect(resent.screen).toEqual({kind: 'submitting', mode: 'resend', attempt: 2, checking: false, resent: true});
    expect(run(resent, {type: 'order-resending', attempt: 1})).toBe(resent);
  });

  it('"Send again" is refused where the outcome is known (the order can be sent as it is, or fixed)', () => {
    const refused = run(at('submitting'), {type: 'order-failed', attempt: 1, error: networkError(false)});
    expect(run(refused, {type: 'send-again-chosen'})).toBe(refused);
    expect(run(at('review'), {type: 'send-again-chosen'})).toEqual(at('review'));
    expect(run(at('submitting'), {type: 'order-resending', attempt: 1})).toEqual(at('submitting'));
  });

  it('shows the placed order and checks the listing', () => {
    const s = run(at('submitting'), {type: 'order-placed', attempt: 1, placed: {voiceSiteId: 'vs1', recovered: false, order: {voiceSiteId: 'vs1'}}});
    expect(s.screen).toMatchObject({kind: 'done'});
    // The list is fetched again, once: it answers the listing check and the next site's names.
    expect(effectsFor(s).filter((e) => e.type === 'load' && e.request.kind === 'voicesites')).toHaveLength(1);
    expect(placedListed(s.data, 'vs1')).toEqual({status: 'loading'});
    const listed = run(s, {type: 'voicesites-loaded', voicesites: [{voiceSiteId: 'vs1', technicalSiteName: 'MY_SITE'}]});
    expect(placedListed(listed.data, 'vs1')).toEqual({status: 'ready', value: true});
  });
});

describe('reducer: leaving', () => {
  it.each([
    ['before the order', at('site'), 130, 'Interrupted: nothing was ordered.'],
    ['while only looking for an earlier order (nothing sent)', {...at('submitting'), screen: {kind: 'submitting', attempt: 1, mode: 'find', checking: true}} as WizardState, 130, 'the order WAS sent'],
  ] as const)('Ctrl+C %s', (_name, state, code, text) => {
    const s = reducer(state, {type: 'interrupted'});
    expect(s.screen).toMatchObject({kind: 'exit', code, stream: 'stderr'});
    expect(s.screen.kind === 'exit' && s.screen.reason).toContain(text);
  });

  it.each([
    ['Ctrl+C', 'SIGINT', 130],
    ['SIGTERM', 'SIGTERM', 143],
    ['SIGHUP', 'SIGHUP', 129],
  ] as const)('%s while the order POST is on its way: waits for its answer, then says it and exits with its code', (name, signal, code) => {
    const waiting = run(at('submitting'), {type: 'interrupted', signal});
    expect(waiting.screen).toMatchObject({kind: 'submitting', attempt: 1, mode: 'send', interrupted: signal});
    // The POST is still awaited: the same order effect, not stopped, not sent again.
    expect(effectsFor(waiting).filter((e) => e.type === 'place-order')).toEqual(effectsFor(at('submitting')).filter((e) => e.type === 'place-order'));
    // A second interrupt changes nothing.
    expect(run(waiting, {type: 'interrupted', signal: 'SIGINT'})).toBe(waiting);
    const placed = run(waiting, {type: 'order-placed', attempt: 1, placed: {voiceSiteId: 'vs1', recovered: false, order: {voiceSiteId: 'vs1'}}});
    expect(placed.screen).toEqual({
      kind: 'exit',
      code,
      stream: 'stderr',
      summary: ['voiceSiteId: vs1  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)'],
      reason: `Interrupted (${name}) while the order for VOICESITE_IN_FRANCE was on its way; waited for its answer: the order was delivered, voiceSiteId vs1.`,
    });
    const refused = run(waiting, {type: 'order-failed', attempt: 1, error: new BtalkError('invalid-input', 'The API refused the order.')});
    expect(refused.screen).toMatchObject({kind: 'exit', code, stream: 'stderr'});
    expect(refused.screen.kind === 'exit' && refused.screen.reason).toBe(`Interrupted (${name}) while the order for VOICESITE_IN_FRANCE was on its way; waited for its answer:\nThe API refused the order.\nThe order for VOICESITE_IN_FRANCE was not created.`);
  });

  it('an interrupt while sending again after the fresh check found nothing waits too; during that check it leaves at once', () => {
    const checking = {...at('submitting'), screen: {kind: 'submitting', attempt: 1, mode: 'resend', checking: true}} as WizardState;
    expect(run(checking, {type: 'interrupted'}).screen.kind).toBe('exit');
    const resent = run(checking, {type: 'order-resending', attempt: 1});
    expect(run(resent, {type: 'interrupted'}).screen).toMatchObject({kind: 'submitting', resent: true, interrupted: 'SIGINT'});
  });

  it('leaves the voiceSiteId and a summary on stdout after an order', () => {
    const done = run(at('submitting'), {type: 'order-placed', attempt: 1, placed: {voiceSiteId: 'vs1', recovered: false, order: {voiceSiteId: 'vs1'}}});
    expect(run(done, {type: 'quit-pressed'}).screen).toEqual({kind: 'exit', code: 0, stream: 'stdout', reason: 'voiceSiteId: vs1  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)'});
  });

  it('cancels from the review with 130 and nothing ordered', () => {
    expect(run(at('review'), {type: 'quit-pressed'}).screen).toMatchObject({kind: 'exit', code: 130, reason: 'Cancelled: nothing was ordered.'});
  });

  it('ignores everything once exited', () => {
    const s = run(at('review'), {type: 'quit-pressed'});
    expect(reducer(s, {type: 'submit-pressed'})).toBe(s);
  });
});

describe('reducer: data', () => {
  it('caches VPNs per customer and countries per code', () => {
    const s = run(at('vpn', [customer, acme]), {type: 'vpns-loaded', customerCode: '41001', vpns: [vpn2]}, {type: 'country-loaded', iso2: 'AQ', country: antarctica});
    expect(s.data.vpns['41001']).toEqual({status: 'ready', value: [vpn2]});
    expect(s.data.countries['AQ']).toEqual({status: 'ready', value: antarctica});
  });

  it('asks again, on choosing it, for a country whose background prefetch failed', () => {
    const s = run(at('country'), {type: 'country-highlighted', iso2: 'FR'}, {type: 'load-failed', request: {kind: 'country', iso2: 'FR'}, error: networkError()});
    expect(s.data.countries['FR']?.status).toBe('failed');
    const chosen = run(s, {type: 'country-chosen', iso2: 'FR'});
    expect(chosen.data.countries['FR']).toBeUndefined();
    expect(effectsFor(chosen)).toContainEqual({type: 'load', request: {kind: 'country', iso2: 'FR'}});
  });

  it('asks again for the VPNs of a customer whose prefetch failed, once it is chosen', () => {
    const s = run(at('customer', [customer, acme]), {type: 'load-failed', request: {kind: 'vpns', customerCode: '41001'}, error: networkError()});
    const chosen = run(s, {type: 'customer-chosen', customer: acme});
    expect(chosen.data.vpns['41001']).toBeUndefined();
    expect(effectsFor(chosen)).toContainEqual({type: 'load', request: {kind: 'vpns', customerCode: '41001'}});
  });

  it('retries the failed fetch of the screen on show', () => {
    const s = run(at('customer', [customer, acme]), {type: 'load-failed', request: {kind: 'customers'}, error: networkError()});
    expect(run(s, {type: 'retry-pressed'}).data.customers).toBeUndefined();
  });

  it('keeps going when saving typed credentials fails, with a notice', () => {
    const s = run(initialState(undefined), {type: 'credentials-entered', credentials: creds}, {type: 'credentials-save-failed', error: new BtalkError('keychain', 'The keychain is locked.')});
    expect(s.unsavedCredentials).toBeUndefined();
    expect(s.notice).toContain('The keychain is locked.');
  });
});
