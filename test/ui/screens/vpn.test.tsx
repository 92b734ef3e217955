import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import type {Vpn} from '../../../src/api/types.js';
import {BtalkError} from '../../../src/errors.js';
import type {Loadable} from '../../../src/flow/state.js';
import {VpnScreen} from '../../../src/ui/screens/vpn.js';
import {keys, press, type, waitForFrame} from '../../helpers/ink.js';

afterEach(() => cleanup());

function screen(vpns: Loadable<Vpn[]>, calls: string[], canGoBack = true) {
  return (
    <VpnScreen
      customerName="My Customer"
      vpns={vpns}
      rows={10}
      canGoBack={canGoBack}
      onChoose={(v) => calls.push(`choose ${v.vpnId}`)}
      onBack={() => calls.push('back')}
      onRetry={() => calls.push('retry')}
      onQuit={() => calls.push('quit')}
    />
  );
}

function setup(vpns: Loadable<Vpn[]>, canGoBack = true) {
  const calls: string[] = [];
  const ui = render(screen(vpns, calls, canGoBack));
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

describe('VpnScreen while the pages arrive', () => {
  const many: Vpn[] = Array.from({length: 30}, (_, i) => ({vpnId: `id${String(i + 1).padStart(2, '0')}`, name: `Big VPN ${String(i + 1).padStart(2, '0')}`, vpnCode: String(i + 1)}));
  const soFar = (n: number): Loadable<Vpn[]> => ({status: 'loading', soFar: {value: many.slice(0, n), total: 30}});

  it('shows the rows in so far, says how many of how many, and ends the note once all are in', async () => {
    const calls: string[] = [];
    const ui = render(screen(soFar(10), calls));
    let frame = ui.lastFrame()!;
    expect(frame).toContain('Still loading: 10 of 30 VPNs loaded…');
    expect(frame).toContain('10 of the 10 VPNs so far');
    expect(frame).toContain('› Big VPN 01');
    // Moving among the rows in: the highlight stays on its VPN as more pages arrive.
    await press(ui, keys.down);
    await press(ui, keys.down);
    await waitForFrame(ui, '› Big VPN 03');
    ui.rerender(screen(soFar(20), calls));
    frame = await waitForFrame(ui, 'Still loading: 20 of 30 VPNs loaded…');
    expect(frame).toContain('› Big VPN 03');
    ui.rerender(screen({status: 'ready', value: many}, calls));
    frame = await waitForFrame(ui, '30 of 30 VPNs');
    expect(frame).not.toContain('Still loading');
    expect(frame).not.toContain('so far');
    expect(frame).toContain('› Big VPN 03');
    await press(ui, keys.enter);
    expect(calls).toEqual(['choose id03']);
  });

  it('the rows keep their lines when the last page is in: the loading line stays and says all are in', async () => {
    const calls: string[] = [];
    const ui = render(screen(soFar(20), calls));
    await press(ui, keys.down);
    const loading = (await waitForFrame(ui, '› Big VPN 02')).split('\n');
    ui.rerender(screen({status: 'ready', value: many}, calls));
    const ready = (await waitForFrame(ui, '30 of 30 VPNs')).split('\n');
    // Where each line of the list was while loading, it is once the list is whole.
    const lineOf = (lines: string[], text: string) => lines.findIndex((line) => line.includes(text));
    const shown = ['Filter:', 'Big VPN 01', '› Big VPN 02', 'Big VPN 03', 'Big VPN 07', '↓'];
    expect(shown.map((text) => lineOf(ready, text))).toEqual(shown.map((text) => lineOf(loading, text)));
    expect(shown.every((text) => lineOf(loading, text) > 0)).toBe(true);
    expect(loading[lineOf(loading, 'Still loading')]).toMatch(/^. Still loading: 20 of 30 VPNs loaded…$/);
    expect(ready[lineOf(loading, 'Still loading')]).toBe('✓ All 30 VPNs loaded.');
    expect(ready).toHaveLength(loading.length);
    expect(ready.join('\n')).not.toContain('Still loading');
  });

  it('groups the digits of every count, whether the list is in part or whole', async () => {
    const large: Vpn[] = Array.from({length: 1200}, (_, i) => ({vpnId: `id${i + 1}`, name: `Large VPN ${String(i + 1).padStart(4, '0')}`, vpnCode: String(i + 1)}));
    const calls: string[] = [];
    const ui = render(screen({status: 'loading', soFar: {value: large.slice(0, 1000), total: 1200}}, calls));
    const frame = ui.lastFrame()!;
    expect(frame).toContain('Still loading: 1,000 of 1,200 VPNs loaded…');
    expect(frame).toContain('1,000 of the 1,000 VPNs so far');
    ui.rerender(screen({status: 'ready', value: large}, calls));
    expect(await waitForFrame(ui, '1,200 of 1,200 VPNs')).toContain('✓ All 1,200 VPNs loaded.');
  });

  it('keeps the filter as pages arrive, and a filter without a match while loading does not say "no match"', async () => {
    const calls: string[] = [];
    const ui = render(screen(soFar(10), calls));
    await type(ui, 'VPN 25');
    let frame = await waitForFrame(ui, '0 of the 10 VPNs so far');
    expect(frame).toContain('None of the 10 VPNs in so far match "VPN 25"; the rest are still loading…');
    expect(frame).not.toMatch(/No VPNs match/);
    // No X-Total-Count: the count says only how many are in.
    ui.rerender(screen({status: 'loading', soFar: {value: many, total: undefined}}, calls));
    frame = await waitForFrame(ui, '1 of the 30 VPNs so far');
    expect(frame).toContain('Still loading: 30 VPNs loaded so far…');
    expect(frame).toContain('› Big VPN 25');
    ui.rerender(screen({status: 'ready', value: many}, calls));
    await waitForFrame(ui, '1 of 30 VPNs');
    await press(ui, keys.enter);
    expect(calls).toEqual(['choose id25']);
  });

  it('a later page failed: says the list is incomplete, keeps the rows choosable, Ctrl+R reads again', async () => {
    const error = new BtalkError('network', 'GET /customers/9999/vpns did not answer within 30 s.');
    const {ui, calls} = setup({status: 'failed', error, soFar: {value: many.slice(0, 10), total: 30}});
    let frame = ui.lastFrame()!;
    expect(frame).toContain('✗ GET /customers/9999/vpns did not answer within 30 s.');
    expect(frame).toContain('The list is incomplete: only 10 of 30 VPNs were read.');
    expect(frame).toContain('Ctrl+R try again');
    await type(ui, 'VPN 2');
    frame = await waitForFrame(ui, '0 of the 10 VPNs read');
    expect(frame).toContain('None of the 10 VPNs read match "VPN 2"; the list is incomplete.');
    expect(frame).not.toMatch(/No VPNs match/);
    for (let i = 0; i < 5; i++) await press(ui, keys.backspace);
    await waitForFrame(ui, '10 of the 10 VPNs read');
    await press(ui, keys.down);
    await press(ui, keys.enter);
    await press(ui, '\u0012');
    expect(calls).toEqual(['choose id02', 'retry']);
  });
});
