/**
 * Ink's useInput, with the screen's newest handler always the one called. Ink renews its input
 * subscription in an effect that runs a moment after each render; a key that comes in that moment
 * (keys typed fast, or several read at once) would meet the previous render's handler and act on
 * stale state: the second of two quick Enters on the site step moved the focus to the field it
 * was already on. Here the subscription stays put and reads the handler of the latest render.
 */
import {useInput, type Key} from 'ink';
import {useCallback, useRef} from 'react';

export type KeyHandler = (input: string, key: Key) => void;

export function useKeys(handler: KeyHandler, options: {isActive?: boolean} = {}): void {
  const latest = useRef(handler);
  // Assigned while rendering, on purpose: the render that follows a key is synchronous, and the
  // next key must see its result before any effect has run.
  latest.current = handler;
  const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
  useInput(stable, options);
}
