/**
 * Moving between steps. Answers are never dropped here: going back or editing shows the earlier
 * step with its answer preselected, so Enter walks forward again unchanged. A step changed from
 * the review (a detour, see Detour in state.ts) comes straight back to the review once answered;
 * Esc on it cancels the change and restores the answers from before.
 */
import {orderBody, type EditableStep, type WizardState} from './state.js';

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

/** Starts a detour: `step` is shown, and once answered the wizard goes to `to`. */
export function startDetour(state: WizardState, step: EditableStep, to: 'review' | 'site'): WizardState {
  return goToStep({...state, detour: {step, to, before: state.answers}}, step);
}

/**
 * After `step` was answered: the next step, or, on a detour whose destination has every answer it
 * needs, straight to that destination.
 */
export function afterAnswer(state: WizardState, next: EditableStep | 'review'): WizardState {
  const {detour, answers} = state;
  if (detour) {
    const ready = detour.to === 'review' ? orderBody(answers) !== undefined : Boolean(answers.customer && answers.vpn && answers.country);
    if (ready) {
      const {detour: _d, ...rest} = state;
      return detour.to === 'review' ? {...rest, screen: {kind: 'review', showJson: false}} : {...rest, screen: {kind: 'site'}};
    }
  }
  return next === 'review' ? {...state, screen: {kind: 'review', showJson: false}} : goToStep(state, next);
}

function onlyOneCustomer(state: WizardState): boolean {
  const customers = state.data.customers;
  return customers?.status === 'ready' && customers.value.length === 1;
}

/** Whether Esc leads anywhere from here (screens show "Esc back" only then). */
export function canGoBack(state: WizardState): boolean {
  return goBack(state) !== state;
}

/** Whether the screen on show is the one the detour changes (Esc there cancels the detour). */
function onDetourStep(state: WizardState): boolean {
  const {detour, screen} = state;
  if (!detour) return false;
  if (detour.step === 'country') return screen.kind === 'country' && !screen.chosen;
  return screen.kind === detour.step;
}

/** Esc: one step back, before the order is sent; on a detour's step, the detour is cancelled. */
export function goBack(state: WizardState): WizardState {
  const {screen, detour} = state;
  if (detour && onDetourStep(state)) {
    const {detour: _d, ...rest} = state;
    return {...rest, answers: detour.before, screen: detour.to === 'review' ? {kind: 'review', showJson: false} : {kind: 'site'}};
  }
  switch (screen.kind) {
    case 'vpn':
      // With one customer there is no customer step: back to the access check, which offers
      // other credentials.
      return onlyOneCustomer(state) ? {...state, screen: {kind: 'access'}} : goToStep(state, 'customer');
    case 'customer':
      return {...state, screen: {kind: 'access'}};
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
    case 'access': {
      // Once the check has answered: the credentials form, with the client id kept.
      const me = state.data.me;
      if (!me || me.status === 'loading') return state;
      return {...state, screen: state.credentials ? {kind: 'credentials', typed: state.credentials, back: true} : {kind: 'credentials'}};
    }
    case 'credentials':
      // Reached from a check that passed: back to it, nothing changed.
      return screen.back && state.credentials && state.data.me?.status === 'ready' ? {...state, screen: {kind: 'access'}} : state;
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
