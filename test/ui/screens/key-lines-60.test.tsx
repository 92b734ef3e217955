/** The screens a sandbox walk does not reach, at 60x20: each shows its whole key line (wrapped between hints, never cut). */
import React from 'react';
import {describe, expect, it} from 'vitest';
import {BtalkError} from '../../../src/errors.js';
import {CustomerScreen} from '../../../src/ui/screens/customer.js';
import {OrderFailedScreen} from '../../../src/ui/screens/order-failed.js';
import {SubmittingScreen} from '../../../src/ui/screens/submitting.js';
import {renderPaced, waitForFrame} from '../../helpers/ink.js';

const flat = (frame: string) => frame.replace(/\s+/g, ' ');
const size = {columns: 60, rows: 20};

async function expectKeyLine(element: React.ReactElement, keys: string): Promise<void> {
  const ui = renderPaced(element, size);
  const frame = await waitForFrame(ui, (f) => flat(f).includes(keys));
  for (const line of frame.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
}

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
});
