/**
 * A list you narrow by typing: used for customers, VPNs and countries. Shows "n of total", keeps
 * the highlighted row in view, and scrolls within `rows` lines so long lists fit the terminal.
 */
import {Box, type Key} from 'ink';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import {count, countOf, grouped} from '../../text/plural.js';
import {useTheme} from '../theme.js';
import {useKeys} from '../use-keys.js';
import {ESCAPE} from '../key-paced-stdin.js';
import {useStore} from '../use-store.js';
import {cursorIn, filterListKey, filterListReducer, filterListState} from './filter-list-state.js';
import {TextInput} from './text-input.js';
import {Text} from './text.js';

export interface FilterListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  label: (item: T) => string;
  /** Items matching the typed text, in display order. */
  filter: (items: readonly T[], text: string) => readonly T[];
  /** The noun for the count line, singular and plural: ['VPN', 'VPNs'] ("1 of 1 VPN", "3 of 45 VPNs"). */
  noun: readonly [one: string, many: string];
  /** Rows of items shown at once. */
  rows: number;
  initialKey?: string | undefined;
  /** Extra text after an item, e.g. its coverage when already known. */
  note?: (item: T) => string | undefined;
  onChoose: (item: T) => void;
  onHighlight?: (item: T) => void;
  onBack?: (() => void) | undefined;
  /**
   * The items are not the whole list: `loading`, more are on their way; `failed`, the read
   * stopped. The count says "so far", and no match is never told as if the list were complete.
   */
  partial?: 'loading' | 'failed' | undefined;
  /** A key the list itself does not use (a Ctrl key): true when it was taken. */
  onOtherKey?: ((input: string, key: Key) => boolean) | undefined;
  isActive?: boolean;
  /**
   * False on a list shown with a reason the person has not read yet (an answer given up front
   * that fits nothing, a VPN of the customer just changed): the keys typed while it loaded were
   * for the steps after it, and are dropped (use-keys.ts).
   */
  typedAhead?: boolean | undefined;
}

/** The line for a filter that shows nothing: never "no match" while part of the list is missing. */
function noMatch(noun: readonly [string, string], text: string, partial: FilterListProps<unknown>['partial'], read: number): string {
  if (partial === 'loading') return `  None of the ${count(read, ...noun, grouped)} in so far match "${text}"; the rest are still loading…`;
  if (partial === 'failed') return `  None of the ${count(read, ...noun, grouped)} read match "${text}"; the list is incomplete.`;
  return `  No ${noun[1]} match "${text}". Backspace to widen the filter.`;
}

export function FilterList<T>(props: FilterListProps<T>): React.JSX.Element {
  const theme = useTheme();
  const {items, itemKey, label, filter, noun, onChoose, onHighlight, onBack, note, partial, onOtherKey, isActive = true} = props;
  const rows = Math.max(3, props.rows);
  const [state, dispatch, get] = useStore(filterListReducer, () => filterListState(items.findIndex((i) => itemKey(i) === props.initialKey)));
  const text = state.filter.value;
  const shown = useMemo(() => filter(items, text), [items, filter, text]);
  const cursor = cursorIn(state, shown.length);
  const highlighted = shown[cursor];
  const highlightedKey = highlighted === undefined ? undefined : itemKey(highlighted);
  // Enter with no row to choose yet while the rest of the list loads (a filter typed ahead for a
  // row past the first page): held until a row matches, then that row is chosen, so the same
  // keys choose the same row whether the list was whole or not when they came. Meanwhile the
  // list takes Esc alone, and keys typed after the Enter wait for the screen it leads to
  // (key-paced-stdin.ts). An Esc lets go of the Enter, ahead of those keys, which it drops.
  // Nothing held once the list stops loading, and then those keys are dropped (`refusing`), as
  // on a list that says it is incomplete: they were for the screen after a choice that did not
  // happen.
  const [heldEnter, setHeldEnter] = useState(false);
  const holding = useRef(false);
  const refusing = useRef(false);
  const hold = (on: boolean) => {
    holding.current = on;
    setHeldEnter(on);
  };
  useEffect(() => {
    if (!heldEnter) return;
    if (highlighted !== undefined) {
      hold(false);
      onChoose(highlighted);
    } else if (partial !== 'loading') {
      hold(false);
      refusing.current = true;
    }
    // The callbacks' identities do not matter: only the rows in and whether more are coming.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [heldEnter, highlightedKey, partial]);

  useEffect(() => {
    if (highlighted !== undefined) onHighlight?.(highlighted);
    // Only a change of highlighted item matters, not a new callback identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlightedKey]);

  // The state each earlier key left, rendered or not (see key-paced-stdin.ts).
  useKeys(
    (input, key) => {
      refusing.current = false;
      if (holding.current) {
        if (key.escape) hold(false);
        return;
      }
      if (onOtherKey?.(input, key)) return;
      const now = get();
      const list = now.filter.value === text ? shown : filter(items, now.filter.value);
      const meant = filterListKey(input, key, list.length, rows);
      if (meant === undefined) return;
      if ('back' in meant) return onBack?.();
      if ('choose' in meant) {
        const item = list[cursorIn(now, list.length)];
        if (item !== undefined) onChoose(item);
        else if (partial === 'loading') hold(true);
        return;
      }
      dispatch(meant.action);
    },
    {
      isActive,
      keys: () => (holding.current ? [ESCAPE] : undefined),
      // The Esc the screen offers goes ahead of the keys typed after the Enter, which it drops.
      ahead: () => (holding.current ? [ESCAPE] : undefined),
      typedAhead: () => partial !== 'failed' && !refusing.current && props.typedAhead !== false,
    },
  );

  // Keep the cursor in a window of `rows` items.
  const start = Math.min(Math.max(0, cursor - Math.floor(rows / 2)), Math.max(0, shown.length - rows));
  const windowItems = shown.slice(start, start + rows);
  const above = start;
  const below = Math.max(0, shown.length - start - rows);

  return (
    <Box flexDirection="column">
      <Box justifyContent="space-between">
        <Text>
          {'Filter: '}
          <TextInput state={state.filter} focused={isActive} />
        </Text>
        <Text dimColor>{partial ? `${countOf(shown.length, items.length, ...noun, {the: true})} ${partial === 'loading' ? 'so far' : 'read'}` : countOf(shown.length, items.length, ...noun)}</Text>
      </Box>
      <Text dimColor>{above > 0 ? `  ↑ ${grouped(above)} more` : ' '}</Text>
      {windowItems.length === 0 ? <Text color={theme.warning}>{heldEnter ? `  Enter: the first ${noun[0]} that matches "${text}" is chosen once it is in (Esc: not yet)…` : noMatch(noun, text, partial, items.length)}</Text> : null}
      {windowItems.map((item) => {
        const on = item === highlighted;
        const extra = note?.(item);
        return (
          <Text key={itemKey(item)} color={on ? theme.accent : undefined} bold={on} wrap="truncate-end">
            {`${on ? '›' : ' '} ${label(item)}`}
            {extra ? <Text dimColor>{`  ${extra}`}</Text> : null}
          </Text>
        );
      })}
      <Text dimColor>{below > 0 ? `  ↓ ${grouped(below)} more` : ' '}</Text>
    </Box>
  );
}
