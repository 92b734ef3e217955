import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import type {Vpn} from '../../../src/api/types.js';
import {BtalkError} from '../../../src/errors.js';
import type {Loadable} from '../../../src/flow/state.js';
import {VpnScreen} from '../../../src/ui/screens/vpn.js';
import {keys, press, type, waitForFrame} from '../../helpers/ink.js';

afterEach(() => cleanup());

function setup(vpns: Loadable<Vpn[]>, canGoBack = true) {
  const calls: string[] = [];
  const ui = render(
    <VpnScreen
      customerName="My Customer"
      vpns={vpns}
      rows={10}
      canGoBack={canGoBack}
      onChoose={(v) => calls.push(`choose ${v.vpnId}`)}
      onBack={() => calls.push('back')}
      onRetry={() => calls.push('retry')}
      onQuit={() => calls.push('quit')}
    />,
  );
  return {ui, calls};
}

const vpns: Vpn[] = [
  {vpnId: 'aa76e66dfc63', name: 'My VPN 1', vpnCode: '1'},
  {vpnId: '3a45b33edf3', name: 'My VPN 2', vpnCode: '2'},
];

describe('VpnScreen', () => {
  it('loading: a spinner naming the call', () => {
    expect(setup({status: 'loading'}).ui.lastFrame()).toContain('Loading VPNs');
  });

  it('failed: the error and retry / quit', async () => {
    const {ui, calls} = setup({status: 'failed', error: new BtalkError('rate-limited', 'Too many requests.', {api: {code: 53}})});
    expect(ui.lastFrame()).toContain('✗ Too many requests.');
    expect(ui.lastFrame()).toContain('API: code 53');
    await press(ui, keys.enter);
    await press(ui, 'q');
    expect(calls).toEqual(['retry', 'quit']);
  });

  it('empty: says the customer has no VPN', () => {
    expect(setup({status: 'ready', value: []}).ui.lastFrame()).toContain('My Customer has no VPN');
  });

  it('ready: filters by id or code, chooses with Enter, Esc goes back', async () => {
    const {ui, calls} = setup({status: 'ready', value: vpns});
    expect(ui.lastFrame()).toContain('2 of 2 VPNs');
    expect(ui.lastFrame()).toContain('Esc back');
    await type(ui, '3a45');
    await waitForFrame(ui, '1 of 2 VPNs');
    await press(ui, keys.enter);
    await press(ui, keys.escape);
    expect(calls).toEqual(['choose 3a45b33edf3', 'back']);
  });

  it('counts one VPN in the singular', async () => {
    const {ui} = setup({status: 'ready', value: [vpns[0]!]});
    expect(ui.lastFrame()).toMatch(/1 of 1 VPN$/m);
    await type(ui, 'zz');
    await waitForFrame(ui, /0 of 1 VPN$/m);
  });

  it('does not offer Esc when there is no step to go back to', async () => {
    const {ui, calls} = setup({status: 'ready', value: vpns}, false);
    expect(ui.lastFrame()).not.toContain('Esc back');
    await press(ui, keys.escape);
    expect(calls).toEqual([]);
  });
});
