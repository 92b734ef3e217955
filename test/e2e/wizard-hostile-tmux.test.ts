/**
 * The wizard against the hostile emulator account in a real terminal (tmux): names full of OSC 0
 * (title), OSC 52 (clipboard), OSC 8 (links), CSI clear and bidi controls are shown as visible
 * escapes, and the terminal is left as it was: same pane title, no paste buffer, and the summary
 * left in the scrollback carries no raw control. Needs `npm run build` first.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {franceToReview, hasTmux, openSandboxWizard, type Terminal} from '../helpers/terminal.js';

const tmuxPresent = hasTmux();
let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

describe.skipIf(!tmuxPresent)('the wizard against a hostile server, in tmux', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  it('shows the hostile names as visible escapes and leaves title, clipboard and screen alone', async () => {
    // The shell waits for a key first, so the title and the clipboard policy are set before btalk runs.
    terminal = openSandboxWizard({BTALK_SANDBOX_ACCOUNT: 'hostile'}, {prefix: 'btalk-tmux-hostile-', before: 'read _'});
    const t = terminal;
    // OSC 52 from an application becomes a paste buffer only with set-clipboard on; titles are allowed by default.
    t.tmux('set-option', '-g', 'set-clipboard', 'on');
    t.tmux('set-option', '-g', 'allow-passthrough', 'off');
    t.tmux('select-pane', '-t', 'main', '-T', 'btalk-test-title');
    const title = () => t.tmux('display-message', '-p', '-t', 'main', '#{pane_title}').trim();
    const buffers = () => t.tmux('list-buffers').trim();
    expect(title()).toBe('btalk-test-title');
    expect(buffers()).toBe('');
    t.send('Enter');

    const screen = await t.waitFor('Hostile VPN 1');
    expect(screen).toContain('\\x1b]0;PWNED\\x07');
    expect(screen).toContain('SANDBOX');
    // Through the steps to a delivered order, so the done screen and the summary are seen too.
    await franceToReview(t);
    await t.key('s', /voiceSiteId\s+vs\w+/);
    await t.key('q', 'EXIT=0');
    const after = t.screen();
    expect(after).toMatch(/voiceSiteId: vs\w+\s+\(/);
    expect(after).toContain('Hostile VPN 1 \\x1b]0;PWNED');

    expect(title()).toBe('btalk-test-title');
    expect(buffers()).toBe('');
    // The screen was not cleared: the header of the last frame and the summary are both still there.
    expect(after).toContain('EXIT=0');
    // What the pane holds, attributes included, has no character a hostile value brought in raw.
    expect(t.screenWithEscapes()).not.toMatch(/PWNED\u0007|\u009b|[\u202a-\u202e\u2066-\u2069]|\u001b\]/);
  });
});
