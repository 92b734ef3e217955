import {describe, expect, it} from 'vitest';
import {siteEnter, siteFields, siteFormReducer, siteFormState, siteValues, type SiteFormAction, type SiteFormState} from '../../../src/ui/screens/site-form-state.js';

const defaults = {customerSiteLabel: 'Voicesite in France', technicalSiteName: 'VOICESITE_IN_FRANCE', customerOrderReference: 'btalk-20261129-1432'};
const run = (state: SiteFormState, ...actions: SiteFormAction[]) => actions.reduce(siteFormReducer, state);
const typeText = (text: string): SiteFormAction[] => Array.from(text, (ch) => ({type: 'edit', edit: {type: 'insert', text: ch}, defaults}) as const);
const edit = (type: 'left' | 'delete-to-start'): SiteFormAction => ({type: 'edit', edit: {type}, defaults});

describe('site form state', () => {
  it('shows the defaults until the first edit, which starts from them', () => {
    const start = siteFormState(undefined);
    expect(siteValues(siteFields(start, defaults))).toEqual(defaults);
    const s = run(start, ...typeText(' 2'));
    expect(siteValues(siteFields(s, {...defaults, customerSiteLabel: 'changed'}))).toMatchObject({customerSiteLabel: 'Voicesite in France 2', technicalSiteName: 'VOICESITE_IN_FRANCE_2'});
  });

  it('"Paris ofice", Left x3, "f": label "Paris office", technical name PARIS_OFFICE', () => {
    const s = run(siteFormState(undefined), edit('delete-to-start'), ...typeText('Paris ofice'), edit('left'), edit('left'), edit('left'), ...typeText('f'));
    expect(siteValues(siteFields(s, defaults))).toMatchObject({customerSiteLabel: 'Paris office', technicalSiteName: 'PARIS_OFFICE'});
  });

  it('stops deriving the technical name once it was edited, and types it in capitals', () => {
    let s = run(siteFormState(undefined), {type: 'focus', to: 1}, edit('delete-to-start'), ...typeText('lyon_1'));
    expect(siteFields(s, defaults).technicalSiteName.value).toBe('LYON_1');
    s = run(s, {type: 'focus', to: 0}, ...typeText('x'));
    expect(siteValues(siteFields(s, defaults))).toMatchObject({customerSiteLabel: 'Voicesite in Francex', technicalSiteName: 'LYON_1'});
  });

  it('Enter goes on only from a right field, and submits from the last when all are right', () => {
    const ok = {customerSiteLabel: undefined, technicalSiteName: undefined, customerOrderReference: undefined};
    expect(siteEnter(siteFormState(undefined), ok)).toEqual({focus: 1});
    expect(siteEnter(siteFormState(undefined, 1), {...ok, technicalSiteName: 'bad'})).toBeUndefined();
    expect(siteEnter(siteFormState(undefined, 2), ok)).toEqual({submit: true});
    expect(siteEnter(siteFormState(undefined, 2), {...ok, technicalSiteName: 'bad'})).toEqual({focus: 1});
  });
});
