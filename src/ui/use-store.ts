/**
 * A widget's state: a pure reducer in a store (src/flow/store.ts), so a key handler reads the
 * state every earlier key left, with `get()`, even when React has not rendered it yet (see
 * key-paced-stdin.ts). The render reads `state`.
 */
import {useState, useSyncExternalStore} from 'react';
import {createStore} from '../flow/store.js';

export function useStore<S, A>(reduce: (state: S, action: A) => S, init: () => S): [state: S, dispatch: (action: A) => void, get: () => S] {
  const [store] = useState(() => createStore(reduce, init()));
  const state = useSyncExternalStore(store.subscribe, store.getState);
  return [state, store.dispatch, store.getState];
}
