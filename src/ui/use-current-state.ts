/**
 * useState whose newest value a key handler can read at once. Keys can come faster than React
 * renders: on a busy machine the third of three quick Enters on the site step met the handler of
 * the render before the second Enter's, read the focus from it, and moved to the field it was
 * already on (the order never reached the review). A handler reads `get()` instead.
 */
import {useCallback, useRef, useState} from 'react';

export function useCurrentState<T>(initial: T): [value: T, get: () => T, set: (next: T | ((previous: T) => T)) => void] {
  const [value, setValue] = useState(initial);
  const latest = useRef(value);
  const get = useCallback(() => latest.current, []);
  const set = useCallback((next: T | ((previous: T) => T)) => {
    latest.current = typeof next === 'function' ? (next as (previous: T) => T)(latest.current) : next;
    setValue(latest.current);
  }, []);
  return [value, get, set];
}
