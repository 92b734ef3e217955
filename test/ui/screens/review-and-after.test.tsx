import {cleanup, render} from 'ink-testing-library';
import {Box} from 'ink';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {BtalkError} from '../../../src/errors.js';
import {DoneScreen} from '../../../src/ui/screens/done.js';
import {OrderFailedScreen} from '../../../src/ui/screens/order-failed.js';
import {ReviewScreen} from '../../../src/ui/screens/review.js';
import {SubmittingScreen} from '../../../src/ui/screens/submitting.js';
import {themeFor} from '../../../src/ui/theme.js';
import {keys, press, waitForFrame, renderPaced} from '../../helpers/ink.js';

afterEach(() => cleanup());

const body = {
  customerOrderReference: 'myOrder',
  parameters: {technicalSiteName: 'MY_VOICESITE', customerSiteLabel: 'My Voicesite in France', country: 'FR', vpnId: 'aa76e66dfc63'},
};

interface ReviewOptions {
  body?: typeof body;
  customerEditable?: boolean;
}

/** The review in an 80-column terminal. */
function reviewIn80(showJson: boolean, options: ReviewOptions, calls: string[]) {
  return (
    <Box width={80}>
      <ReviewScreen
        target="default · sandbox (http://127.0.0.1:1234/btalk/beta/v1)"
        customer="My Customer (9999)"
        vpn="My VPN 1 (id aa76e66dfc63)"
        country="France (FR)"
        customerCode="9999"
        body={options.body ?? body}
        showJson={showJson}
        customerEditable={options.customerEditable ?? false}
        onSubmit={() => calls.push('submit')}
        onEdit={(step) => calls.push(`edit ${step}`)}
        onToggleJson={() => calls.push('json')}
        onCancel={() => calls.push('cancel')}
        onBack={() => calls.push('back')}
      />
    </Box>
  );
}

function review(showJson = false, options: ReviewOptions = {}) {
  const calls: string[] = [];
  const ui = render(reviewIn80(showJson, options, calls));
  /** What the flow does on "json": the same screen, the other view. */
  const show = (json: boolean) => ui.rerender(reviewIn80(json, options, calls));
  return {ui, calls, show};
}

/** The longest names the rules allow: an 80-character label, a 30-character name, a 40-character reference. */
function longest(label: string) {
  expect(label).toHaveLength(80);
  return {customerOrderReference: 'R'.repeat(40), parameters: {technicalSiteName: 'T'.repeat(30), customerSiteLabel: label, country: 'FR', vpnId: 'aa76e66dfc63'}};
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

  it.each([
    ['words', 'Headquarters of the Lyon Part-Dieu business district, third floor, east wing ABC'],
    ['one word', 'W'.repeat(80)],
  ])('fits 80x24 with the longest label (%s), in the summary and in the JSON view, every character shown', (_name, label) => {
    // 24 rows less the header's two: nothing may scroll the header away.
    for (const showJson of [false, true]) {
      const frame = review(showJson, {body: longest(label), customerEditable: true}).ui.lastFrame() ?? '';
      expect(frame.split('\n').length, frame).toBeLessThanOrEqual(22);
      // Wrapped, never cut: every character is there (white space aside, where lines break).
      expect(frame.replace(/\s+/g, '')).toContain(label.replace(/\s+/g, ''));
      expect(frame).toContain('Submit the order');
    }
  });

  it('keeps the cursor on its item across the JSON view, and off Submit when the view lacks it', async () => {
    const {ui, calls, show} = review();
    // j with the cursor on Submit: Enter in the JSON view still submits (as the footer says).
    await press(ui, 'j');
    show(true);
    expect(await waitForFrame(ui, 'exact body')).toContain('› Submit the order');
    show(false);
    // On "Edit VPN", which the JSON view does not list: the cursor waits on "Hide", not on Submit.
    await press(ui, keys.down);
    await waitForFrame(ui, '› Edit VPN');
    await press(ui, 'j');
    show(true);
    await waitForFrame(ui, '› Hide the JSON body');
    await press(ui, keys.enter);
    show(false);
    expect(await waitForFrame(ui, 'Profile · env')).toContain('› Edit VPN');
    expect(calls).toEqual(['json', 'json', 'json']);
  });

  it('moves the cursor once per key even when the keys come before a render', async () => {
    const calls: string[] = [];
    const ui = renderPaced(reviewIn80(false, {}, calls));
    await waitForFrame(ui, 'Review the order');
    ui.write(`${keys.tab}${keys.tab}${keys.enter}`);
    await waitForFrame(ui, () => calls.length > 0);
    expect(calls).toEqual(['edit country']);
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
        onSendAgain={() => calls.push('send again')}
        onEdit={() => calls.push('edit')}
        onQuit={() => calls.push('quit')}
      />,
    );
    return {ui, calls};
  }

  it('a refusal: message, code, request id; retry, edit, quit', async () => {
    const {ui, calls} = failed(new BtalkError('invalid-input', 'The order was refused.', {api: {code: 27, message: 'Invalid body field', requestId: 'q-1'}}));
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('API: code 27 - Invalid body field');
    expect(frame).toContain('Request id: q-1');
    expect(frame).toContain('Nothing was created for MY_SITE.');
    await press(ui, 'e');
    await press(ui, 'r');
    expect(calls).toEqual(['edit', 'resend']);
  });

  it('refused before processing (401) and not listed afterwards: says it was not created and sending again is safe', () => {
    const frame = failed(new BtalkError('auth', 'The gateway refused the token (401 code 42).'), true).ui.lastFrame() ?? '';
    expect(frame.replace(/\s+/g, ' ')).toContain('does not list MY_SITE: it was NOT created; sending it again is safe.');
  });

  it('unknown outcome: Enter checks again; "Send again" says what it does and is never the highlighted choice', async () => {
    const {ui, calls} = failed(new BtalkError('network', 'Checking failed too.', {outcomeUnknown: true}));
    const frame = (ui.lastFrame() ?? '').replace(/\s+/g, ' ');
    expect(frame).not.toContain('Send the order again');
    expect(frame).toContain('Do not send it again before checking');
    expect(frame).toContain('› Check again whether MY_SITE exists (r)');
    expect(frame).toContain(' Send again: checks the whole list first; sends only if MY_SITE is not there (s)');
    expect(frame).not.toContain('› Send again');
    await press(ui, keys.enter);
    await press(ui, 's');
    expect(calls).toEqual(['recheck', 'send again']);
    // Reached with a move, it is chosen like any item.
    await press(ui, keys.down);
    await press(ui, keys.enter);
    expect(calls).toEqual(['recheck', 'send again', 'send again']);
  });
});

describe('DoneScreen', () => {
  function done(props: Pick<React.ComponentProps<typeof DoneScreen>, 'placed' | 'listed' | 'details' | 'orderedCount'>) {
    const calls: string[] = [];
    const ui = render(
      // An 80-column terminal.
      <Box width={80}>
        <DoneScreen {...props} onExit={() => calls.push('exit')} onRecheck={() => calls.push('recheck')} onAnother={() => calls.push('another')} />
      </Box>,
    );
    return {ui, calls};
  }

  it('shows the id in a box, the details, the listing check, and exits with q but not Enter', async () => {
    const {ui, calls} = done({
      placed: {voiceSiteId: 'vs123', recovered: false, order: {voiceSiteId: 'vs123', orderId: 'o-9', status: 'completed'}},
      listed: {status: 'ready', value: true},
      details: [['Technical name', 'MY_SITE']],
      orderedCount: 1,
    });
    const frame = await waitForFrame(ui, 'voiceSiteId  vs123');
    expect(frame).toContain('╭');
    expect(frame).toMatch(/Order id\s+o-9/);
    expect(frame).toContain('✓ GET /voicesites lists the new site.');
    await press(ui, keys.enter);
    expect(calls).toEqual([]);
    await press(ui, 'q');
    expect(calls).toEqual(['exit']);
  });

  it('shows an 80-character label whole in 80 columns, aligned with the other details', () => {
    const label = 'Headquarters of the Lyon Part-Dieu business district, third floor, east wing ABC';
    const {ui} = done({placed: {voiceSiteId: 'vs125', recovered: false, order: {voiceSiteId: 'vs125'}}, listed: {status: 'ready', value: true}, details: [['Technical name', 'HQ_LYON'], ['Site label', label]], orderedCount: 1});
    const frame = ui.lastFrame() ?? '';
    expect(frame.replace(/\s+/g, '')).toContain(label.replace(/\s+/g, ''));
    const lines = frame.split('\n');
    const column = (text: string) => lines.find((l) => l.includes(text))!.indexOf(text);
    expect(column('Headquarters')).toBe(column('HQ_LYON'));
  });

  it('says how many sites this run ordered, and orders another with n', async () => {
    const {ui, calls} = done({placed: {voiceSiteId: 'vs124', recovered: false, order: {voiceSiteId: 'vs124'}}, listed: {status: 'loading'}, details: [['Technical name', 'MY_SITE_2']], orderedCount: 2});
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
