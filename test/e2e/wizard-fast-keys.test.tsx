/**
 * Keys that reach the program in one read (Enter pressed three times quickly, "fr⏎" typed while
 * the UI was busy, a slow SSH link) each count, in order: the wizard under Ink's own render(), fed
 * through the same one-key-at-a-time stdin as `btalk`, against the emulator.
 */
import {PassThrough, Writable} from 'node:stream';
import {render} from 'ink';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {keyPacedStdin, splitKeys, type PacedStdin} from '../../src/ui/key-paced-stdin.js';
import {App} from '../../src/ui/app.js';
import {themeFor} from '../../src/ui/theme.js';
import {keys, waitForFrame, WIZARD_TEST_TIMEOUT_MS} from '../helpers/ink.js';
import {useEmulator} from '../helpers/emulator.js';
import {startTestFlow} from '../helpers/wizard-flow.js';
import {emulatorSession} from './wizard-harness.js';

describe('splitKeys', () => {
  it('splits a read into keys, keeping escape sequences whole', () => {
    expect(splitKeys('fr\r')).toEqual(['f', 'r', '\r']);
    expect(splitKeys('\r\r\r')).toEqual(['\r', '\r', '\r']);
    expect(splitKeys('\u001B[B\u001B[B\r')).toEqual(['\u001B[B', '\u001B[B', '\r']);
    expect(splitKeys('\u001B[6~\u001B\u007F')).toEqual(['\u001B[6~', '\u001B\u007F']);
    expect(splitKeys('\u001B')).toEqual(['\u001B']);
    expect(splitKeys('é😀')).toEqual(['é', '😀']);
  });
});

/** A terminal of our own: what Ink writes (debug mode: whole frames), keys in as raw bytes. */
function fakeTerminal() {
  const frames: string[] = [];
  const stdout = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        frames.push(String(chunk));
        done();
      },
    }),
    {columns: 100, rows: 40, isTTY: true},
  );
  const input = Object.assign(new PassThrough(), {isTTY: true, setRawMode: () => undefined});
  return {stdout, input, frames, lastFrame: () => frames.at(-1) ?? ''};
}

describe('wizard: keys that arrive together', {timeout: WIZARD_TEST_TIMEOUT_MS}, () => {
  const sandbox = useEmulator();
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('takes "france⏎" and three Enters in one read each, as a person typed them, up to the review', async () => {
    const s = sandbox();
    const session = emulatorSession(s);
    const terminal = fakeTerminal();
    const stdin: PacedStdin = keyPacedStdin(terminal.input);
    const flow = startTestFlow(session);
    const instance = render(<App session={session} clock={() => Date.now()} theme={themeFor({NO_COLOR: '1'})} onExit={() => {}} flow={flow} />, {
      stdin: stdin as unknown as NodeJS.ReadStream,
      stdout: terminal.stdout as unknown as NodeJS.WriteStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    stop = () => {
      instance.unmount();
      stdin.dispose();
    };

    await waitForFrame(terminal, '2 of 2 VPNs');
    // ↓ ↓ ⏎ in one read: the cursor moves twice (one stop at the end of the list), then chooses.
    terminal.input.write(`${keys.down}${keys.down}${keys.enter}`);
    let frame = await waitForFrame(terminal, 'In which country');
    expect(frame).toContain('✓ VPN: My VPN 2');
    terminal.input.write('france\r');
    frame = await waitForFrame(terminal, /Coverage in France|Checking coverage in France/);
    await waitForFrame(terminal, 'Business Talk Online is available in France');
    terminal.input.write(keys.enter);
    await waitForFrame(terminal, 'Name the site');
    terminal.input.write('\r\r\r');
    frame = await waitForFrame(terminal, 'Review the order');
    expect(frame).toContain('VOICESITE_IN_FRANCE');
    expect(frame).toContain('My VPN 2 (id 3a45b33edf3)');
  });
});
