import {describe, expect, it} from 'vitest';
import {BtalkError, errorLines, formatError} from '../src/errors.js';
import {RAW_TERMINAL_CONTROL} from '../src/text/terminal-safe.js';

describe('formatError', () => {
  it('shows the API fields and request id of a hostile server as visible escapes, on their own lines', () => {
    const error = new BtalkError('server', 'The server answered 500.', {
      hint: 'Try again.',
      api: {code: 1, message: 'boom\u001b]0;pwned\u0007', description: 'line\nRequest id: forged\u202e', requestId: 'rid\u009b2J\r\n'},
      problems: [{field: 'vpn\u001b[2J', message: 'unknown'}],
    });
    const lines = formatError(error);
    expect(lines).toEqual([
      'Error: The server answered 500.',
      '  - vpn\\x1b[2J: unknown',
      '  API: code 1 - boom\\x1b]0;pwned\\x07 - line\\x0aRequest id: forged\\u202e',
      '  Request id: rid\\x9b2J\\x0d\\x0a (quote it to Orange support)',
      '  Next: Try again.',
    ]);
    expect(lines.some((l) => RAW_TERMINAL_CONTROL.test(l))).toBe(false);
    expect(errorLines(error).map((l) => l.tone)).toEqual(['message', 'problem', 'detail', 'detail', 'hint']);
  });

  it('keeps the newlines of btalk\'s own message', () => {
    expect(formatError(new BtalkError('usage', 'Two\nlines'))[0]).toBe('Error: Two\nlines');
  });
});
