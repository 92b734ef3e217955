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
import {claimKeys, recheckKeys} from './key-paced-stdin.js';

export type KeyHandler = (input: string, key: Key) => void;

export interface KeysOptions {
  isActive?: boolean;
  /**
   * The only keys this handler takes, as the terminal sends them (the wizard's Ctrl+C handler:
   * Ctrl+C; a wait that can be left with Esc: Esc). Others wait for a handler that takes them.
   * Every key when absent. A function is asked as each key is about to go: a handler that
   * narrows what it takes on one key (from a ref it sets there) has it so for the next.
   */
  keys?: readonly string[] | (() => readonly string[] | undefined) | undefined;
  /**
   * False on a screen that says a wait went wrong: the keys typed ahead for what that wait led to
   * are dropped. A function is asked as the first key that waited is about to go.
   */
  typedAhead?: boolean | (() => boolean) | undefined;
  /**
   * Keys taken even from behind keys that wait, which they drop (key-paced-stdin.ts `ahead`): the
   * Esc that lets go of a list's held Enter. Asked as each key is about to go.
   */
  ahead?: () => readonly string[] | undefined;
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
  // Read by the key stream as each key is about to go: this render's options.
  const claim = useRef(options);
  claim.current = options;
  // After useInput's own effect: by the time the stream hands a key over, Ink delivers it here.
  useEffect(() => {
    if (!active) return;
    return claimKeys(stdin, {
      keys: () => {
        const {keys} = claim.current;
        return typeof keys === 'function' ? keys() : keys;
      },
      typedAhead: () => {
        const {typedAhead = true} = claim.current;
        return typeof typedAhead === 'function' ? typedAhead() : typedAhead;
      },
      ahead: () => claim.current.ahead?.(),
    });
  }, [stdin, active]);
  // A render may have widened what this handler takes (a wait that ended): keys waiting go on.
  useEffect(() => recheckKeys(stdin));
}
