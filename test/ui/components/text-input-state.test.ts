import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {textInputAction, textInputReducer, textInputState, type TextInputAction, type TextInputState} from '../../../src/ui/components/text-input-state.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};
const key = (k: Partial<Key>): Key => ({...NO_KEY, ...k});

function apply(state: TextInputState, ...actions: TextInputAction[]): TextInputState {
  return actions.reduce(textInputReducer, state);
}

/** The value with "|" where the cursor is. */
function show(state: TextInputState): string {
  const chars = Array.from(state.value);
  return [...chars.slice(0, state.cursor), '|', ...chars.slice(state.cursor)].join('');
}

describe('textInputReducer', () => {
  it('inserts at the cursor: "Paris ofice", Left x3, "f" is "Paris office"', () => {
    const left = {type: 'left'} as const;
    const state = apply(textInputState('Paris ofice'), left, left, left, {type: 'insert', text: 'f'});
    expect(show(state)).toBe('Paris off|ice');
  });

  it('moves to the start and the end, and by word both ways', () => {
    const s = textInputState('Paris  office-east 2');
    expect(show(apply(s, {type: 'home'}))).toBe('|Paris  office-east 2');
    expect(show(apply(s, {type: 'home'}, {type: 'end'}))).toBe('Paris  office-east 2|');
    expect(show(apply(s, {type: 'word-left'}))).toBe('Paris  office-east |2');
    expect(show(apply(s, {type: 'word-left'}, {type: 'word-left'}))).toBe('Paris  office-|east 2');
    expect(show(apply(s, {type: 'home'}, {type: 'word-right'}))).toBe('Paris|  office-east 2');
    expect(show(apply(s, {type: 'home'}, {type: 'word-right'}, {type: 'word-right'}))).toBe('Paris  office|-east 2');
  });

  it('deletes before and under the cursor, and stops at the ends', () => {
    const s = apply(textInputState('abcd'), {type: 'left'}, {type: 'left'});
    expect(show(apply(s, {type: 'backspace'}))).toBe('a|cd');
    expect(show(apply(s, {type: 'delete'}))).toBe('ab|d');
    const start = apply(s, {type: 'home'});
    expect(apply(start, {type: 'backspace'})).toBe(start);
    const end = apply(s, {type: 'end'});
    expect(apply(end, {type: 'delete'})).toBe(end);
  });

  it('Ctrl+W deletes the word before the cursor, Ctrl+U to the start, Ctrl+K to the end', () => {
    const s = apply(textInputState('Lyon part-dieu  east'), {type: 'word-left'});
    expect(show(s)).toBe('Lyon part-dieu  |east');
    expect(show(apply(s, {type: 'delete-word-before'}))).toBe('Lyon |east');
    expect(show(apply(s, {type: 'delete-to-start'}))).toBe('|east');
    expect(show(apply(s, {type: 'delete-to-end'}))).toBe('Lyon part-dieu  |');
  });

  it('counts an accent or an emoji as one character, and keeps pasted text on one line', () => {
    const s = apply(textInputState('Café😀'), {type: 'backspace'}, {type: 'left'}, {type: 'backspace'});
    expect(show(s)).toBe('Ca|é');
    expect(show(apply(textInputState('ab'), {type: 'left'}, {type: 'insert', text: 'x\r\ny\t'}))).toBe('axy|b');
  });

  it('inserts no control character: Ctrl+\\ or Ctrl+] typed into a field leave it as it was', () => {
    const s = textInputState('VPN');
    expect(apply(s, {type: 'insert', text: '\u001C'})).toBe(s);
    expect(apply(s, {type: 'insert', text: '\u001D'})).toBe(s);
    expect(show(apply(s, {type: 'insert', text: '\u0000 1\u0085\u007F'}))).toBe('VPN 1|');
  });
});

describe('textInputAction: the keys a field answers to', () => {
  it('maps arrows, Home/End, Ctrl and Alt combinations like readline', () => {
    expect(textInputAction('', key({leftArrow: true}))).toEqual({type: 'left'});
    expect(textInputAction('', key({leftArrow: true, meta: true}))).toEqual({type: 'word-left'});
    expect(textInputAction('', key({rightArrow: true, ctrl: true}))).toEqual({type: 'word-right'});
    expect(textInputAction('b', key({meta: true}))).toEqual({type: 'word-left'});
    expect(textInputAction('f', key({meta: true}))).toEqual({type: 'word-right'});
    expect(textInputAction('', key({home: true}))).toEqual({type: 'home'});
    expect(textInputAction('a', key({ctrl: true}))).toEqual({type: 'home'});
    expect(textInputAction('e', key({ctrl: true}))).toEqual({type: 'end'});
    expect(textInputAction('w', key({ctrl: true}))).toEqual({type: 'delete-word-before'});
    expect(textInputAction('u', key({ctrl: true}))).toEqual({type: 'delete-to-start'});
    // The Delete key, handed over by key-paced stdin as Ctrl+D.
    expect(textInputAction('d', key({ctrl: true}))).toEqual({type: 'delete'});
    // Ink calls the usual Backspace (DEL) "delete"; with Alt it deletes a word.
    expect(textInputAction('', key({delete: true}))).toEqual({type: 'backspace'});
    expect(textInputAction('', key({delete: true, meta: true}))).toEqual({type: 'delete-word-before'});
    expect(textInputAction('x', key({}))).toEqual({type: 'insert', text: 'x'});
  });

  it('leaves Enter, Tab, Esc and ↑/↓ to the form or list around the field', () => {
    for (const k of [{return: true}, {tab: true}, {escape: true, meta: true}, {upArrow: true}, {downArrow: true}, {ctrl: true}]) {
      expect(textInputAction(k.ctrl ? 'c' : '', key(k))).toBeUndefined();
    }
  });
});
