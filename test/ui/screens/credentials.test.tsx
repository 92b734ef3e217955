import {render} from 'ink-testing-library';
import React from 'react';
import {describe, expect, it} from 'vitest';
import type {Credentials} from '../../../src/api/types.js';
import {BtalkError} from '../../../src/errors.js';
import {credentialProblems as pipedCredentialProblems} from '../../../src/secrets/env-credentials.js';
import {CredentialsForm} from '../../../src/ui/screens/credentials.js';
import {ThemeProvider, themeFor, type Theme} from '../../../src/ui/theme.js';
import {colourCodes, withChalkColours, keys, press, renderPaced, type, waitForFrame} from '../../helpers/ink.js';

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
    const error = new BtalkError('auth', 'The API refused these credentials.', {api: {code: 41, message: 'Invalid credentials'}, hint: 'Check the API key.'});
    ui.rerender(<CredentialsForm onSubmit={() => {}} onCancel={() => {}} error={error} />);
    await waitForFrame(ui, 'API: code 41 - Invalid credentials');
    ui.rerender(<CredentialsForm onSubmit={() => {}} onCancel={() => {}} busy />);
    await waitForFrame(ui, 'Checking the credentials');
    ui.unmount();
  });
});

describe('CredentialsForm with keys faster than renders', () => {
  it('puts a character typed right after Tab into the next field, even before the Tab was rendered', async () => {
    const submitted: Credentials[] = [];
    const ui = renderPaced(<CredentialsForm onSubmit={(c) => submitted.push(c)} onCancel={() => {}} initial={{clientId: 'my-client'}} initialFocus="clientId" />);
    await waitForFrame(ui, 'my-client');
    // In one read, as btalk gets them from a fast typist: each key must see the one before.
    ui.write(`${keys.tab}hi${keys.enter}${KEY}${keys.enter}`);
    await waitForFrame({lastFrame: () => (submitted.length > 0 ? 'submitted' : JSON.stringify(ui.lastFrame()))}, 'submitted', {timeoutMs: 10_000});
    expect(submitted).toEqual([{clientId: 'my-client', clientSecret: 'hi', apiKey: KEY}]);
    ui.unmount();
  });
});

describe('CredentialsForm with the MyApps Basic value', () => {
  it('decodes a pasted "Authorization: Basic ..." into the id and secret, masked, and says which client id', async () => {
    const {ui, submitted} = setup();
    await waitForFrame(ui, 'Client ID');
    const header = `Authorization: Basic ${Buffer.from('app-42:top:secret').toString('base64')}`;
    await press(ui, header);
    let frame = await waitForFrame(ui, '••••');
    expect(frame).not.toContain(Buffer.from('app-42:top:secret').toString('base64'));
    await press(ui, keys.enter);
    frame = await waitForFrame(ui, 'The Basic value holds client id "app-42"');
    expect(frame).not.toContain('top:secret');
    await press(ui, KEY);
    await waitForFrame(ui, '40/40');
    await press(ui, keys.enter);
    expect(submitted).toEqual([{clientId: 'app-42', clientSecret: 'top:secret', apiKey: KEY}]);
    ui.unmount();
  });

  it('refuses a Basic value without id:secret on the Client ID field, and stays there', async () => {
    const {ui, submitted} = setup();
    await waitForFrame(ui, 'Client ID');
    await press(ui, `Basic ${Buffer.from('lonely').toString('base64')}`);
    await press(ui, keys.tab);
    const frame = await waitForFrame(ui, 'does not decode to client-id:client-secret');
    expect(frame).toMatch(/› Client ID/);
    expect(submitted).toEqual([]);
    ui.unmount();
  });
});

describe('CredentialsForm rules and notice', () => {
  it('refuses typed secrets with the wording used for piped ones (btalk login without a terminal)', async () => {
    const piped = pipedCredentialProblems({clientId: ' ', clientSecret: 's', apiKey: 'abc'});
    expect(piped).toEqual({clientId: 'required', apiKey: 'must be exactly 40 characters (now 3)'});
    const {ui, submitted} = setup({initial: {clientId: 'id', clientSecret: 'secret'}});
    await waitForFrame(ui, 'API key');
    await type(ui, 'abc');
    await press(ui, keys.enter);
    expect(await waitForFrame(ui, piped.apiKey!)).toMatch(/API key.*\n?.*must be exactly 40 characters \(now 3\)/);
    expect(submitted).toEqual([]);
    ui.unmount();
  });

  it('shows a notice above the fields, e.g. that nothing will be saved', async () => {
    const {ui} = setup({notice: 'No OS keychain (no D-Bus session): the credentials are used for this run only.'});
    const frame = await waitForFrame(ui, 'Client ID');
    expect(frame).toContain('⚠ No OS keychain (no D-Bus session): the credentials are used for this run only.');
    expect(frame.indexOf('No OS keychain')).toBeLessThan(frame.indexOf('Client ID'));
    ui.unmount();
  });
});

describe('CredentialsForm colours', () => {
  withChalkColours();

  async function framesWith(theme: Theme): Promise<string> {
    const error = new BtalkError('auth', 'The API refused the credentials.', {api: {code: 41, message: 'Invalid credentials', requestId: 'req-9'}});
    const ui = render(
      <ThemeProvider theme={theme}>
        <CredentialsForm onSubmit={() => {}} onCancel={() => {}} error={error} initial={{clientId: 'id', clientSecret: 's'}} />
      </ThemeProvider>,
    );
    await type(ui, 'abc');
    await press(ui, keys.enter);
    await waitForFrame(ui, 'must be exactly 40 characters');
    ui.unmount();
    return ui.frames.join('\n');
  }

  it('uses no colour at all under NO_COLOR, and the theme colours otherwise', async () => {
    expect(colourCodes(await framesWith(themeFor({NO_COLOR: '1'})))).toEqual([]);
    expect(colourCodes(await framesWith(themeFor({})))).not.toEqual([]);
  });

  it('shows the request id of a refusal, to quote to support', async () => {
    expect(await framesWith(themeFor({NO_COLOR: '1'}))).toContain('Request id: req-9');
  });
});
