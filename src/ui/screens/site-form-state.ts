/**
 * The site step's form as data: three text fields, which one has the keyboard, and whether the
 * technical name was edited by hand (until then it follows the label). Until the person edits,
 * the form shows the defaults, which may still change (the voicesites list arrives): `typed` is
 * undefined, and the first edit starts from the defaults shown at that moment.
 */
import {deriveTechnicalSiteName} from '../../domain/site-rules.js';
import type {SiteDetails} from '../../flow/state.js';
import {textInputReducer, textInputState, type TextInputAction, type TextInputState} from '../components/text-input-state.js';

export type SiteField = keyof SiteDetails;

export const SITE_FIELDS: ReadonlyArray<{field: SiteField; label: string}> = [
  {field: 'customerSiteLabel', label: 'Site label'},
  {field: 'technicalSiteName', label: 'Technical name'},
  {field: 'customerOrderReference', label: 'Order reference'},
];

export type SiteFields = Record<SiteField, TextInputState>;

export interface SiteFormState {
  typed: SiteFields | undefined;
  focus: number;
  nameEdited: boolean;
}

export type SiteFormAction = {type: 'edit'; edit: TextInputAction; defaults: SiteDetails} | {type: 'focus'; to: number};

function fieldsOf(values: SiteDetails): SiteFields {
  return {
    customerSiteLabel: textInputState(values.customerSiteLabel),
    technicalSiteName: textInputState(values.technicalSiteName),
    customerOrderReference: textInputState(values.customerOrderReference),
  };
}

export function siteFormState(initial: SiteDetails | undefined, focus = 0): SiteFormState {
  return {typed: initial ? fieldsOf(initial) : undefined, focus, nameEdited: initial !== undefined};
}

/** The fields as shown: what was typed, else the defaults. */
export function siteFields(state: SiteFormState, defaults: SiteDetails): SiteFields {
  return state.typed ?? fieldsOf(defaults);
}

export function siteValues(fields: SiteFields): SiteDetails {
  return {
    customerSiteLabel: fields.customerSiteLabel.value,
    technicalSiteName: fields.technicalSiteName.value,
    customerOrderReference: fields.customerOrderReference.value,
  };
}

export function siteFormReducer(state: SiteFormState, action: SiteFormAction): SiteFormState {
  switch (action.type) {
    case 'focus': {
      const focus = Math.max(0, Math.min(SITE_FIELDS.length - 1, action.to));
      return focus === state.focus ? state : {...state, focus};
    }
    case 'edit': {
      const fields = siteFields(state, action.defaults);
      const field = SITE_FIELDS[state.focus]!.field;
      // Technical names are capitals only: typing lower case just works.
      const edit = field === 'technicalSiteName' && action.edit.type === 'insert' ? {...action.edit, text: action.edit.text.toUpperCase()} : action.edit;
      const changed = textInputReducer(fields[field], edit);
      if (changed === fields[field] && state.typed) return state;
      const next: SiteFields = {...fields, [field]: changed};
      const valueChanged = changed.value !== fields[field].value;
      if (field === 'customerSiteLabel' && !state.nameEdited && valueChanged) next.technicalSiteName = textInputState(deriveTechnicalSiteName(changed.value));
      return {...state, typed: next, nameEdited: state.nameEdited || (field === 'technicalSiteName' && valueChanged)};
    }
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Enter: on to the next field when this one is right; on the last, submit or go to the first wrong one. */
export function siteEnter(state: SiteFormState, problems: Readonly<Record<SiteField, string | undefined>>): {focus: number} | {submit: true} | undefined {
  const field = SITE_FIELDS[state.focus]!.field;
  if (state.focus < SITE_FIELDS.length - 1) return problems[field] === undefined ? {focus: state.focus + 1} : undefined;
  const firstBad = SITE_FIELDS.findIndex((f) => problems[f.field] !== undefined);
  return firstBad === -1 ? {submit: true} : {focus: firstBad};
}
