import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {BtalkError, formatError} from '../../../src/errors.js';
import {ErrorBlock} from '../../../src/ui/components/error-block.js';

afterEach(() => cleanup());

const error = new BtalkError('invalid-input', 'The API refused the order (400 code 27).', {
  hint: 'Fix the value the API names, then send again.',
  problems: [{field: 'vpn', message: 'no VPN named "Paris"'}],
  api: {status: 400, code: 27, message: 'Invalid body field', description: 'parameters.vpnId is unknown.', requestId: 'req-42'},
});

describe('one rendering of an error, as text and on a screen', () => {
  it('stderr text: message, problems, API code and text, request id, next step', () => {
    expect(formatError(error)).toEqual([
      'Error: The API refused the order (400 code 27).',
      '  - vpn: no VPN named "Paris"',
      '  API: code 27 - Invalid body field - parameters.vpnId is unknown.',
      '  Request id: req-42 (quote it to Orange support)',
      '  Next: Fix the value the API names, then send again.',
    ]);
  });

  it('the Ink error block shows the same lines, the message after ✗', () => {
    const frame = render(<ErrorBlock error={error} />).lastFrame() ?? '';
    const lines = frame.split('\n').map((line) => line.trimEnd());
    expect(lines).toEqual(formatError(error).map((line) => line.replace(/^Error: /, '✗ ')));
  });

  it('leaves out what the error does not have, and a description equal to the message', () => {
    const bare = new BtalkError('server', 'The server answered 503.', {api: {status: 503, message: 'Service unavailable', description: 'Service unavailable'}});
    expect(formatError(bare)).toEqual(['Error: The server answered 503.', '  API: Service unavailable']);
  });
});
