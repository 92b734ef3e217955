/**
 * A terminal resized under the wizard (tmux, the built CLI): the frame is drawn again at once,
 * whole, for the new size, with nothing of the old frame left on screen. Ink 6 alone redraws only
 * in part (it clears when the width shrinks, by a count of lines the terminal has re-wrapped) and
 * React never hears of the new size; src/ui/app.tsx handles it.
 */
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {builtCli, hasTmux, openTerminal, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
if (!tmuxPresent) console.warn('wizard-resize-tmux.test.ts skipped: tmux is not installed.');

let t: Terminal | undefined;
afterAll(() => t?.close());

/**
 * The visible screen is one whole frame of `columns` x `rows`: one header, on top, each of `once`
 * shown once (nothing of an old frame), the last line free.
 */
function expectWholeFrame(screen: string, columns: number, rows: number, once = ['Coverage in France', 'Enter continue · Esc pick another']): string[] {
  const lines = screen.replace(/\n$/, '').split('\n');
  expect(lines, screen).toHaveLength(rows);
  expect(lines[0], screen).toContain('SANDBOX');
  for (const text of ['SANDBOX', ...once]) expect(screen.split(text), screen).toHaveLength(2);
  expect(lines[rows - 1], screen).toBe('');
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
  return lines;
}

describe.skipIf(!tmuxPresent)('a resize (tmux)', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  it('80x24 -> 60x20 -> 100x30: each time the whole frame for the new size, no leftovers', async () => {
    expect(existsSync(builtCli), `${builtCli} is missing: run "npm run build" first`).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'btalk-resize-'));
    t = openTerminal(`node ${JSON.stringify(builtCli)} --sandbox --vpn "My VPN 1"; echo "EXIT=$?"; sleep 60`, {CI: 'false', NO_COLOR: '1', BTALK_CONFIG_DIR: dir, XDG_STATE_HOME: dir}, {columns: 80, rows: 24});
    await t.waitFor('In which country');
    t.send('fr', {literal: true});
    await t.waitFor(/› France \(FR\)/);
    // At 80 columns the coverage takes two columns and fits.
    let screen = await t.key('Enter', /Business Talk Online +Yes +Fax calls \(analog\) +Yes/);
    expect(screen).not.toContain('more lines below');

    t.tmux('resize-window', '-t', 'main', '-x', '60', '-y', '20');
    screen = await t.waitFor(/↓ \d+ more lines below/);
    let lines = expectWholeFrame(screen, 60, 20);
    // One column now: no line of the two-column table is left.
    expect(lines.filter((l) => /Yes .*Yes/.test(l)), screen).toEqual([]);
    expect(screen).toContain('✓ Business Talk Online is available in France.');

    t.tmux('resize-window', '-t', 'main', '-x', '100', '-y', '30');
    screen = await t.waitFor(/Business Talk Online +Yes +Fax calls \(analog\) +Yes/);
    lines = expectWholeFrame(screen, 100, 30);
    expect(screen, screen).not.toContain('more lines below');
    expect(lines.filter((l) => l.includes('Business Talk Online')), screen).toHaveLength(2);

    // Still answering keys at the new size.
    await t.key('Enter', 'Name the site');
  });

  it('a narrower terminal re-wraps the old frame into more lines than Ink erases: the screen is cleared and drawn whole', async () => {
    t?.close();
    const dir = mkdtempSync(path.join(tmpdir(), 'btalk-resize-'));
    t = openTerminal(`node ${JSON.stringify(builtCli)} --sandbox; echo "EXIT=$?"; sleep 60`, {CI: 'false', NO_COLOR: '1', BTALK_CONFIG_DIR: dir, XDG_STATE_HOME: dir}, {columns: 80, rows: 24});
    let screen = await t.waitFor('2 of 2 VPNs');
    // The header, the customer's line and the key line are wider than 50 columns.
    expect(screen).toContain('type to filter · ↑↓ move · Enter choose · Esc back · Ctrl+C quit');
    t.tmux('resize-window', '-t', 'main', '-x', '50', '-y', '24');
    // The new frame, from the top-left corner: the header first, then the finished steps.
    screen = await t.waitFor(/^ SANDBOX [^\n]*\n\n✓ Access[^]*Enter choose ·\s*\nEsc back · Ctrl\+C quit/);
    expectWholeFrame(screen, 50, 24, ['Which VPN of My Customer', '✓ Customer:', '› My VPN 1', 'Ctrl+C quit']);
    await t.key('Enter', 'In which country');
  });
});
