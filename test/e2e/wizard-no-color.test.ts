/**
 * NO_COLOR (https://no-color.org): not one colour escape on any screen of a whole walk, from the
 * credentials form (with a refusal) to the voiceSiteId. With colours allowed, the same walk has them.
 */
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {themeFor, type Theme} from '../../src/ui/theme.js';
import {colourCodes, withChalkColours, keys, press, type, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {startWizard} from './wizard-harness.js';

afterEach(() => cleanup());

describe('wizard colours', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();
  withChalkColours();

  async function walk(theme: Theme): Promise<string> {
    const s = sandbox();
    const w = startWizard(s, {credentials: undefined, theme});
    // Keys go to the UI; frames are read without their escapes (bold and dim stay on under NO_COLOR).
    const ui = {...w.ui, lastFrame: () => (w.ui.lastFrame() ?? '').replace(/\u001B\[[0-9;]*m/g, '')};
    await waitForFrame(ui, 'Client ID');
    await type(ui, s.demo.clientId);
    await press(ui, keys.enter);
    await type(ui, 'wrong');
    await press(ui, keys.enter);
    await press(ui, s.demo.apiKey);
    await press(ui, keys.enter);
    await waitForFrame(ui, 'was refused');
    await press(ui, s.demo.clientSecret);
    await press(ui, keys.enter);
    await press(ui, keys.enter);
    await waitForFrame(ui, '2 of 2 VPNs');
    await press(ui, keys.enter);
    await type(ui, 'aq');
    await waitForFrame(ui, /Antarctica \(AQ\)\s+not covered/);
    await press(ui, keys.enter);
    await waitForFrame(ui, 'not available in Antarctica');
    await press(ui, keys.escape);
    await press(ui, '\u0015');
    await type(ui, 'FR');
    await waitForFrame(ui, /France \(FR\)\s+covered/);
    await press(ui, keys.enter);
    await waitForFrame(ui, 'available in France');
    await press(ui, keys.enter);
    await waitForFrame(ui, 'Name the site');
    await press(ui, keys.tab);
    await press(ui, '\u0015');
    await waitForFrame(ui, 'Technical site name is required');
    await type(ui, 'LYON');
    await press(ui, keys.enter);
    await press(ui, keys.enter);
    await waitForFrame(ui, 'Review the order');
    await press(ui, 's');
    await waitForFrame(ui, 'GET /voicesites lists the new site');
    return w.ui.frames.join('\n');
  }

  it('prints no colour at all under NO_COLOR, on any screen', async () => {
    const frames = await walk(themeFor({NO_COLOR: '1'}));
    expect(frames).toContain('voiceSiteId');
    expect(colourCodes(frames)).toEqual([]);
  });

  it('uses colours when they are allowed (so the check above can see them)', async () => {
    expect(colourCodes(await walk(themeFor({})))).not.toEqual([]);
  });
});
