/**
 * The built CLI in a real terminal (tmux, 80x24), driven with keys to a voiceSiteId: what a person
 * sees after `npm start`. Needs `npm run build` first (the npm test script does it).
 */
import {afterEach, describe, expect, it} from 'vitest';
import {colourCodes, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {franceToReview, hasTmux, openSandboxWizard, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('wizard-tmux.test.ts skipped: tmux is not installed (.ci/run installs it).');

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

/** `btalk --sandbox` in a fresh terminal, with a config dir of its own; the shell says its exit code. */
function openWizard(env: Record<string, string> = {}): Terminal {
  terminal = openSandboxWizard(env);
  return terminal;
}

/** France and the default names, to the done screen: the first site's voiceSiteId. */
async function orderFirstSite(t: Terminal): Promise<string | undefined> {
  await t.waitFor('2 of 2 VPNs');
  await franceToReview(t);
  await t.key('s', 'GET /voicesites lists the new site');
  return /voiceSiteId\s+(vs\w+)/.exec(t.screen())?.[1];
}

describe.skipIf(!tmuxPresent)('btalk --sandbox in a real terminal (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  it('reaches a voiceSiteId with arrows, typing and Enter, and leaves it printed', async () => {
    // CI=false: Ink draws as in a terminal. chalk turns colour off whenever CI is set at all, so
    // FORCE_COLOR=1 turns it back on: without it, NO_COLOR would be honoured whatever btalk did.
    // (Node warns on stderr that it ignores NO_COLOR when FORCE_COLOR is set: not btalk's line.)
    const t = openWizard({FORCE_COLOR: '1', NO_COLOR: '1', NODE_NO_WARNINGS: '1'});
    const colours: string[] = [];
    const look = () => colours.push(...colourCodes(t.screenWithEscapes()));

    let screen = await t.waitFor('2 of 2 VPNs');
    look();
    expect(screen).toContain('SANDBOX');
    expect(screen).toContain('✓ Customer: My Customer (9999)');
    await t.key('Down', '› My VPN 2');
    await t.key('Up', '› My VPN 1');
    await t.key('Enter', 'In which country');
    t.send('france', {literal: true});
    await t.waitFor(/› France \(FR\)\s+covered/);
    look();
    screen = await t.key('Enter', 'Business Talk Online is available in France');
    look();
    expect(screen).toMatch(/Business Talk Online\s+Yes/);
    await t.key('Enter', 'Name the site');
    look();
    // Keys sent in one go reach btalk in one read, as from a quick hand or a slow SSH link: each
    // one counts, across screens too. Enter, Enter, Esc: back to the countries, France kept...
    t.send(['Enter', 'Enter', 'Escape']);
    await t.waitFor(/In which country[\s\S]*› France \(FR\)/);
    // ...then Enter five times: coverage, names, and the three fields accepted.
    t.send(['Enter', 'Enter', 'Enter', 'Enter', 'Enter']);
    await t.waitFor('Review the order');
    look();
    screen = await t.key('Enter', /voiceSiteId\s+vs\w+/);
    await t.waitFor('GET /voicesites lists the new site');
    look();
    // NO_COLOR: not one colour on any of these screens (bold and inverse remain).
    expect(colours).toEqual([]);
    const id = /voiceSiteId\s+(\S+)/.exec(screen)?.[1];
    expect(id).toBeTruthy();
    // Everything fits the 80x24 screen: the header is still on top.
    expect(t.screen().split('\n')[0]).toContain('SANDBOX');

    screen = await t.key('q', 'EXIT=');
    expect(screen).toContain(`voiceSiteId: ${id}  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)`);
    expect(screen).toContain('EXIT=0');
  });

  it('orders two sites in one run with "n", the second with the longest label, and leaves both lines', async () => {
    const t = openWizard({NO_COLOR: '1'});
    const first = await orderFirstSite(t);
    expect(first).toBeTruthy();

    let screen = await t.key('n', 'VOICESITE_IN_FRANCE_2');
    expect(screen).toContain('Name the site');
    expect(screen).toContain('✓ Country: France (FR)');
    // The longest label the rules allow: 80 characters.
    const label = 'Headquarters of the Lyon Part-Dieu business district, third floor, east wing ABC';
    expect(label).toHaveLength(80);
    t.send('C-u');
    t.send(label, {literal: true});
    await t.waitFor('HEADQUARTERS_OF_THE_LYON_PART');
    t.send(['Enter', 'Enter', 'Enter']);
    await t.waitFor('Review the order');
    // Summary and JSON view both fit 80x24: the header stays on the first line, nothing is cut.
    for (const view of ['summary', 'json']) {
      if (view === 'json') await t.key('j', 'exact body');
      screen = t.screen();
      expect(screen.split('\n')[0], screen).toContain('SANDBOX');
      expect(screen.replace(/\s+/g, '')).toContain(label.replace(/\s+/g, ''));
      expect(screen).toContain('Submit the order (s)');
    }
    await t.key('s', '2 sites ordered in this run');
    screen = await t.waitFor('GET /voicesites lists the new site');
    expect(screen.split('\n')[0]).toContain('SANDBOX');
    expect(screen.replace(/\s+/g, '')).toContain(label.replace(/\s+/g, ''));
    expect(screen).toContain('n order another site');
    const second = /voiceSiteId\s+(vs\w+)/.exec(screen)?.[1];
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    await t.key('q', 'EXIT=');
    // A summary line longer than 80 columns is wrapped by the terminal: read it whole.
    screen = t.screen({joinWrapped: true});
    expect(screen).toContain(`voiceSiteId: ${first}  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)\nvoiceSiteId: ${second}  (HEADQUARTERS_OF_THE_LYON_PART, FR, My VPN 1, customer 9999)`);
    expect(screen).toContain('EXIT=0');
  });

  it('Ctrl+C on the next site: exit 130, the delivered site still printed on stdout', async () => {
    const t = openWizard({NO_COLOR: '1'});
    const first = await orderFirstSite(t);
    await t.key('n', 'VOICESITE_IN_FRANCE_2');
    const screen = await t.key('C-c', 'EXIT=');
    expect(screen).toContain(`voiceSiteId: ${first}  (VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999)\nInterrupted: nothing more was ordered.`);
    expect(screen).toContain('EXIT=130');
  });
});
