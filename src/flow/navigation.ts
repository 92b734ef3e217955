/**
 * Moving between steps. Answers are never dropped here: going back or editing shows the earlier
 * step with its answer preselected, so Enter walks forward again unchanged.
 */
import type {EditableStep, WizardState} from './state.js';

/** The customer step, skipped (answered automatically) when the account has exactly one customer. */
export function goToCustomer(state: WizardState): WizardState {
  const customers = state.data.customers;
  if (customers?.status === 'ready' && customers.value.length === 1) {
    const only = customers.value[0]!;
    const same = state.answers.customer?.customerCode === only.customerCode;
    const {vpn: _vpn, ...rest} = state.answers;
    return {...state, answers: {...(same ? state.answers : rest), customer: only, customerAutomatic: true}, screen: {kind: 'vpn'}};
  }
  return {...state, screen: {kind: 'customer'}};
}

export function goToStep(state: WizardState, step: EditableStep): WizardState {
  switch (step) {
    case 'customer':
      return {...state, screen: {kind: 'customer'}};
    case 'vpn':
      return {...state, screen: {kind: 'vpn'}};
    case 'country': {
      const iso2 = state.answers.country?.iso2;
      return {...state, screen: iso2 ? {kind: 'country', highlighted: iso2} : {kind: 'country'}};
    }
    case 'site':
      return {...state, screen: {kind: 'site'}};
    default: {
      const never: never = step;
      return never;
    }
  }
}

function onlyOneCustomer(state: WizardState): boolean {
  const customers = state.data.customers;
  return customers?.status === 'ready' && customers.value.length === 1;
}

/** Whether Esc leads anywhere from here (screens show "Esc back" only then). */
export function canGoBack(state: WizardState): boolean {
  return goBack(state) !== state;
}

/** Esc: one step back, before the order is sent. */
export function goBack(state: WizardState): WizardState {
  const {screen} = state;
  switch (screen.kind) {
    case 'vpn':
      return onlyOneCustomer(state) ? state : goToStep(state, 'customer');
    case 'country':
      if (screen.chosen) return {...state, screen: {kind: 'country', highlighted: screen.chosen}};
      return goToStep(state, 'vpn');
    case 'site':
      return goToStep(state, 'country');
    case 'review':
      return goToStep(state, 'site');
    case 'order-failed':
      // Only before anything may have been created: after an unknown outcome, editing is risky.
      return screen.error.outcomeUnknown ? state : {...state, screen: {kind: 'review', showJson: false}};
    case 'credentials':
    case 'access':
    case 'customer':
    case 'submitting':
    case 'done':
    case 'exit':
      return state;
    default: {
      const never: never = screen;
      return never;
    }
  }
}
