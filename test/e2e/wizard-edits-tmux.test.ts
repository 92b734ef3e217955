/**
 * Editing like a good form, in a real terminal against the built CLI (tmux): a cursor in the text
 * fields, edits from the review that come back to it, answers given up front.
 */
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {builtCli, hasTmux, openTerminal, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('wizard-edits-tmux.test.ts skipped: tmux is not installed.');

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

function open(args: string): Terminal {
  expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
  const dir = mkdtempSync(path.join(tmpdir(), 'btalk-edits-'));
  terminal = openTerminal(`node ${JSON.stringify(builtCli)} ${args}; echo "EXIT=$?"; sleep 60`, {
    CI: 'false',
    NO_COLOR: '1',
    BTALK_CONFIG_DIR: dir,
    XDG_STATE_HOME: dir,
  });
  return terminal;
}

/** The review's value for a row label, read from the screen. */
function row(screen: string, label: string): string | undefined {
  return new RegExp(`${label}\\s+(.+)`).exec(screen)?.[1]?.trim();
}

// Each wait fails after FRAME_DEADLINE_MS showing the screen, well before the test's own timeout.
describe.skipIf(!tmuxPresent)('editing in a real terminal (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  it('opens at the names with --vpn and --country done; "Paris ofice", Left x3, "f"; v + another VPN and v + Esc come back to the review', async () => {
    const t = open(`--sandbox --vpn "My VPN 1" --country FR`);
    let screen = await t.waitFor('Name the site');
    expect(screen).toContain('✓ VPN: My VPN 1 (id aa76e66dfc63)');
    expect(screen).toContain('✓ Country: France (FR)');

    t.send('C-u');
    await t.waitFor(/Site label\s+✗|Site label\s+\n/);
    t.send('Paris ofice', {literal: true});
    await t.waitFor('PARIS_OFICE');
    t.send(['Left', 'Left', 'Left']);
    t.send('f', {literal: true});
    screen = await t.waitFor('PARIS_OFFICE');
    expect(screen).toMatch(/Site label\s+Paris office ✓/);

    t.send(['Enter', 'Enter', 'Enter']);
    screen = await t.waitFor('Review the order');
    expect(row(screen, 'Site label')).toBe('Paris office');
    expect(row(screen, 'Technical name')).toBe('PARIS_OFFICE');
    expect(row(screen, 'VPN')).toBe('My VPN 1 (id aa76e66dfc63)');

    // v, the other VPN: the very next screen is the review, with the new VPN and the same names.
    await t.key('v', '› My VPN 1');
    await t.key('Down', '› My VPN 2');
    screen = await t.key('Enter', 'Review the order');
    expect(row(screen, 'VPN')).toBe('My VPN 2 (id 3a45b33edf3)');
    expect(row(screen, 'Technical name')).toBe('PARIS_OFFICE');
    expect(row(screen, 'Site label')).toBe('Paris office');
    const before = screen;

    // v, Esc: the review, unchanged.
    await t.key('v', 'Esc cancel the edit');
    screen = await t.key('Escape', 'Review the order');
    expect(screen).toBe(before);
  });

  it('btalk order --sandbox --vpn "My VPN 1" in a terminal asks for the rest', async () => {
    const t = open(`order --sandbox --vpn "My VPN 1"`);
    let screen = await t.waitFor('In which country');
    expect(screen).toContain('✓ VPN: My VPN 1 (id aa76e66dfc63)');
    t.send('fr', {literal: true});
    await t.waitFor(/› France \(FR\)/);
    await t.key('Enter', 'Business Talk Online is available in France');
    await t.key('Enter', 'Name the site');
    t.send(['Enter', 'Enter', 'Enter']);
    await t.waitFor('Review the order');
    await t.key('s', 'GET /voicesites lists the new site');
    screen = await t.key('q', 'EXIT=');
    expect(screen).toMatch(/voiceSiteId: vs\w+ {2}\(VOICESITE_IN_FRANCE, FR, My VPN 1, customer 9999\)/);
    expect(screen).toContain('EXIT=0');
  });
});
