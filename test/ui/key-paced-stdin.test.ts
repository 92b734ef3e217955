/**
 * The stream between the terminal and Ink: raw from the start (a key typed as the first frame
 * appears is a key, not a line the terminal echoes and holds), keys one at a time, held while no
 * screen reads.
 */
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {keyPacedStdin} from '../../src/ui/key-paced-stdin.js';
import {readKeys} from '../helpers/read-keys.js';

function terminal() {
  const modes: boolean[] = [];
  const input = Object.assign(new PassThrough(), {isTTY: true, setRawMode: (mode: boolean) => modes.push(mode)});
  return {input, modes};
}

describe('keyPacedStdin', () => {
  it('puts the terminal in raw mode as it is made, keeps it raw whatever Ink asks, and restores it at the end', () => {
    const {input, modes} = terminal();
    const stdin = keyPacedStdin(input);
    expect(modes).toEqual([true]);
    stdin.setRawMode(false);
    stdin.setRawMode(true);
    expect(modes).toEqual([true]);
    stdin.dispose();
    expect(modes).toEqual([true, false]);
  });

  it('keeps keys typed before anyone reads, then hands them over one at a time, in order', async () => {
    const {input} = terminal();
    const stdin = keyPacedStdin(input);
    input.write('ab\r');
    await new Promise((r) => setTimeout(r, 20));
    // Nobody listened yet: nothing was lost or joined.
    expect(await readKeys(stdin, 3)).toEqual(['a', 'b', '\r']);
    stdin.dispose();
  });

  it('hands an Enter typed while btalk loaded (the terminal in line mode: "\\n") over as Enter', async () => {
    const {input} = terminal();
    const stdin = keyPacedStdin(input);
    input.write('\u001B[B\n');
    expect(await readKeys(stdin, 2)).toEqual(['\u001B[B', '\r']);
    stdin.dispose();
  });

  it('hands the Delete key over as Ctrl+D, so fields tell it from Backspace', async () => {
    const {input} = terminal();
    const stdin = keyPacedStdin(input);
    input.write('\u001B[3~\u007F');
    expect(await readKeys(stdin, 2)).toEqual(['\u0004', '\u007F']);
    stdin.dispose();
  });
});
