/**
 * A one-line text field as data: the value and where the cursor is, changed only by this pure
 * reducer. `textInputAction` maps a key (as Ink's useInput reports it) to the action it means, so
 * every field (credentials, site names, list filters) edits the same way, as readline does:
 *   ←/→, Home/End, Ctrl+A/Ctrl+E          move (Alt or Ctrl with ←/→, Alt+B/Alt+F: by word)
 *   Backspace, Delete (Ctrl+D)             delete before / under the cursor
 *   Ctrl+W, Alt+Backspace                  delete the word before the cursor
 *   Ctrl+U / Ctrl+K                        delete to the start / to the end
 *   any text (typed or pasted)             inserted at the cursor
 * The cursor counts code points, so an accent or an emoji is one step, never half a character.
 */
import type {Key} from 'ink';

export interface TextInputState {
  value: string;
  /** 0 .. length in code points; `length` is after the last character. */
  cursor: number;
}

export type TextInputAction =
  | {type: 'insert'; text: string}
  | {type: 'set'; value: string}
  | {type: 'left' | 'right' | 'home' | 'end' | 'word-left' | 'word-right'}
  | {type: 'backspace' | 'delete' | 'delete-word-before' | 'delete-to-start' | 'delete-to-end'};

/** A field showing `value`, the cursor after its last character. */
export function textInputState(value = ''): TextInputState {
  return {value, cursor: Array.from(value).length};
}

const WORD = /[\p{L}\p{N}_]/u;

function wordLeft(chars: readonly string[], from: number): number {
  let at = from;
  while (at > 0 && !WORD.test(chars[at - 1]!)) at--;
  while (at > 0 && WORD.test(chars[at - 1]!)) at--;
  return at;
}

function wordRight(chars: readonly string[], from: number): number {
  let at = from;
  while (at < chars.length && !WORD.test(chars[at]!)) at++;
  while (at < chars.length && WORD.test(chars[at]!)) at++;
  return at;
}

/** Ctrl+W as shells have it: the spaces before the cursor, then the run of non-spaces before them. */
function rubOut(chars: readonly string[], from: number): number {
  let at = from;
  while (at > 0 && /\s/u.test(chars[at - 1]!)) at--;
  while (at > 0 && !/\s/u.test(chars[at - 1]!)) at--;
  return at;
}

export function textInputReducer(state: TextInputState, action: TextInputAction): TextInputState {
  const chars = Array.from(state.value);
  const cursor = Math.min(Math.max(0, state.cursor), chars.length);
  const cut = (from: number, to: number, at: number): TextInputState => ({value: [...chars.slice(0, from), ...chars.slice(to)].join(''), cursor: at});
  const move = (at: number): TextInputState => (at === state.cursor ? state : {...state, cursor: at});
  switch (action.type) {
    case 'insert': {
      // Line breaks and tabs are never part of a one-line value (a pasted line ends with one), nor
      // any other control character: Ctrl+\ (which Ink hands over as its character) is no text.
      const added = Array.from(action.text.replace(/[\u0000-\u001F\u007F-\u009F]/gu, ''));
      if (added.length === 0) return state;
      return {value: [...chars.slice(0, cursor), ...added, ...chars.slice(cursor)].join(''), cursor: cursor + added.length};
    }
    case 'set':
      return textInputState(action.value);
    case 'left':
      return move(Math.max(0, cursor - 1));
    case 'right':
      return move(Math.min(chars.length, cursor + 1));
    case 'home':
      return move(0);
    case 'end':
      return move(chars.length);
    case 'word-left':
      return move(wordLeft(chars, cursor));
    case 'word-right':
      return move(wordRight(chars, cursor));
    case 'backspace':
      return cursor === 0 ? state : cut(cursor - 1, cursor, cursor - 1);
    case 'delete':
      return cursor === chars.length ? state : cut(cursor, cursor + 1, cursor);
    case 'delete-word-before': {
      const from = rubOut(chars, cursor);
      return from === cursor ? state : cut(from, cursor, from);
    }
    case 'delete-to-start':
      return cursor === 0 ? state : cut(0, cursor, 0);
    case 'delete-to-end':
      return cursor === chars.length ? state : cut(cursor, chars.length, cursor);
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** Ctrl+letter and Alt+letter as readline has them. */
const CTRL_KEYS: ReadonlyMap<string, TextInputAction> = new Map<string, TextInputAction>([
  ['a', {type: 'home'}],
  ['e', {type: 'end'}],
  ['b', {type: 'left'}],
  ['f', {type: 'right'}],
  ['d', {type: 'delete'}],
  ['w', {type: 'delete-word-before'}],
  ['u', {type: 'delete-to-start'}],
  ['k', {type: 'delete-to-end'}],
]);
const ALT_KEYS: ReadonlyMap<string, TextInputAction> = new Map<string, TextInputAction>([
  ['b', {type: 'word-left'}],
  ['f', {type: 'word-right'}],
]);

/**
 * What a key does to a text field, or undefined when it is not an editing key (Enter, Tab, Esc,
 * ↑/↓ belong to the form or list around the field).
 *
 * Ink reports the Backspace key of most terminals (DEL, 0x7f) as `delete`, the same as the Delete
 * key; key-paced-stdin.ts hands the Delete key over as Ctrl+D (readline's "delete forward") so
 * the two stay apart. A real Backspace (0x08) arrives as `backspace`.
 */
export function textInputAction(input: string, key: Key): TextInputAction | undefined {
  if (key.return || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  const wordMove = key.ctrl || key.meta;
  if (key.leftArrow) return {type: wordMove ? 'word-left' : 'left'};
  if (key.rightArrow) return {type: wordMove ? 'word-right' : 'right'};
  if (key.home) return {type: 'home'};
  if (key.end) return {type: 'end'};
  if (key.backspace || key.delete) return {type: key.meta && input === '' && !key.escape ? 'delete-word-before' : 'backspace'};
  if (key.escape) return undefined;
  if (key.ctrl) return CTRL_KEYS.get(input);
  if (key.meta) return ALT_KEYS.get(input);
  if (input === '') return undefined;
  return {type: 'insert', text: input};
}
