/**
 * Every screen at 60x20 in a real terminal (tmux, the built CLI): the whole key line is shown
 * (wrapped between hints, never cut), the header stays on the first line, and the frame leaves
 * the terminal's last line free (a taller one would make Ink clear the terminal, scrollback and
 * all, on every render). Coverage, review and done are taller than 20 rows: their body scrolls
 * within the screen under a line that says what is below. One test per screen, walking one
 * wizard from screen to screen.
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
 * The screen shows `keys` whole, no line is wider than 60 columns, the header is on the first line
 * (once), the last line is free, and no line starts with a stray space or ends cut with "…".
 */
function expectKeyLine(screen: string, keys: string): void {
  expect(flat(screen), screen).toContain(keys);
  const lines = screen.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(20);
  expect(lines[0], screen).toContain('SANDBOX');
  expect(screen.match(/SANDBOX/g), screen).toHaveLength(1);
  expect(lines[19], screen).toBe('');
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(60);
  // Below the header (whose SANDBOX marker is padded on purpose).
  for (const line of lines.slice(1)) {
    expect(line, screen).not.toMatch(/^ [^ ]/);
    expect(line, screen).not.toMatch(/…$/);
  }
}

describe.skipIf(!tmuxPresent)('every screen at 60x20 (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  beforeAll(() => {
    expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'btalk-60x20-'));
    t = openTerminal(`node ${JSON.stringify(builtCli)} --sandbox; echo "EXIT=$?"; sleep 60`, {CI: 'false', NO_COLOR: '1', BTALK_CONFIG_DIR: dir, XDG_STATE_HOME: dir}, {columns: 60, rows: 20});
  });
  afterAll(() => t?.close());

  it('VPN list, the finished steps wrapped at a word, not cut', async () => {
    const screen = await t.waitFor('2 of 2 VPNs');
    expectKeyLine(screen, 'type to filter · ↑↓ move · Enter choose · Esc back · Ctrl+C quit');
    expect(screen).toContain('✓ Customer: My Customer (9999), the only customer of this\n  key\n');
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
    let screen = await t.key('Enter', /↓ \d+ more lines below/);
    expectKeyLine(screen, 'Enter continue · Esc pick another · Ctrl+C quit');
    // The table scrolls within the screen, and says so; nothing is cut unannounced.
    expect(screen).toMatch(/↓ \d+ more lines below · ↑↓ PgUp PgDn scroll/);
    expect(screen).not.toContain('DID number zone');
    t.send('End');
    screen = await t.waitFor('DID number zone');
    expectKeyLine(screen, 'Enter continue · Esc pick another · Ctrl+C quit');
    expect(screen).toMatch(/↑ \d+ lines above/);
    // The comment wraps with no space left at the start of its second line.
    expect(screen).toMatch(/\ndesigns\. Contact Product for further information\n/);
    screen = await t.key('Home', 'Business Talk Online               Yes');
    expect(screen).toMatch(/↓ \d+ more lines below/);
  });

  it('site names', async () => {
    const screen = await t.key('Enter', 'Name the site');
    expectKeyLine(screen, 'type to edit · ←→ Home End move · Tab/↓ next · Enter accept · Ctrl+U clear · Esc back');
  });

  it('review, and its JSON view', async () => {
    t.send(['Enter', 'Enter', 'Enter']);
    let screen = await t.waitFor('Review the order');
    expectKeyLine(screen, '↑↓ move · Enter choose · s submit · j JSON · Esc back · q cancel');
    // Every row of the summary and every action, the actions sharing lines.
    for (const text of ['Profile · env', 'Customer', 'VPN', 'Country', 'Technical name', 'Site label', 'Order reference', 'Submit the order (s)', 'Edit VPN (v)', 'Edit country (o)', 'Edit names and reference (n)', 'Show the JSON body (j)', 'Cancel (nothing is ordered) (q)']) {
      expect(screen).toContain(text);
    }
    screen = await t.key('j', /↓ \d+ more lines? below · PgUp PgDn scroll/);
    expect(screen).toContain('exact body');
    expectKeyLine(screen, '↑↓ move · Enter choose · s submit · j summary · Esc back · q cancel');
    screen = await t.key('PageDown', /↑ \d+ lines? above/);
    expect(screen).toContain('"vpnId"');
    expectKeyLine(screen, '↑↓ move · Enter choose · s submit · j summary · Esc back · q cancel');
    await t.key('j', 'Edit VPN (v)');
  });

  it('done', async () => {
    let screen = await t.key('s', 'GET /voicesites lists the new site');
    expectKeyLine(screen, 'n order another site · v another, in another VPN · o another, in another country · q/Esc exit (the id stays printed)');
    expect(screen).toMatch(/voiceSiteId {2}vs\w+/);
    expect(screen).toMatch(/↓ \d+ more lines? below · ↑↓ PgUp PgDn scroll/);
    screen = await t.key('End', 'Order status');
    expectKeyLine(screen, 'n order another site · v another, in another VPN · o another, in another country · q/Esc exit (the id stays printed)');
  });
});
