import {describe, expect, it} from 'vitest';
import {credentialsFormReducer, credentialsFormState, submittable, type CredentialsFormAction} from '../../../src/ui/screens/credentials-form-state.js';

const KEY = 'k'.repeat(40);
const typeText = (text: string): CredentialsFormAction => ({type: 'edit', edit: {type: 'insert', text}});

describe('credentials form state', () => {
  it('starts on the field asked for, else the first empty one', () => {
    expect(credentialsFormState({clientId: 'id'}).focus).toBe(1);
    expect(credentialsFormState({clientId: 'id', clientSecret: 's', apiKey: KEY}, 'apiKey').focus).toBe(2);
    expect(credentialsFormState(undefined).focus).toBe(0);
  });

  it('edits the focused field; a submit with problems names them and goes to the first', () => {
    let s = credentialsFormState({clientId: 'id'});
    s = [typeText('secret'), {type: 'move', by: 1} as const, typeText('short'), {type: 'submit-tried'} as const].reduce(credentialsFormReducer, s);
    expect(s.fields.clientSecret.value).toBe('secret');
    expect(s.problems.apiKey).toBe('must be exactly 40 characters (now 5)');
    expect(s.focus).toBe(2);
    expect(submittable(s)).toBeUndefined();
    s = credentialsFormReducer(s, {type: 'edit', edit: {type: 'delete-to-start'}});
    expect(s.problems.apiKey).toBeUndefined();
    s = credentialsFormReducer(s, typeText(` ${KEY}\n`));
    expect(submittable(s)).toEqual({clientId: 'id', clientSecret: 'secret', apiKey: KEY});
  });
});
