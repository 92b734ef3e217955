/** The wizard's first frame, painted before the command tree and Ink load (src/prepaint.ts). */
import {Writable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {clearedBeforeWrite, clearPrepaint, prepaintWizard, runsLoginForm, runsWizard} from '../src/prepaint.js';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return {stream, text: () => text};
}

describe('prepaint', () => {
  it('knows btalk login\'s form (root options around the word login), and nothing else, as a run that reads keys ahead', () => {
    for (const argv of [['login'], ['login', '--profile', 'prod'], ['-p', 'lab', 'login', '--env', 'orange'], ['--base-url=http://127.0.0.1:1/btalk/beta/v1', 'login'], ['-p', 'login', 'login']]) {
      expect(runsLoginForm(argv, {}, true), argv.join(' ')).toBe(true);
    }
    for (const argv of [['login', '--json'], ['login', '--accessible'], ['login', '--help'], ['login', 'extra'], ['status'], [], ['-p', 'login'], ['login', '--bogus']]) {
      expect(runsLoginForm(argv, {}, true), argv.join(' ')).toBe(false);
    }
    expect(runsLoginForm(['login'], {}, false)).toBe(false);
    expect(runsLoginForm(['login'], {BTALK_ACCESSIBLE: '1'}, true)).toBe(false);
    expect(runsLoginForm(['login'], {CI: 'true'}, true)).toBe(false);
  });

  it('knows the wizard from its arguments: global options only, no subcommand, no help or version', () => {
    expect(runsWizard([])).toEqual({sandbox: false});
    expect(runsWizard(['--sandbox', '--profile', 'prod'])).toEqual({sandbox: true, profile: 'prod'});
    expect(runsWizard(['-p', 'prod', '--debug', '--base-url=http://127.0.0.1:8080/btalk/beta/v1'])).toEqual({sandbox: false, profile: 'prod'});
    // The answers given up front and the time bounds are the wizard's options too.
    expect(runsWizard(['--sandbox', '--vpn', 'My VPN 1', '--country', 'FR'])).toEqual({sandbox: true});
    expect(runsWizard(['--customer', '9999', '--site-name=PARIS_01', '--label', 'Paris', '--reference', 'PO-1', '--timeout', '60', '--order-timeout', '90'])).toEqual({sandbox: false});
    for (const argv of [['order'], ['status', '--json'], ['--help'], ['-h'], ['--version'], ['--bogus'], ['--profile'], ['--sandbox=yes'], ['stauts'], ['--vpn'], ['--accessible'], ['--country', 'FR', 'order']]) {
      expect(runsWizard(argv), argv.join(' ')).toBeUndefined();
    }
  });

  it('paints the header and the access check, in plain text under NO_COLOR, and Ink takes the lines back', () => {
    const out = sink();
    const painted = prepaintWizard(['--sandbox', '-p', 'prod'], {NO_COLOR: '1'}, out.stream, true);
    expect(out.text()).toBe(' SANDBOX  btalk · profile prod\n\n⠋ Checking access (token, then GET /me)…\n');
    expect(painted).toEqual({lines: 3});
    clearPrepaint(painted, out.stream);
    expect(out.text().endsWith('\u001B[3F\u001B[0J')).toBe(true);
    // Once only: a second clear (after an error, say) erases nothing more.
    const length = out.text().length;
    clearPrepaint(painted, out.stream);
    expect(out.text()).toHaveLength(length);
  });

  it('paints nothing without a terminal, under CI (Ink then writes only its last frame), or for another command', () => {
    const out = sink();
    expect(prepaintWizard([], {}, out.stream, false)).toBeUndefined();
    expect(prepaintWizard([], {CI: 'true'}, out.stream, true)).toBeUndefined();
    expect(prepaintWizard(['status'], {}, out.stream, true)).toBeUndefined();
    expect(out.text()).toBe('');
    expect(prepaintWizard([], {CI: 'false', BTALK_PROFILE: 'ops\u001B[31m'}, out.stream, true)).toEqual({lines: 3});
    // A profile name from the environment cannot put escapes on the screen.
    expect(out.text()).toContain('profile ops??31m');
    expect(out.text()).not.toContain('\u001B[31m');
  });

  it('a note on stderr before Ink takes the painted lines away first, so it stays whole', () => {
    const out = sink();
    const err = sink();
    const painted = prepaintWizard([], {NO_COLOR: '1'}, out.stream, true)!;
    const stderr = clearedBeforeWrite(err.stream, painted, out.stream);
    stderr.write('Note: the stored API key is treated as missing.\n');
    expect(out.text().endsWith('\u001B[3F\u001B[0J')).toBe(true);
    expect(err.text()).toBe('Note: the stored API key is treated as missing.\n');
    expect(painted.lines).toBe(0);
    // Nothing more is erased: Ink's frame goes below the note.
    const length = out.text().length;
    stderr.write('second\n');
    clearPrepaint(painted, out.stream);
    expect(out.text()).toHaveLength(length);
    expect(stderr.writable).toBe(true);
  });
});
