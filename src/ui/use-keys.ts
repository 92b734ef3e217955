/**
 * Ink's useInput, with the screen's newest handler always the one called. Ink renews its input
 * subscription in an effect that runs a moment after each render; a key that comes in that moment
 * (keys typed fast, or several read at once) would meet the previous render's handler and act on
 * stale state: the second of two quick Enters on the site step moved the focus to the field it
 * was already on. Here the subscription stays put and reads the handler of the latest render.
 *
 * While active it also tells the key stream under Ink that it takes keys (key-paced-stdin.ts
 * `claimKeys`): a key no active handler takes waits there, typed ahead, for the first that does.
 */
import {useInput, useStdin, type Key} from 'ink';
import {useCallback, useEffect, useRef} from 'react';
import {claimKeys} from './key-paced-stdin.js';

export type KeyHandler = (input: string, key: Key) => void;

export interface KeysOptions {
  isActive?: boolean;
  /**
   * The only keys this handler takes, as the terminal sends them (the wizard's Ctrl+C handler:
   * Ctrl+C; a wait that can be left with Esc: Esc). Others wait for a handler that takes them.
   * Every key when absent.
   */
  keys?: readonly string[] | undefined;
  /** False on a screen that says a wait went wrong: the keys typed ahead for what that wait led to are dropped. */
  typedAhead?: boolean | undefined;
}

export function useKeys(handler: KeyHandler, options: KeysOptions = {}): void {
  const latest = useRef(handler);
  // Assigned while rendering, on purpose: the render that follows a key is synchronous, and the
  // next key must see its result before any effect has run.
  latest.current = handler;
  const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
  const active = options.isActive ?? true;
  useInput(stable, {isActive: active});
  const {stdin} = useStdin();
  // After useInput's own effect: by the time the stream hands a key over, Ink delivers it here.
  const keys = options.keys === undefined ? undefined : options.keys.join('\u0000');
  const typedAhead = options.typedAhead ?? true;
  useEffect(() => {
    if (!active) return;
    return claimKeys(stdin, {keys: keys === undefined ? undefined : keys.split('\u0000'), typedAhead});
  }, [stdin, active, keys, typedAhead]);
}
