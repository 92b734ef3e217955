import {describe, expect, it} from 'vitest';
import {loginEffect, loginFinished, loginReducer, loginState, type LoginAction} from '../../src/commands/login-flow-state.js';
import {BtalkError} from '../../src/errors.js';

const credentials = {clientId: 'id', clientSecret: 'secret', apiKey: 'k'.repeat(40)};
const proof = {rightsProfile: 'admin', canOrder: true};
const run = (...actions: LoginAction[]) => actions.reduce(loginReducer, loginState('linux'));

describe('login flow state: prove, then save', () => {
  it('proves typed credentials, then saves them, then is done', () => {
    expect(loginEffect(run())).toBeUndefined();
    expect(loginEffect(run({type: 'credentials-entered', credentials}))).toEqual({type: 'prove', credentials});
    const proven = run({type: 'credentials-entered', credentials}, {type: 'proven', proof});
    expect(loginEffect(proven)).toEqual({type: 'save', credentials});
    expect(loginFinished(proven)).toBeUndefined();
    expect(loginFinished(loginReducer(proven, {type: 'saved'}))).toEqual({ok: true, proof});
  });

  it('goes back to the form with the reason when the proof fails: nothing is saved', () => {
    const error = new BtalkError('auth', 'The API key was refused.');
    const state = run({type: 'credentials-entered', credentials}, {type: 'proof-failed', error});
    expect(state.phase).toEqual({name: 'form', error});
    expect(loginEffect(state)).toBeUndefined();
    // A late "saved" (there is none to save) changes nothing.
    expect(loginReducer(state, {type: 'saved'})).toBe(state);
  });

  it('a keychain that will not take them: says they work, and how to use them anyway', () => {
    const state = run({type: 'credentials-entered', credentials}, {type: 'proven', proof}, {type: 'save-failed', error: new BtalkError('keychain', 'No Secret Service.')});
    const finished = loginFinished(state);
    expect(finished?.ok).toBe(false);
    expect(finished && !finished.ok && finished.error.message).toContain('The credentials work (rights profile "admin", can order), but were not saved');
  });

  it('Esc on the form ends it; Esc while checking is not a fact of the form', () => {
    const cancelled = new BtalkError('cancelled', 'Login cancelled; nothing was saved.');
    expect(loginFinished(run({type: 'cancelled', error: cancelled}))).toEqual({ok: false, error: cancelled});
    const checking = run({type: 'credentials-entered', credentials});
    expect(loginReducer(checking, {type: 'cancelled', error: cancelled})).toBe(checking);
  });
});
