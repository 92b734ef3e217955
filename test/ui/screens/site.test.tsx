import {cleanup, render} from 'ink-testing-library';
import {Box} from 'ink';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import type {VoiceSite} from '../../../src/api/types.js';
import type {Loadable, OrderedSite, SiteDetails} from '../../../src/flow/state.js';
import {SiteScreen} from '../../../src/ui/screens/site.js';
import {keys, press, renderPaced, type, waitForFrame} from '../../helpers/ink.js';

afterEach(() => cleanup());

function setup(options: {sites?: VoiceSite[]; initial?: SiteDetails; voicesites?: Loadable<VoiceSite[]>; ordered?: OrderedSite[]} = {}) {
  const submitted: SiteDetails[] = [];
  let backs = 0;
  const ui = render(
    <SiteScreen
      countryName="France"
      customerCode="9999"
      initial={options.initial}
      voicesites={options.voicesites ?? {status: 'ready', value: options.sites ?? []}}
      ordered={options.ordered}
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

  it('counts a site ordered in this run as taken before the list shows it, and gives a new reference', async () => {
    const first: OrderedSite = {voiceSiteId: 'vs-1', customerCode: '9999', technicalSiteName: 'VOICESITE_IN_FRANCE', customerSiteLabel: 'Voicesite in France', customerOrderReference: 'btalk-20261129-1432', summary: ''};
    const submitted: SiteDetails[] = [];
    const props = {countryName: 'France', customerCode: '9999', ordered: [first], now: new Date(2026, 10, 29, 14, 32), onSubmit: (s: SiteDetails) => submitted.push(s), onBack: () => {}};
    const ui = render(<SiteScreen {...props} voicesites={{status: 'loading'}} />);
    const frame = await waitForFrame(ui, 'VOICESITE_IN_FRANCE_2');
    expect(frame).toContain('btalk-20261129-1432-2');
    await press(ui, keys.enter);
    await press(ui, keys.enter);
    await press(ui, keys.enter);
    ui.rerender(<SiteScreen {...props} voicesites={{status: 'ready', value: []}} />);
    await waitForFrame(ui, (f) => !f.includes('Checking existing'));
    expect(submitted).toEqual([{customerSiteLabel: 'Voicesite in France 2', technicalSiteName: 'VOICESITE_IN_FRANCE_2', customerOrderReference: 'btalk-20261129-1432-2'}]);
  });

  it('says no technical name is free while the list is read, and goes to the review only once it is in', async () => {
    const submitted: SiteDetails[] = [];
    const initial = {customerSiteLabel: 'Paris', technicalSiteName: 'PARIS_HQ', customerOrderReference: 'r1'};
    const props = {countryName: 'France', customerCode: '9999', initial, now: new Date(2026, 10, 29, 14, 32), onSubmit: (s: SiteDetails) => submitted.push(s), onBack: () => {}};
    const ui = render(<SiteScreen {...props} voicesites={{status: 'loading'}} />);
    const loading = await waitForFrame(ui, 'Checking existing voicesite names');
    expect(loading).toMatch(/Technical name +PARIS_HQ *\n/);
    await press(ui, keys.enter);
    await press(ui, keys.enter);
    await press(ui, keys.enter);
    await waitForFrame(ui, 'the review follows once they are in');
    expect(submitted).toEqual([]);
    // The list says the name is taken: the form stays, at that field, and says so.
    const taken: VoiceSite = {voiceSiteId: 'vs-1', technicalSiteName: 'PARIS_HQ', customerCode: '9999'};
    ui.rerender(<SiteScreen {...props} voicesites={{status: 'ready', value: [taken]}} />);
    const frame = await waitForFrame(ui, 'already exists (voiceSiteId vs-1)');
    expect(frame).toMatch(/› Technical name/);
    expect(submitted).toEqual([]);
  });

  it('goes to the review once the list could not be read (a taken name is then caught when ordering)', async () => {
    const submitted: SiteDetails[] = [];
    const props = {countryName: 'France', customerCode: '9999', now: new Date(2026, 10, 29, 14, 32), onSubmit: (s: SiteDetails) => submitted.push(s), onBack: () => {}};
    const ui = render(<SiteScreen {...props} voicesites={{status: 'loading'}} />);
    await press(ui, keys.enter);
    await press(ui, keys.enter);
    await press(ui, keys.enter);
    expect(submitted).toEqual([]);
    ui.rerender(<SiteScreen {...props} voicesites={{status: 'failed', error: new Error('down') as never}} />);
    await waitForFrame(ui, 'Could not list existing voicesites');
    await waitForFrame(ui, () => submitted.length === 1);
    expect(submitted[0]?.technicalSiteName).toBe('VOICESITE_IN_FRANCE');
  });

  it('moves its defaults off a name the list shows once it arrives, until the person types', async () => {
    const props = {countryName: 'France', customerCode: '9999', now: new Date(2026, 10, 29, 14, 32), onSubmit: () => {}, onBack: () => {}};
    const ui = render(<SiteScreen {...props} voicesites={{status: 'loading'}} />);
    await waitForFrame(ui, 'Checking existing voicesite names');
    expect(ui.lastFrame()).toMatch(/Technical name +VOICESITE_IN_FRANCE(?!_)/);
    const taken: VoiceSite = {voiceSiteId: 'vs-1', technicalSiteName: 'VOICESITE_IN_FRANCE', customerCode: '9999'};
    ui.rerender(<SiteScreen {...props} voicesites={{status: 'ready', value: [taken]}} />);
    const frame = await waitForFrame(ui, 'VOICESITE_IN_FRANCE_2');
    expect(frame).not.toContain('already exists');
  });

  it('shows every character of an 80-character label in 80 columns, the columns kept aligned', () => {
    const label = 'Headquarters of the Lyon Part-Dieu business district, third floor, east wing ABC';
    const initial = {customerSiteLabel: label, technicalSiteName: 'HQ_LYON', customerOrderReference: 'r1'};
    const ui = render(
      <Box width={80}>
        <SiteScreen countryName="France" customerCode="9999" initial={initial} voicesites={{status: 'ready', value: []}} now={new Date()} onSubmit={() => {}} onBack={() => {}} />
      </Box>,
    );
    const frame = ui.lastFrame() ?? '';
    expect(frame.replace(/\s+/g, '')).toContain(label.replace(/\s+/g, ''));
    const lines = frame.split('\n');
    const column = (text: string) => lines.find((l) => l.includes(text))!.indexOf(text);
    expect(column("Headquarters")).toBe(column("HQ_LYON"));
  });

  it('takes three Enters that come before it had time to render (a busy machine), and submits', async () => {
    const submitted: SiteDetails[] = [];
    const ui = renderPaced(
      <SiteScreen countryName="France" customerCode="9999" voicesites={{status: 'ready', value: []}} now={new Date(2026, 10, 29, 14, 32)} onSubmit={(s) => submitted.push(s)} onBack={() => {}} />,
    );
    await waitForFrame(ui, 'Voicesite in France');
    // In one read, as btalk gets them from a quick hand: each key must see what the previous one did.
    ui.write(`${keys.enter}${keys.enter}${keys.enter}`);
    await waitForFrame(ui, () => submitted.length > 0);
    expect(submitted).toEqual([{customerSiteLabel: 'Voicesite in France', technicalSiteName: 'VOICESITE_IN_FRANCE', customerOrderReference: 'btalk-20261129-1432'}]);
  });
});
