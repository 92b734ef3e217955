/**
 * A short menu as data: which item the cursor is on, changed only by this pure reducer.
 * `menuAction` maps a key to what it means: ↑/↓ (and Tab) move round the items, Enter chooses the
 * highlighted one, an item's hotkey chooses it directly, Esc goes back.
 */
import type {Key} from 'ink';

export interface MenuItem<V extends string> {
  value: V;
  label: string;
  /** A single lower-case letter that picks the item directly. */
  hotkey?: string;
}

export interface MenuState {
  /** Index of the highlighted item. */
  index: number;
}

export type MenuAction = {type: 'up' | 'down'; count: number} | {type: 'to'; index: number};

export function menuState<V extends string>(items: ReadonlyArray<MenuItem<V>>, initial?: V): MenuState {
  return {index: Math.max(0, items.findIndex((i) => i.value === initial))};
}

export function menuReducer(state: MenuState, action: MenuAction): MenuState {
  switch (action.type) {
    case 'up':
      return action.count === 0 ? state : {index: (Math.min(state.index, action.count - 1) - 1 + action.count) % action.count};
    case 'down':
      return action.count === 0 ? state : {index: (Math.min(state.index, action.count - 1) + 1) % action.count};
    case 'to':
      return action.index === state.index ? state : {index: action.index};
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** What a key means on a menu: a move, a choice (Enter or hotkey), back, or nothing. */
export type MenuKey<V extends string> = {move: MenuAction} | {choose: V} | {back: true} | undefined;

export function menuKey<V extends string>(items: ReadonlyArray<MenuItem<V>>, state: MenuState, input: string, key: Key): MenuKey<V> {
  const count = items.length;
  if (key.upArrow || (key.tab && key.shift)) return {move: {type: 'up', count}};
  if (key.downArrow || key.tab) return {move: {type: 'down', count}};
  if (key.return) {
    const item = items[Math.min(state.index, count - 1)];
    return item ? {choose: item.value} : undefined;
  }
  if (key.escape) return {back: true};
  if (key.ctrl || key.meta) return undefined;
  const hot = items.find((i) => i.hotkey !== undefined && i.hotkey === input.toLowerCase());
  return hot ? {choose: hot.value} : undefined;
}
