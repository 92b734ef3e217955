/**
 * A tiny store around a pure reducer: dispatch applies the fact at once and tells subscribers, so
 * whoever reads getState() next (the runner, a key handler) sees every fact already applied, with
 * no render in between; React reads it with useSyncExternalStore. The wizard's flow and every
 * widget's state (src/ui/use-store.ts) live in one of these: see src/ui/key-paced-stdin.ts for
 * why a key handler must not read state from its render.
 */
import type {Action} from './actions.js';
import {reducer} from './reducer.js';
import type {WizardState} from './state.js';

export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S, A>(reduce: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reduce(state, action);
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

export type WizardStore = Store<WizardState, Action>;

export function createWizardStore(initial: WizardState): WizardStore {
  return createStore(reducer, initial);
}
