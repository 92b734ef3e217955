/**
 * The busy line on a hand-driven clock: it names the wait, counts its seconds past 2 s on the
 * injected timers, says the bound, and shows a retry pause announced during this wait only.
 */
import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import type {WaitNotice} from '../../../src/api/wait-notice.js';
import {Busy, BusyProvider} from '../../../src/ui/components/busy.js';
import {SubmittingScreen} from '../../../src/ui/screens/submitting.js';
import {waitForFrame} from '../../helpers/ink.js';
import {manualTimers} from '../../helpers/manual-timers.js';

afterEach(() => cleanup());

/** The frame as one line (long lines wrap at the test terminal's width). */
const flat = (text: string) => (frame: string) => frame.replace(/\s+/g, ' ').includes(text);

const T0 = Date.UTC(2026, 0, 5, 13, 2, 0);

describe('Busy', () => {
  it('counts the seconds of the wait from when it began, shown past 2 s, on the injected clock', async () => {
    const time = manualTimers(T0);
    const ui = render(
      <BusyProvider value={{clock: time.clock, timers: time.timers}}>
        <Busy label="Loading VPNs of My Customer…" since={T0} />
      </BusyProvider>,
    );
    expect(ui.lastFrame()).toMatch(/Loading VPNs of My Customer…$/m);
    time.advance(1_000);
    await new Promise((r) => setImmediate(r));
    expect(ui.lastFrame()).toMatch(/Loading VPNs of My Customer…$/m);
    time.advance(3_000);
    await waitForFrame(ui, 'Loading VPNs of My Customer… 4 s');
    time.advance(8_000);
    await waitForFrame(ui, 'Loading VPNs of My Customer… 12 s');
    // One timer at a time, cancelled when the line goes.
    expect(time.pending()).toBe(1);
    ui.unmount();
    expect(time.pending()).toBe(0);
  });

  it('a wait that began before the line showed (a prefetch) counts from its start', async () => {
    const time = manualTimers(T0 + 5_000);
    const ui = render(
      <BusyProvider value={{clock: time.clock, timers: time.timers}}>
        <Busy label="Loading customers (GET /customers)…" since={T0} />
      </BusyProvider>,
    );
    expect(ui.lastFrame()).toContain('Loading customers (GET /customers)… 5 s');
  });

  it('the order POST says its bound with the seconds; the search after it does not', async () => {
    const time = manualTimers(T0);
    const screen = (checking: boolean) => (
      <BusyProvider value={{clock: time.clock, timers: time.timers}}>
        <SubmittingScreen technicalSiteName="LYON_OFFICE" customerCode="9999" mode="send" checking={checking} orderTimeoutMs={60_000} />
      </BusyProvider>
    );
    const ui = render(screen(false));
    time.advance(12_000);
    await waitForFrame(ui, flat('Sending the order for LYON_OFFICE (POST /customers/9999/orders)… 12 s, waiting up to 60 s'));
    ui.rerender(screen(true));
    // A new phase counts its own seconds.
    let frame = await waitForFrame(ui, flat('looking for LYON_OFFICE in GET /voicesites before anything else…'));
    expect(frame).not.toMatch(/\d+ s/);
    time.advance(3_000);
    frame = await waitForFrame(ui, flat('before anything else… 3 s'));
    expect(frame).not.toContain('waiting up to');
  });

  it('shows a retry pause announced during this wait, and not one from before it', async () => {
    const time = manualTimers(T0);
    const notice = (at: number): WaitNotice => ({method: 'GET', path: '/customers/9999/vpns', delayMs: 8_000, until: at + 8_000, reason: 'rate limited', asked: true, retry: 1, of: 3});
    const view = (lastWait: WaitNotice | undefined) => (
      <BusyProvider value={{clock: time.clock, timers: time.timers, lastWait}}>
        <Busy label="Loading VPNs of My Customer…" since={T0} />
      </BusyProvider>
    );
    const ui = render(view(notice(T0 - 1_000)));
    expect(ui.lastFrame()).not.toContain('asked to wait');
    const at = new Date(T0 + 2_000 + 8_000).toTimeString().slice(0, 8);
    ui.rerender(view(notice(T0 + 2_000)));
    await waitForFrame(ui, flat(`The API asked to wait 8.0 s (rate limited) before GET /customers/9999/vpns; retrying at ${at} (retry 1 of 3).`));
  });
});
