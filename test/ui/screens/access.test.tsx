import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {BtalkError} from '../../../src/errors.js';
import {AccessScreen} from '../../../src/ui/screens/access.js';
import {keys, press} from '../../helpers/ink.js';

afterEach(() => cleanup());

function setup(me: React.ComponentProps<typeof AccessScreen>['me']) {
  const calls: string[] = [];
  const ui = render(<AccessScreen me={me} onRetry={() => calls.push('retry')} onOtherCredentials={() => calls.push('credentials')} onQuit={() => calls.push('quit')} />);
  return {ui, calls};
}

describe('AccessScreen', () => {
  it('shows a spinner while the token and GET /me are on their way', () => {
    expect(setup({status: 'loading'}).ui.lastFrame()).toContain('Checking access (token, then GET /me)');
  });

  it('shows the error with its request id and hint, and retries with r', async () => {
    const error = new BtalkError('network', 'Could not reach api.orange.com.', {hint: 'Check HTTPS_PROXY.', api: {requestId: 'abc-123'}});
    const {ui, calls} = setup({status: 'failed', error});
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('✗ Could not reach api.orange.com.');
    expect(frame).toContain('Request id: abc-123');
    expect(frame).toContain('Next: Check HTTPS_PROXY.');
    expect(frame).not.toContain('    at ');
    await press(ui, 'r');
    await press(ui, keys.down);
    await press(ui, keys.enter);
    expect(calls).toEqual(['retry', 'credentials']);
  });

  it('explains a read-only key and offers other credentials or quit', async () => {
    const {ui, calls} = setup({status: 'ready', value: {rightsProfile: 'readonly'}});
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('read-only (rights profile "readonly")');
    expect(frame).toContain('Business Talk Online portal');
    expect(frame).toContain('Developer tab');
    expect(frame).not.toContain('Try again');
    await press(ui, 'q');
    expect(calls).toEqual(['quit']);
  });
});
