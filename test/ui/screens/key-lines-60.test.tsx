/**
 * At 60x20: the screens a sandbox walk does not reach, each with its whole key line (wrapped
 * between hints, never cut); and the review and done screens with the longest values the rules
 * allow, which scroll their body within the lines they are given and say so, never cutting it.
 */
import React from 'react';
import {describe, expect, it} from 'vitest';
import {BtalkError} from '../../../src/errors.js';
import {CustomerScreen} from '../../../src/ui/screens/customer.js';
import {DoneScreen} from '../../../src/ui/screens/done.js';
import {ReviewScreen} from '../../../src/ui/screens/review.js';
import {OrderFailedScreen} from '../../../src/ui/screens/order-failed.js';
import {SubmittingScreen} from '../../../src/ui/screens/submitting.js';
import {keys, press, renderPaced, waitForFrame} from '../../helpers/ink.js';

const flat = (frame: string) => frame.replace(/\s+/g, ' ');
const size = {columns: 60, rows: 20};

async function expectKeyLine(element: React.ReactElement, keyLine: string) {
  const ui = renderPaced(element, size);
  const frame = await waitForFrame(ui, (f) => flat(f).includes(keyLine));
  for (const line of frame.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
  return {ui, frame};
}

/** The lines a screen of `height` lines drew, checked against that height. */
function within(frame: string, height: number): string[] {
  const lines = frame.replace(/\n+$/, '').split('\n');
  expect(lines.length, frame).toBeLessThanOrEqual(height);
  return lines;
}

const label = 'Agence commerciale de Clermont-Ferrand, site principal du deuxième étage, bât. B';
const longBody = {customerOrderReference: 'R'.repeat(40), parameters: {technicalSiteName: 'T'.repeat(30), customerSiteLabel: label, country: 'FR', vpnId: 'aa76e66dfc63'}};

describe('key lines at 60 columns', () => {
  it('customer list', async () => {
    const customers = {status: 'ready' as const, value: [{name: 'My Customer', customerCode: '9999'}, {name: 'Acme Europe', customerCode: '41001'}]};
    await expectKeyLine(<CustomerScreen customers={customers} rows={6} onChoose={() => {}} onBack={() => {}} onRetry={() => {}} onQuit={() => {}} />, 'type to filter · ↑↓ move · Enter choose · Esc back · Ctrl+C quit');
  });

  it('submitting', async () => {
    await expectKeyLine(<SubmittingScreen technicalSiteName="PARIS_01" customerCode="9999" mode="send" checking={false} />, 'Ctrl+C quit (you will be told whether the order was sent)');
  });

  it('order failed', async () => {
    const error = new BtalkError('invalid-input', 'The API refused the order.');
    await expectKeyLine(<OrderFailedScreen error={error} checked={false} technicalSiteName="PARIS_01" onResend={() => {}} onRecheck={() => {}} onSendAgain={() => {}} onEdit={() => {}} onQuit={() => {}} />, 'Esc review');
  });

  it('order outcome unknown', async () => {
    const error = new BtalkError('network', 'The order for PARIS_01 may still be processing.', {outcomeUnknown: true});
    await expectKeyLine(<OrderFailedScreen error={error} checked={false} technicalSiteName="PARIS_01" onResend={() => {}} onRecheck={() => {}} onSendAgain={() => {}} onEdit={() => {}} onQuit={() => {}} />, 'q quit');
  });

  it('review with the longest values, in 15 lines: the summary scrolls, the menu and key line stay whole', async () => {
    expect(label).toHaveLength(80);
    const review = (
      <ReviewScreen
        target="default · orange-sandbox (https://api.orange.com/btalk/beta/v1)"
        customer="Compagnie Générale des Établissements Exemplaires (41002) · direct"
        vpn="VPN interconnexion sièges régionaux (id aa76e66dfc63)"
        country="France (FR)"
        customerCode="41002"
        body={longBody}
        showJson={false}
        height={15}
        customerEditable
        onSubmit={() => {}}
        onEdit={() => {}}
        onToggleJson={() => {}}
        onCancel={() => {}}
        onBack={() => {}}
      />
    );
    const {ui, frame} = await expectKeyLine(review, '↑↓ move · Enter choose · s submit · j JSON · Esc back · q cancel');
    const first = await waitForFrame(ui, (f) => /↓ \d+ more lines? below · PgUp PgDn scroll/.test(f));
    within(first, 15);
    expect(frame).toContain('Review the order');
    for (const item of ['Submit the order (s)', 'Edit customer (c)', 'Cancel (nothing is ordered) (q)']) expect(first).toContain(item);
    expect(first).not.toContain('RRRR');
    await press(ui, keys.pageDown);
    await press(ui, keys.pageDown);
    const last = await waitForFrame(ui, (f) => f.includes('R'.repeat(40)));
    within(last, 15);
    expect(last).toMatch(/↑ \d+ lines? above/);
    // The 80-character label wraps at its spaces, no line of it starting with one.
    expect(last).toContain('deuxième');
    for (const line of last.split('\n')) expect(line).not.toMatch(/^ [^ ]/);
  });

  it('done in 12 lines: the id and the key line stay, the details scroll with ↓', async () => {
    const done = (
      <DoneScreen
        placed={{voiceSiteId: 'vs0123456789', order: {orderId: 'o-1', status: 'accepted'}} as never}
        listed={{status: 'ready', value: true}}
        details={[['Technical name', 'T'.repeat(30)], ['Site label', label], ['Country', 'France (FR)'], ['VPN', 'My VPN 1 (id aa76e66dfc63)'], ['Customer', 'My Customer (9999)'], ['Order reference', 'R'.repeat(40)]]}
        orderedCount={1}
        height={12}
        onExit={() => {}}
        onRecheck={() => {}}
        onAnother={() => {}}
      />
    );
    const {ui} = await expectKeyLine(done, 'n order another site · v another, in another VPN · o another, in another country · q/Esc exit (the id stays printed)');
    const first = await waitForFrame(ui, (f) => /↓ \d+ more lines? below · ↑↓ PgUp PgDn scroll/.test(f));
    within(first, 12);
    expect(first).toContain('voiceSiteId  vs0123456789');
    for (let i = 0; i < 12; i++) await press(ui, keys.down);
    const last = await waitForFrame(ui, (f) => f.includes('Order status'));
    within(last, 12);
    expect(last).toContain('accepted');
  });
});
