/**
 * A tiny store around the reducer: dispatch applies the fact at once and tells subscribers, so
 * the runner sees every state (no render in between) and React reads it with useSyncExternalStore.
 */
import type {Action} from './actions.js';
import {reducer} from './reducer.js';
import type {WizardState} from './state.js';

export interface WizardStore {
  getState(): WizardState;
  dispatch(action: Action): void;
  subscribe(listener: () => void): () => void;
}

export function createWizardStore(initial: WizardState): WizardStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
