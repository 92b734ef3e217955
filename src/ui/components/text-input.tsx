/**
 * The view of a text field (state in text-input-state.ts): the value with its cursor as an
 * inverse cell. A plain value wraps at word boundaries like any text; a masked one (a secret) is
 * one line whatever its length: dots, and when they would not fit, "…" and the part around the
 * cursor, so the field never spills its length onto a second line.
 */
import React from 'react';
import {useKeys, type KeyHandler} from '../use-keys.js';
import {textInputAction, type TextInputAction, type TextInputState} from './text-input-state.js';
import {Text} from './text.js';

export const MASK = '•';

export interface TextInputProps {
  state: TextInputState;
  /** Shows the cursor (the field has the keyboard). */
  focused: boolean;
  /** Shows one dot per character instead of the characters. */
  masked?: boolean;
  /** Columns the field may use; a masked field never uses more. */
  width?: number;
  /** Shown dimmed while the value is empty. */
  placeholder?: string | undefined;
}

/** The part of a masked value shown in `width` columns: the whole, or "…" and a window holding the cursor. */
export function maskedWindow(length: number, cursor: number, width: number): {before: number; after: number; clippedStart: boolean; clippedEnd: boolean} {
  // One column for the cursor cell when it sits after the last character.
  const room = Math.max(4, width);
  if (length + 1 <= room) return {before: cursor, after: length - cursor, clippedStart: false, clippedEnd: false};
  const visible = room - 2; // the two "…" cells, at most
  const start = Math.max(0, Math.min(cursor - Math.floor(visible / 2), length + 1 - visible));
  const end = Math.min(length, start + visible);
  return {before: cursor - start, after: Math.max(0, end - cursor - (cursor < length ? 1 : 0)), clippedStart: start > 0, clippedEnd: end < length};
}

export function TextInput(props: TextInputProps): React.JSX.Element {
  const {state, focused, masked = false} = props;
  const chars = Array.from(state.value);
  const cursor = Math.min(Math.max(0, state.cursor), chars.length);
  if (chars.length === 0 && props.placeholder && !focused) return <Text dimColor>{props.placeholder}</Text>;
  if (masked) {
    const w = maskedWindow(chars.length, cursor, props.width ?? 80);
    const under = cursor < chars.length ? MASK : ' ';
    return (
      <Text wrap="truncate-end">
        {w.clippedStart ? <Text dimColor>…</Text> : null}
        {MASK.repeat(w.before)}
        {focused ? <Text inverse>{under}</Text> : cursor < chars.length ? MASK : ''}
        {MASK.repeat(w.after)}
        {w.clippedEnd ? <Text dimColor>…</Text> : null}
      </Text>
    );
  }
  const before = chars.slice(0, cursor).join('');
  const at = chars[cursor];
  const after = chars.slice(cursor + 1).join('');
  if (!focused) return <Text>{state.value}</Text>;
  return (
    <Text>
      {before}
      <Text inverse>{at ?? ' '}</Text>
      {after}
    </Text>
  );
}

/**
 * The field's input hook: editing keys change the field; any other key (Enter, Tab, Esc, ↑/↓) goes
 * to `onOtherKey`, the form or list around it. One stable handler (use-keys.ts).
 */
export function useTextInput(dispatch: (action: TextInputAction) => void, options: {isActive?: boolean; onOtherKey?: KeyHandler} = {}): void {
  useKeys(
    (input, key) => {
      const action = textInputAction(input, key);
      if (action) dispatch(action);
      else options.onOtherKey?.(input, key);
    },
    {isActive: options.isActive ?? true},
  );
}
