/**
 * Every screen at 60x20 in a real terminal (tmux, the built CLI): the whole key line is shown
 * (wrapped between hints, never cut) and the header stays on the first line. One test per screen,
 * walking one wizard from screen to screen.
 */
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {builtCli, hasTmux, openTerminal, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('wizard-60x20-tmux.test.ts skipped: tmux is not installed.');

let t: Terminal;

/** The screen as one line of words: a key line wrapped over two lines reads as one. */
const flat = (screen: string) => screen.replace(/\s+/g, ' ');

/**
 * The screen shows `keys` whole and no line is wider than 60 columns; with `header`, the header is
 * still on the first line. (The coverage table, the review and the done screen are taller than 20
 * rows: there the header scrolls off, and only the key line is checked.)
 */
function expectKeyLine(screen: string, keys: string, options: {header?: boolean} = {}): void {
  expect(flat(screen), screen).toContain(keys);
  const lines = screen.split('\n');
  if (options.header ?? true) expect(lines[0], screen).toContain('SANDBOX');
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(60);
}

describe.skipIf(!tmuxPresent)('every screen at 60x20 (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  beforeAll(() => {
    expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'btalk-60x20-'));
    t = openTerminal(`node ${JSON.stringify(builtCli)} --sandbox; echo "EXIT=$?"; sleep 60`, {CI: 'false', NO_COLOR: '1', BTALK_CONFIG_DIR: dir, XDG_STATE_HOME: dir}, {columns: 60, rows: 20});
  });
  afterAll(() => t?.close());

  it('VPN list', async () => {
    const screen = await t.waitFor('2 of 2 VPNs');
    expectKeyLine(screen, 'type to filter · ↑↓ move · Enter choose · Esc back · Ctrl+C quit');
  });

  it('access check (Esc from the VPN list)', async () => {
    const screen = await t.key('Escape', 'Continue with these credentials');
    expectKeyLine(screen, '↑↓ move · Enter choose · n continue · c credentials · q quit · Esc other credentials');
  });

  it('credentials form (other credentials)', async () => {
    const screen = await t.key('c', 'Business Talk credentials');
    expectKeyLine(screen, 'Tab/↓ next · ↑ previous · ←→ Home End move in the field · Enter on the last check · Ctrl+U clear · Esc back');
    // A secret field stays on one line whatever its length.
    expect(screen.split('\n').filter((l) => l.includes('Client secret'))).toHaveLength(1);
    await t.key('Escape', 'Continue with these credentials');
    await t.key('Enter', '2 of 2 VPNs');
  });

  it('country list', async () => {
    const screen = await t.key('Enter', 'In which country');
    expectKeyLine(screen, 'Esc back · Ctrl+C quit');
  });

  it('coverage', async () => {
    t.send('fr', {literal: true});
    await t.waitFor(/› France \(FR\)/);
    const screen = await t.key('Enter', 'Business Talk Online is available in France');
    expectKeyLine(screen, 'Enter continue · Esc pick another · Ctrl+C quit', {header: false});
  });

  it('site names', async () => {
    const screen = await t.key('Enter', 'Name the site');
    expectKeyLine(screen, 'type to edit · ←→ Home End move · Tab/↓ next · Enter accept · Ctrl+U clear · Esc back');
  });

  it('review, and its JSON view', async () => {
    t.send(['Enter', 'Enter', 'Enter']);
    let screen = await t.waitFor('Review the order');
    expectKeyLine(screen, '↑↓ move · Enter choose · s submit · j JSON · Esc back · q cancel', {header: false});
    screen = await t.key('j', 'exact body');
    expectKeyLine(screen, '↑↓ move · Enter choose · s submit · j summary · Esc back · q cancel', {header: false});
  });

  it('done', async () => {
    const screen = await t.key('s', 'GET /voicesites lists the new site');
    expectKeyLine(screen, 'n order another site · v another, in another VPN · o another, in another country · q/Esc exit (the id stays printed)', {header: false});
  });
});
