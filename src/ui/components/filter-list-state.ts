/**
 * A list narrowed by typing, as data: the filter (a text field, text-input-state.ts) and the
 * highlighted row among the items the filter shows. Pure: the list itself is passed in, so the
 * reducer never holds a copy of thousands of items.
 */
import type {Key} from 'ink';
import {textInputAction, textInputReducer, textInputState, type TextInputAction, type TextInputState} from './text-input-state.js';

export interface FilterListState {
  filter: TextInputState;
  /** Index of the highlighted row among the shown (filtered) items. */
  index: number;
}

export type FilterListAction = {type: 'filter'; edit: TextInputAction} | {type: 'move'; by: number; shown: number};

export function filterListState(initialIndex: number): FilterListState {
  return {filter: textInputState(''), index: Math.max(0, initialIndex)};
}

/** The highlighted row, kept inside a list of `shown` rows. */
export function cursorIn(state: FilterListState, shown: number): number {
  return Math.min(state.index, Math.max(0, shown - 1));
}

export function filterListReducer(state: FilterListState, action: FilterListAction): FilterListState {
  switch (action.type) {
    case 'filter': {
      const filter = textInputReducer(state.filter, action.edit);
      if (filter === state.filter) return state;
      // A new filter shows new rows: the best match, on top, is highlighted. Moving the cursor
      // within the filter text changes nothing shown.
      return {filter, index: filter.value === state.filter.value ? state.index : 0};
    }
    case 'move': {
      const from = cursorIn(state, action.shown);
      const index = Math.max(0, Math.min(action.shown - 1, from + action.by));
      return index === state.index ? state : {...state, index};
    }
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** What a key means on the list: a filter edit or a move (reducer), choose, back, or nothing. */
export type FilterListKey = {action: FilterListAction} | {choose: true} | {back: true} | undefined;

export function filterListKey(input: string, key: Key, shown: number, rows: number): FilterListKey {
  if (key.upArrow) return {action: {type: 'move', by: -1, shown}};
  if (key.downArrow) return {action: {type: 'move', by: 1, shown}};
  if (key.pageUp) return {action: {type: 'move', by: -rows, shown}};
  if (key.pageDown) return {action: {type: 'move', by: rows, shown}};
  if (key.return) return {choose: true};
  if (key.escape) return {back: true};
  const edit = textInputAction(input, key);
  return edit ? {action: {type: 'filter', edit}} : undefined;
}
