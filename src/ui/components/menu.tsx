/**
 * A vertical list of actions: ↑/↓ and Enter, or the item's hotkey. Also answers Esc (onBack) so
 * a screen made of a menu needs no second input handler.
 */
import {Box, Text} from 'ink';
import React from 'react';
import {useTheme} from '../theme.js';
import {useCurrentState} from '../use-current-state.js';
import {useKeys} from '../use-keys.js';

export interface MenuItem<V extends string> {
  value: V;
  label: string;
  /** A single lower-case letter that picks the item directly. */
  hotkey?: string;
}

export interface MenuProps<V extends string> {
  items: ReadonlyArray<MenuItem<V>>;
  onSelect: (value: V) => void;
  onBack?: (() => void) | undefined;
  /** Told where the cursor is, so a screen that swaps its items can keep the cursor in place. */
  onHighlight?: (value: V) => void;
  isActive?: boolean;
  initial?: V;
}

export function Menu<V extends string>(props: MenuProps<V>): React.JSX.Element {
  const theme = useTheme();
  const {items, onSelect, onBack, isActive = true} = props;
  // Read by the key handler as it is now, not as it was at its render (see use-current-state.ts).
  const [index, getIndex, setIndex] = useCurrentState(Math.max(0, items.findIndex((i) => i.value === props.initial)));
  const current = Math.min(index, items.length - 1);
  const moveTo = (next: number) => {
    setIndex(next);
    const item = items[next];
    if (item) props.onHighlight?.(item.value);
  };

  useKeys(
    (input, key) => {
      const current = Math.min(getIndex(), items.length - 1);
      if (key.upArrow) return moveTo((current - 1 + items.length) % items.length);
      if (key.downArrow || key.tab) return moveTo((current + 1) % items.length);
      if (key.return) {
        const item = items[current];
        if (item) onSelect(item.value);
        return;
      }
      if (key.escape) return onBack?.();
      if (key.ctrl || key.meta) return;
      const hot = items.find((i) => i.hotkey !== undefined && i.hotkey === input.toLowerCase());
      if (hot) onSelect(hot.value);
    },
    {isActive},
  );

  return (
    <Box flexDirection="column">
      {items.map((item, i) => {
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
