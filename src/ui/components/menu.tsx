/**
 * A vertical list of actions (state in menu-state.ts): ↑/↓ and Enter, or the item's hotkey. Also
 * answers Esc (onBack) so a screen made of a menu needs no second input handler. Each item says
 * its hotkey in words ("Submit the order (s)"), and the highlighted one carries "›" as well as
 * the accent colour, so nothing rests on colour alone.
 */
import {Box} from 'ink';
import React from 'react';
import {useTheme} from '../theme.js';
import {useKeys} from '../use-keys.js';
import {useStore} from '../use-store.js';
import {menuKey, menuReducer, menuState, type MenuItem} from './menu-state.js';
import {Text} from './text.js';

export type {MenuItem} from './menu-state.js';

export interface MenuProps<V extends string> {
  items: ReadonlyArray<MenuItem<V>>;
  onSelect: (value: V) => void;
  onBack?: (() => void) | undefined;
  /** Told where the cursor is, so a screen that swaps its items can keep the cursor in place. */
  onHighlight?: (value: V) => void;
  isActive?: boolean;
  initial?: V;
  /** The items side by side, wrapping between them (short terminals); ↑↓ still move. */
  inline?: boolean;
  /** False on a screen that says a wait went wrong: the keys typed during the wait are dropped, not chosen with (use-keys.ts). */
  typedAhead?: boolean;
}

/** The menu's input hook: keys to moves (reducer), choices and back. */
export function useMenu<V extends string>(props: MenuProps<V>): number {
  const {items, isActive = true} = props;
  const [state, dispatch, get] = useStore(menuReducer, () => menuState(items, props.initial));
  useKeys(
    (input, key) => {
      const meant = menuKey(items, get(), input, key);
      if (meant === undefined) return;
      if ('back' in meant) return props.onBack?.();
      if ('choose' in meant) return props.onSelect(meant.choose);
      dispatch(meant.move);
      const item = items[get().index];
      if (item) props.onHighlight?.(item.value);
    },
    {isActive, typedAhead: props.typedAhead},
  );
  return Math.min(state.index, items.length - 1);
}

export function Menu<V extends string>(props: MenuProps<V>): React.JSX.Element {
  const theme = useTheme();
  const current = useMenu(props);
  return (
    <Box flexDirection={props.inline ? 'row' : 'column'} flexWrap={props.inline ? 'wrap' : 'nowrap'} columnGap={props.inline ? 1 : 0}>
      {props.items.map((item, i) => {
        const on = i === current;
        return (
          <Text key={item.value} color={on ? theme.accent : undefined} bold={on}>
            {`${on ? '›' : ' '} ${item.label}${item.hotkey ? ` (${item.hotkey})` : ''}`}
          </Text>
        );
      })}
    </Box>
  );
}
