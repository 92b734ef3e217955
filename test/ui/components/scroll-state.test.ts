import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {scrollCue, scrollKey, scrollReducer, type ScrollState} from '../../../src/ui/components/scroll-state.js';

const at = (offset: number, total = 20, window = 6): ScrollState => ({offset, total, window});
const key = (over: Partial<Key>): Key => ({upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...over}) as Key;

describe('scrollReducer', () => {
  it('moves by lines and pages (a window less one line, so one line stays in view) within the body', () => {
    expect(scrollReducer(at(0), {type: 'by', lines: 1}).offset).toBe(1);
    expect(scrollReducer(at(0), {type: 'by', lines: -1}).offset).toBe(0);
    expect(scrollReducer(at(0), {type: 'page', pages: 1}).offset).toBe(5);
    expect(scrollReducer(at(12), {type: 'page', pages: 1}).offset).toBe(14);
    expect(scrollReducer(at(3), {type: 'to', end: 'bottom'}).offset).toBe(14);
    expect(scrollReducer(at(3), {type: 'to', end: 'top'}).offset).toBe(0);
  });

  it('keeps the offset inside the body when the window grows or the body shrinks (a resize)', () => {
    expect(scrollReducer(at(14), {type: 'resized', total: 20, window: 10})).toEqual(at(10, 20, 10));
    expect(scrollReducer(at(14), {type: 'resized', total: 8, window: 10})).toEqual(at(0, 8, 10));
  });

  it('returns the same state when nothing moves', () => {
    const s = at(0);
    expect(scrollReducer(s, {type: 'by', lines: -3})).toBe(s);
  });
});

describe('scrollKey and scrollCue', () => {
  it('PgUp/PgDn always; the arrows, Home and End only where the screen gives them', () => {
    expect(scrollKey('', key({pageDown: true}), {arrows: false})).toEqual({type: 'page', pages: 1});
    expect(scrollKey('', key({downArrow: true}), {arrows: false})).toBeUndefined();
    expect(scrollKey('', key({downArrow: true}), {arrows: true})).toEqual({type: 'by', lines: 1});
    expect(scrollKey('', key({end: true}), {arrows: true})).toEqual({type: 'to', end: 'bottom'});
  });

  it('says what is out of sight and how to reach it, and nothing when all is shown', () => {
    expect(scrollCue(at(0), {arrows: true})).toBe('↓ 14 more lines below · ↑↓ PgUp PgDn scroll');
    expect(scrollCue(at(13), {arrows: false})).toBe('↓ 1 more line below · ↑ 13 lines above · PgUp PgDn scroll');
    expect(scrollCue(at(14), {arrows: false})).toBe('↑ 14 lines above · PgUp PgDn scroll');
    expect(scrollCue(at(0, 6, 6), {arrows: false})).toBe('');
  });
});
