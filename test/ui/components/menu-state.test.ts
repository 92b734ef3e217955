import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {menuKey, menuReducer, menuState, type MenuItem} from '../../../src/ui/components/menu-state.js';

const key = (k: Partial<Key>): Key => ({upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...k});
const items: Array<MenuItem<'a' | 'b' | 'c'>> = [
  {value: 'a', label: 'A', hotkey: 'x'},
  {value: 'b', label: 'B'},
  {value: 'c', label: 'C', hotkey: 'q'},
];

describe('menu state', () => {
  it('starts on the initial item and moves round the items both ways', () => {
    const start = menuState(items, 'b');
    expect(start.index).toBe(1);
    expect(menuReducer(start, {type: 'down', count: 3}).index).toBe(2);
    expect(menuReducer(menuReducer(start, {type: 'down', count: 3}), {type: 'down', count: 3}).index).toBe(0);
    expect(menuReducer(menuState(items), {type: 'up', count: 3}).index).toBe(2);
  });

  it('Enter chooses the highlighted item, a hotkey its item, Esc is back', () => {
    const s = menuState(items, 'b');
    expect(menuKey(items, s, '', key({return: true}))).toEqual({choose: 'b'});
    expect(menuKey(items, s, 'Q', key({shift: true}))).toEqual({choose: 'c'});
    expect(menuKey(items, s, '', key({escape: true, meta: true}))).toEqual({back: true});
    expect(menuKey(items, s, 'z', key({}))).toBeUndefined();
    expect(menuKey(items, s, 'x', key({ctrl: true}))).toBeUndefined();
  });
});
