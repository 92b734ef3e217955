import {describe, expect, it} from 'vitest';
import {RAW_TERMINAL_CONTROL, hasTerminalControl, terminalSafe, terminalSafeJson, terminalSafeLines} from '../../src/text/terminal-safe.js';

const ESC = '\u001b';
const hostile = [
  `${ESC}]0;pwned${'\u0007'}`, // OSC 0: retitles the window
  `${ESC}]52;c;cm0gLXJmIH4=${'\u0007'}`, // OSC 52: writes the clipboard
  `${ESC}]8;;http://evil.invalid${ESC}\\click${ESC}]8;;${ESC}\\`, // OSC 8: a link
  `${ESC}[2J${ESC}[H`, // CSI clear
  '\u009b2J', // C1 CSI
  'abc\u202edcba\u2066x\u2069', // bidi override and isolate
  'a\rb\bc\u007fd\u0000e\u0085f', // CR, backspace, DEL, NUL, C1 NEL
].join(' ');

describe('terminalSafe', () => {
  it('leaves ordinary text alone, accents, CJK and emoji included', () => {
    const text = 'Agence de Lyon – Société Générale, 東京 🚀 (PARIS_01) "quoted" \\ back';
    expect(terminalSafe(text)).toBe(text);
    expect(terminalSafeLines(text)).toBe(text);
  });

  it('shows every control, DEL, C1 and bidi character as a visible escape', () => {
    const out = terminalSafe(hostile);
    expect(RAW_TERMINAL_CONTROL.test(out)).toBe(false);
    expect(hasTerminalControl(out)).toBe(false);
    expect(out).toContain('\\x1b]0;pwned\\x07');
    expect(out).toContain('\\x9b2J');
    expect(out).toContain('abc\\u202edcba\\u2066x\\u2069');
    expect(out).toContain('a\\x0db\\x08c\\x7fd\\x00e\\x85f');
  });

  it('escapes newlines and tabs in a single value so it cannot forge a line', () => {
    expect(terminalSafe('id\n  Request id: fake\tx')).toBe('id\\x0a  Request id: fake\\x09x');
    expect(terminalSafe('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
  });

  it('keeps the newlines and tabs of a composed message, and nothing else', () => {
    const out = terminalSafeLines(`Error: bad ${hostile}\n  Next: fix it\tnow`);
    expect(out.split('\n')).toHaveLength(2);
    expect(out).toContain('\tnow');
    expect(RAW_TERMINAL_CONTROL.test(out)).toBe(false);
  });

  it('is idempotent', () => {
    expect(terminalSafe(terminalSafe(hostile))).toBe(terminalSafe(hostile));
    expect(terminalSafeLines(terminalSafeLines(hostile))).toBe(terminalSafeLines(hostile));
  });

  it('covers every code point it promises and none it does not', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x3000; cp++) {
      const ch = String.fromCodePoint(cp);
      const unsafe = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x2028 || cp === 0x2029;
      if ((terminalSafe(ch) !== ch) !== unsafe) wrong.push(`U+${cp.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('terminalSafeJson', () => {
  const value = {name: hostile, nested: [{label: 'ok\n\t"\\n"'}], [`k${ESC}`]: '\u009b', lone: '\ud800x'};

  it('parses back to the same values', () => {
    expect(JSON.parse(terminalSafeJson(value))).toEqual(value);
    expect(JSON.parse(terminalSafeJson(value, 2))).toEqual(value);
  });

  it('writes every control, DEL, C1 and bidi character as a \\u escape, keys included', () => {
    for (const json of [terminalSafeJson(value), terminalSafeJson(value, 2)]) {
      expect(RAW_TERMINAL_CONTROL.test(json)).toBe(false);
      expect(json).toContain('\\u001b]0;pwned\\u0007');
      expect(json).toContain('\\u009b');
      expect(json).toContain('\\u202e');
      expect(json).toContain('"k\\u001b"');
      expect(json).toContain('\\u007f');
      expect(json).toContain('\\ud800');
      expect(json).not.toMatch(/(^|[^\\])(\\\\)*\\[bfnrt]/);
    }
  });

  it('keeps an escaped backslash before a letter as it is', () => {
    const json = terminalSafeJson({path: 'C:\\new\\table'});
    expect(json).toBe('{"path":"C:\\\\new\\\\table"}');
    expect(JSON.parse(json)).toEqual({path: 'C:\\new\\table'});
  });

  it('indents like JSON.stringify and answers null for undefined', () => {
    expect(terminalSafeJson({a: 1}, 2)).toBe('{\n  "a": 1\n}');
    expect(terminalSafeJson(undefined)).toBe('null');
  });
});
