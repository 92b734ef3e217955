import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import type {VoiceSite} from '../../src/api/types.js';
import type {SiteDetails} from '../../src/flow/state.js';
import {SiteScreen} from '../../src/ui/screens/site.js';
import {keys, press, type, waitForFrame} from '../helpers/ink.js';

afterEach(() => cleanup());

function setup(options: {sites?: VoiceSite[]; initial?: SiteDetails} = {}) {
  const submitted: SiteDetails[] = [];
  let backs = 0;
  const ui = render(
    <SiteScreen
      countryName="France"
      customerCode="9999"
      initial={options.initial}
      voicesites={{status: 'ready', value: options.sites ?? []}}
      now={new Date(2026, 10, 29, 14, 32)}
      onSubmit={(s) => submitted.push(s)}
      onBack={() => backs++}
    />,
  );
  return {ui, submitted, backs: () => backs};
}

describe('SiteScreen', () => {
  it('offers defaults that Enter accepts: label, derived technical name, dated reference', async () => {
    const {ui, submitted} = setup();
    expect(ui.lastFrame()).toContain('Voicesite in France');
    expect(ui.lastFrame()).toContain('btalk-20261129-1432');
    await press(ui, keys.enter);
    await press(ui, keys.enter);
    await press(ui, keys.enter);
    expect(submitted).toEqual([{customerSiteLabel: 'Voicesite in France', technicalSiteName: 'VOICESITE_IN_FRANCE', customerOrderReference: 'btalk-20261129-1432'}]);
  });

  it('derives the technical name from the label as you type', async () => {
    const {ui} = setup();
    await press(ui, '\u0015');
    await type(ui, 'Café Lyon');
    await waitForFrame(ui, 'CAFE_LYON');
  });

  it('checks the technical name as you type and will not go on while it is wrong', async () => {
    const {ui, submitted} = setup();
    await press(ui, keys.tab);
    await press(ui, '\u0015');
    await type(ui, '1a');
    const frame = await waitForFrame(ui, 'Technical site name must be');
    expect(frame).toContain('1A');
    // The whole rule is readable, wrapped rather than cut at the terminal's edge.
    expect(frame.replace(/\s+/g, ' ')).toContain('capital letters, digits, "_" or "-", starting with a letter.');
    await press(ui, keys.tab);
    await press(ui, keys.enter);
    expect(submitted).toEqual([]);
    await waitForFrame(ui, /› Technical name/);
  });

  it('warns when the technical name already exists, and picks a free default', async () => {
    const taken: VoiceSite = {voiceSiteId: 'vs-1', technicalSiteName: 'VOICESITE_IN_FRANCE', customerCode: '9999'};
    const {ui} = setup({sites: [taken]});
    expect(ui.lastFrame()).toContain('VOICESITE_IN_FRANCE_2');
    await press(ui, keys.tab);
    await press(ui, keys.backspace);
    await press(ui, keys.backspace);
    const frame = await waitForFrame(ui, 'already exists (voiceSiteId vs-1)');
    expect(frame.replace(/\s+/g, ' ')).toContain('already exists (voiceSiteId vs-1): choose another name.');
  });

  it('keeps earlier answers and goes back with Esc', async () => {
    const initial = {customerSiteLabel: 'Lyon office', technicalSiteName: 'LYON_MAIN', customerOrderReference: 'r1'};
    const {ui, backs} = setup({initial});
    expect(ui.lastFrame()).toContain('LYON_MAIN');
    await press(ui, keys.escape);
    expect(backs()).toBe(1);
  });
});
