/**
 * A body taller than its window, as data: the first line shown, changed only by this pure
 * reducer. `scrollKey` maps a key to a move (PgUp/PgDn by a window less one line, ↑/↓ by a line
 * where the screen lets the arrows scroll, Home/End to either end); `scrollCue` says what is out
 * of sight and how to reach it.
 */
import type {Key} from 'ink';

export interface ScrollState {
  /** The first body line in the window. */
  offset: number;
  /** The body's height in lines. */
  total: number;
  /** How many lines the window shows. */
  window: number;
}

export type ScrollAction = {type: 'by'; lines: number} | {type: 'page'; pages: number} | {type: 'to'; end: 'top' | 'bottom'} | {type: 'resized'; total: number; window: number};

const clamp = (s: ScrollState, offset: number): ScrollState => {
  const next = Math.max(0, Math.min(offset, s.total - s.window));
  return next === s.offset ? s : {...s, offset: next};
};

export function scrollReducer(state: ScrollState, action: ScrollAction): ScrollState {
  switch (action.type) {
    case 'by':
      return clamp(state, state.offset + action.lines);
    case 'page':
      return clamp(state, state.offset + action.pages * Math.max(1, state.window - 1));
    case 'to':
      return clamp(state, action.end === 'top' ? 0 : state.total);
    case 'resized':
      return clamp({...state, total: action.total, window: action.window}, state.offset);
    default: {
      const never: never = action;
      return never;
    }
  }
}

export function scrollKey(_input: string, key: Key, options: {arrows: boolean}): ScrollAction | undefined {
  if (key.pageDown) return {type: 'page', pages: 1};
  if (key.pageUp) return {type: 'page', pages: -1};
  if (options.arrows && key.downArrow) return {type: 'by', lines: 1};
  if (options.arrows && key.upArrow) return {type: 'by', lines: -1};
  if (options.arrows && key.home) return {type: 'to', end: 'top'};
  if (options.arrows && key.end) return {type: 'to', end: 'bottom'};
  return undefined;
}

/** "↓ 6 more lines below · ↑ 3 lines above · PgUp PgDn scroll", or '' when the whole body is shown. */
export function scrollCue(state: ScrollState, options: {arrows: boolean}): string {
  const below = Math.max(0, state.total - state.window - state.offset);
  const above = state.offset;
  if (below === 0 && above === 0) return '';
  const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;
  const parts = [
    ...(below > 0 ? [`↓ ${below} more ${below === 1 ? 'line' : 'lines'} below`] : []),
    ...(above > 0 ? [`↑ ${lines(above)} above`] : []),
    options.arrows ? '↑↓ PgUp PgDn scroll' : 'PgUp PgDn scroll',
  ];
  return parts.join(' · ');
}
