import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import type {Country} from '../../../src/api/types.js';
import {BtalkError} from '../../../src/errors.js';
import type {Loadable} from '../../../src/flow/state.js';
import {CountryScreen, rankedCountries} from '../../../src/ui/screens/country.js';
import {allCountries} from '../../../src/domain/countries.js';
import {keys, press, type, waitForFrame} from '../../helpers/ink.js';

afterEach(() => cleanup());

const france: Country = {
  name: 'France',
  iso2: 'FR',
  countryCode: '33',
  coverage: {businessTalkOnline: 'Yes', domesticEmergency: 'Yes', modemISDNCall: 'No', didNumberZone: 'Zone1', comment: 'Fax needs certified designs.'},
};
const korea: Country = {name: 'North Korea', iso2: 'KP', coverage: {businessTalkOnline: 'No'}};

function setup(props: {chosen?: string; countries?: Record<string, Loadable<Country>>; highlighted?: string}) {
  const calls: string[] = [];
  const ui = render(
    <CountryScreen
      countries={props.countries ?? {}}
      chosen={props.chosen}
      highlighted={props.highlighted}
      rows={8}
      columns={80}
      onHighlight={(iso2) => calls.push(`highlight ${iso2}`)}
      onChoose={(iso2) => calls.push(`choose ${iso2}`)}
      onAccept={() => calls.push('accept')}
      onBack={() => calls.push('back')}
      onRetry={() => calls.push('retry')}
      onQuit={() => calls.push('quit')}
    />,
  );
  return {ui, calls};
}

describe('CountryScreen', () => {
  it('lists every ISO country, filters by name or code, and reports the highlighted one', async () => {
    const {ui, calls} = setup({});
    expect(ui.lastFrame()).toContain(`${allCountries().length} of ${allCountries().length} countries`);
    await type(ui, 'ger');
    await waitForFrame(ui, '› Germany (DE)');
    await press(ui, keys.enter);
    expect(calls).toContain('highlight DE');
    expect(calls.at(-1)).toBe('choose DE');
  });

  it('marks countries whose coverage is already known', () => {
    const {ui} = setup({highlighted: 'FR', countries: {FR: {status: 'ready', value: france}}});
    expect(ui.lastFrame()).toMatch(/› France \(FR\)\s+covered/);
  });

  it('puts the United Kingdom first for "uk", and shows the French name that matched', async () => {
    const {ui, calls} = setup({});
    await type(ui, 'uk');
    const frame = await waitForFrame(ui, '› United Kingdom');
    const lines = frame.split('\n');
    const gb = lines.findIndex((l) => l.includes('United Kingdom'));
    const ua = lines.findIndex((l) => l.includes('Ukraine (UA)'));
    expect(gb).toBeGreaterThan(-1);
    expect(ua).toBeGreaterThan(gb);
    await press(ui, keys.enter);
    expect(calls.at(-1)).toBe('choose GB');
    for (let i = 0; i < 2; i++) await press(ui, keys.backspace);
    await type(ui, 'allemagne');
    await waitForFrame(ui, '› Germany (DE) · Allemagne');
  });

  it('puts an exact code first', () => {
    expect(rankedCountries(allCountries(), 'de')[0]?.iso2).toBe('DE');
    expect(rankedCountries(allCountries(), 'fr')[0]?.iso2).toBe('FR');
  });

  it('loading: names the call', () => {
    expect(setup({chosen: 'FR', countries: {FR: {status: 'loading'}}}).ui.lastFrame()).toContain('Checking coverage in France (GET /countries/FR)');
  });

  it('covered: a readable Yes/No table; Enter goes on, Esc picks another', async () => {
    const {ui, calls} = setup({chosen: 'FR', countries: {FR: {status: 'ready', value: france}}});
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('Coverage in France (FR, +33)');
    expect(frame).toMatch(/Business Talk Online\s+Yes/);
    expect(frame).toMatch(/Modem calls \(ISDN\)\s+No/);
    expect(frame).toMatch(/DID number zone\s+Zone1/);
    expect(frame).toContain('Comment: Fax needs certified designs.');
    expect(frame).toContain('✓ Business Talk Online is available in France.');
    await press(ui, keys.enter);
    await press(ui, keys.escape);
    expect(calls).toEqual(['accept', 'back']);
  });

  it('not covered: explained, and Enter leads back to the list', async () => {
    const {ui, calls} = setup({chosen: 'KP', countries: {KP: {status: 'ready', value: korea}}});
    expect((ui.lastFrame() ?? '').replace(/\s+/g, ' ')).toContain('not available in North Korea, so no voicesite can be ordered there. Pick another country.');
    await press(ui, keys.enter);
    expect(calls).toEqual(['back']);
  });

  it('failed: the error; Enter retries', async () => {
    const {ui, calls} = setup({chosen: 'FR', countries: {FR: {status: 'failed', error: new BtalkError('server', 'The server failed (500).', {api: {requestId: 'r-9'}})}}});
    expect(ui.lastFrame()).toContain('Request id: r-9');
    await press(ui, keys.enter);
    expect(calls).toEqual(['retry']);
  });
});
