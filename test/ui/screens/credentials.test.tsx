import {render} from 'ink-testing-library';
import React from 'react';
import {describe, expect, it} from 'vitest';
import type {Credentials} from '../../../src/api/types.js';
import {BtalkError} from '../../../src/errors.js';
import {CredentialsForm} from '../../../src/ui/screens/credentials.js';
import {keys, press, type, waitForFrame} from '../../helpers/ink.js';

const KEY = 'K'.repeat(36) + 'tail';

function setup(props: Partial<React.ComponentProps<typeof CredentialsForm>> = {}) {
  const submitted: Credentials[] = [];
  let cancelled = 0;
  const ui = render(<CredentialsForm onSubmit={(c) => submitted.push(c)} onCancel={() => (cancelled += 1)} {...props} />);
  return {ui, submitted, cancelled: () => cancelled};
}

describe('CredentialsForm', () => {
  it('takes three fields with Tab/Enter, masks the secret and the key, and submits them', async () => {
    const {ui, submitted} = setup();
    await waitForFrame(ui, 'Client ID');
    await type(ui, 'my-client');
    await press(ui, keys.tab);
    await type(ui, 'hush');
    await press(ui, keys.enter);
    await press(ui, KEY); // pasted in one chunk
    const frame = await waitForFrame(ui, '40/40');
    expect(frame).toContain('my-client');
    expect(frame).not.toContain('hush');
    expect(frame).not.toContain('tail');
    expect(frame).toContain('••••');
    await press(ui, keys.enter);
    expect(submitted).toEqual([{clientId: 'my-client', clientSecret: 'hush', apiKey: KEY}]);
    ui.unmount();
  });

  it('refuses an API key that is not 40 characters before anything is sent', async () => {
    const {ui, submitted} = setup({initial: {clientId: 'id', clientSecret: 'secret'}});
    await waitForFrame(ui, 'API key');
    await type(ui, 'abc');
    await press(ui, keys.enter);
    await waitForFrame(ui, 'must be exactly 40 characters (now 3)');
    expect(submitted).toEqual([]);
    await press(ui, keys.backspace);
    await waitForFrame(ui, '2/40');
    ui.unmount();
  });

  it('cancels on Esc, and shows the API error and a spinner while busy', async () => {
    const {ui, cancelled} = setup();
    await press(ui, keys.escape);
    expect(cancelled()).toBe(1);
    const error = new BtalkError('auth', 'The API refused these credentials.', {apiCode: 41, apiMessage: 'Invalid credentials', hint: 'Check the API key.'});
    ui.rerender(<CredentialsForm onSubmit={() => {}} onCancel={() => {}} error={error} />);
    await waitForFrame(ui, 'API: code 41 - Invalid credentials');
    ui.rerender(<CredentialsForm onSubmit={() => {}} onCancel={() => {}} busy />);
    await waitForFrame(ui, 'Checking the credentials');
    ui.unmount();
  });
});
