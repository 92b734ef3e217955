import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {BtalkError} from '../../src/errors.js';
import {DoneScreen} from '../../src/ui/screens/done.js';
import {OrderFailedScreen} from '../../src/ui/screens/order-failed.js';
import {ReviewScreen} from '../../src/ui/screens/review.js';
import {SubmittingScreen} from '../../src/ui/screens/submitting.js';
import {themeFor} from '../../src/ui/theme.js';
import {keys, press, waitForFrame} from '../helpers/ink.js';

afterEach(() => cleanup());

const body = {
  customerOrderReference: 'myOrder',
  parameters: {technicalSiteName: 'MY_VOICESITE', customerSiteLabel: 'My Voicesite in France', country: 'FR', vpnId: 'aa76e66dfc63'},
};

function review(showJson = false) {
  const calls: string[] = [];
  const ui = render(
    <ReviewScreen
      target="default · sandbox (http://127.0.0.1:1234/btalk/beta/v1)"
      customer="My Customer (9999)"
      vpn="My VPN 1 (id aa76e66dfc63)"
      country="France (FR)"
      customerCode="9999"
      body={body}
      showJson={showJson}
      customerEditable={false}
      onSubmit={() => calls.push('submit')}
      onEdit={(step) => calls.push(`edit ${step}`)}
      onToggleJson={() => calls.push('json')}
      onCancel={() => calls.push('cancel')}
      onBack={() => calls.push('back')}
    />,
  );
  return {ui, calls};
}

describe('ReviewScreen', () => {
  it('lists everything that will be sent', () => {
    const frame = review().ui.lastFrame() ?? '';
    for (const text of ['default · sandbox', 'My Customer (9999)', 'My VPN 1 (id aa76e66dfc63)', 'France (FR)', 'MY_VOICESITE', 'My Voicesite in France', 'myOrder']) {
      expect(frame).toContain(text);
    }
    expect(frame).not.toContain('Edit customer');
  });

  it('shows the exact JSON body when asked', () => {
    const frame = review(true).ui.lastFrame() ?? '';
    expect(frame).toContain('POST /customers/9999/orders');
    expect(frame).toContain(JSON.stringify(body, null, 2).split('\n')[3]!);
  });

  it('submits with Enter; j, v, q and Esc do what the footer says', async () => {
    const {ui, calls} = review();
    await press(ui, 'j');
    await press(ui, 'v');
    await press(ui, 'q');
    await press(ui, keys.escape);
    await press(ui, keys.enter);
    expect(calls).toEqual(['json', 'edit vpn', 'cancel', 'back', 'submit']);
  });
});

describe('SubmittingScreen', () => {
  it('names the call, and says when it is looking for the site instead', () => {
    expect(render(<SubmittingScreen technicalSiteName="MY_SITE" customerCode="9999" mode="send" checking={false} />).lastFrame()).toContain('POST /customers/9999/orders');
    expect(render(<SubmittingScreen technicalSiteName="MY_SITE" customerCode="9999" mode="send" checking />).lastFrame()).toContain('looking for MY_SITE in GET /voicesites');
  });
});

describe('OrderFailedScreen', () => {
  function failed(error: BtalkError, checked = false) {
    const calls: string[] = [];
    const ui = render(
      <OrderFailedScreen
        error={error}
        checked={checked}
        technicalSiteName="MY_SITE"
        onResend={() => calls.push('resend')}
        onRecheck={() => calls.push('recheck')}
        onEdit={() => calls.push('edit')}
        onQuit={() => calls.push('quit')}
      />,
    );
    return {ui, calls};
  }

  it('a refusal: message, code, request id; retry, edit, quit', async () => {
    const {ui, calls} = failed(new BtalkError('invalid-input', 'The order was refused.', {apiCode: 27, apiMessage: 'Invalid body field', requestId: 'q-1'}));
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('API: code 27 - Invalid body field');
    expect(frame).toContain('Request id: q-1');
    expect(frame).toContain('Nothing was created for MY_SITE.');
    await press(ui, 'e');
    await press(ui, 'r');
    expect(calls).toEqual(['edit', 'resend']);
  });

  it('not found after a lost answer: says it was not created and sending again is safe', () => {
    const frame = failed(new BtalkError('network', 'The order for MY_SITE was NOT created (reset).'), true).ui.lastFrame() ?? '';
    expect(frame.replace(/\s+/g, ' ')).toContain('MY_SITE was not found. The order was NOT created; sending it again is safe.');
  });

  it('unknown outcome: no way to send again, only to check again', async () => {
    const {ui, calls} = failed(new BtalkError('network', 'Checking failed too.', {outcomeUnknown: true}));
    expect(ui.lastFrame()).not.toContain('Send the order again');
    expect(ui.lastFrame()).toContain('Do not send it again before checking');
    await press(ui, keys.enter);
    expect(calls).toEqual(['recheck']);
  });
});

describe('DoneScreen', () => {
  it('shows the id in a box, the details, the listing check, and exits with q but not Enter', async () => {
    const calls: string[] = [];
    const ui = render(
      <DoneScreen
        placed={{voiceSiteId: 'vs123', recovered: false, order: {voiceSiteId: 'vs123', orderId: 'o-9', status: 'completed'}}}
        listed={{status: 'ready', value: true}}
        details={[['Technical name', 'MY_SITE']]}
        orderedCount={1}
        onExit={() => calls.push('exit')}
        onRecheck={() => calls.push('recheck')}
        onAnother={() => calls.push('another')}
      />,
    );
    const frame = await waitForFrame(ui, 'voiceSiteId  vs123');
    expect(frame).toContain('╭');
    expect(frame).toMatch(/Order id\s+o-9/);
    expect(frame).toContain('✓ GET /voicesites lists the new site.');
    await press(ui, keys.enter);
    expect(calls).toEqual([]);
    await press(ui, 'q');
    expect(calls).toEqual(['exit']);
  });

  it('says how many sites this run ordered, and orders another with n', async () => {
    const calls: string[] = [];
    const ui = render(
      <DoneScreen
        placed={{voiceSiteId: 'vs124', recovered: false, order: {voiceSiteId: 'vs124'}}}
        listed={{status: 'loading'}}
        details={[['Technical name', 'MY_SITE_2']]}
        orderedCount={2}
        onExit={() => calls.push('exit')}
        onRecheck={() => calls.push('recheck')}
        onAnother={() => calls.push('another')}
      />,
    );
    const frame = await waitForFrame(ui, 'voiceSiteId  vs124');
    expect(frame).toContain('2 sites ordered in this run');
    expect(frame).toContain('n order another site');
    expect(frame).toContain('the ids stay printed');
    await press(ui, 'n');
    expect(calls).toEqual(['another']);
  });
});

describe('themeFor', () => {
  it('turns every colour off when NO_COLOR is set', () => {
    expect(Object.values(themeFor({NO_COLOR: '1'})).every((c) => c === undefined)).toBe(true);
    expect(themeFor({}).accent).toBe('cyan');
  });
});
