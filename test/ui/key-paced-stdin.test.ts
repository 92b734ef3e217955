/**
 * The stream between the terminal and Ink: raw from the start (a key typed as the first frame
 * appears is a key, not a line the terminal echoes and holds), keys one at a time, held while no
 * screen takes them (type-ahead), Ctrl+C at once.
 */
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {CTRL_C, ESCAPE, keyPacedStdin} from '../../src/ui/key-paced-stdin.js';
import {readKeys, takes} from '../helpers/read-keys.js';

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
    stdin.claim(takes());
    expect(await readKeys(stdin, 3)).toEqual(['a', 'b', '\r']);
    stdin.dispose();
  });

  it('hands an Enter typed while btalk loaded (the terminal in line mode: "\\n") over as Enter', async () => {
    const {input} = terminal();
    const stdin = keyPacedStdin(input);
    stdin.claim(takes());
    input.write('\u001B[B\n');
    expect(await readKeys(stdin, 2)).toEqual(['\u001B[B', '\r']);
    stdin.dispose();
  });

  it('hands the Delete key over as Ctrl+D, so fields tell it from Backspace', async () => {
    const {input} = terminal();
    const stdin = keyPacedStdin(input);
    stdin.claim(takes());
    input.write('\u001B[3~\u007F');
    expect(await readKeys(stdin, 2)).toEqual(['\u0004', '\u007F']);
    stdin.dispose();
  });

  describe('type-ahead: keys no screen takes wait for the first that does', () => {
    /** Reads every key the stream hands over, as Ink does while some handler is active. */
    function reader(stdin: NodeJS.ReadableStream & {read(): unknown}) {
      const got: string[] = [];
      stdin.on('readable', () => {
        let chunk;
        while ((chunk = stdin.read()) !== null) got.push(String(chunk));
      });
      return got;
    }
    /** Lets the stream's timers run (it hands one key over per timer): for what must not arrive. */
    const settle = () => new Promise((r) => setTimeout(r, 30));
    /** Waits until `count` keys arrived (5 s at most), then a little more, so one too many would show. */
    async function arrived(got: string[], count: number): Promise<void> {
      const deadline = Date.now() + 5000;
      while (got.length < count && Date.now() < deadline) await settle();
      await settle();
    }

    it('holds them while only the Ctrl+C handler listens, then hands them over in order, one read each', async () => {
      const {input} = terminal();
      const stdin = keyPacedStdin(input, [Buffer.from('\u001B[B')]);
      const got = reader(stdin);
      stdin.claim(takes({keys: [CTRL_C]}));
      input.write('\u001B[B\r');
      input.write('fr');
      await settle();
      expect(got).toEqual([]);
      // The VPN list comes up: the early key first, then the rest as typed, across reads.
      stdin.claim(takes());
      await arrived(got, 5);
      expect(got).toEqual(['\u001B[B', '\u001B[B', '\r', 'f', 'r']);
      stdin.dispose();
    });

    it('hands a paste of many keys over whole and in order, one key per read', async () => {
      const {input} = terminal();
      const stdin = keyPacedStdin(input);
      const got = reader(stdin);
      const pasted = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(4);
      input.write(pasted);
      await settle();
      expect(got).toEqual([]);
      stdin.claim(takes());
      await arrived(got, pasted.length);
      expect(got).toEqual([...pasted]);
      stdin.dispose();
    });

    it('sends Ctrl+C at once, ahead of the keys waiting, which it drops', async () => {
      const {input} = terminal();
      const stdin = keyPacedStdin(input);
      const got = reader(stdin);
      stdin.claim(takes({keys: [CTRL_C]}));
      input.write('\u001B[B\u001B[B');
      await settle();
      input.write(`\r${CTRL_C}`);
      await arrived(got, 1);
      expect(got).toEqual([CTRL_C]);
      // Nothing typed before it is left to reach a screen.
      stdin.claim(takes());
      await settle();
      expect(got).toEqual([CTRL_C]);
      stdin.dispose();
    });

    it('keeps the order: a handler taking Esc alone takes it only once the keys before it went', async () => {
      const {input} = terminal();
      const stdin = keyPacedStdin(input);
      const got = reader(stdin);
      const release = stdin.claim(takes({keys: [ESCAPE]}));
      input.write(ESCAPE);
      await arrived(got, 1);
      expect(got).toEqual([ESCAPE]);
      input.write('\r');
      await settle();
      input.write(ESCAPE);
      await settle();
      // The Enter waits for a handler of Enter, and the Esc typed after it waits behind it.
      expect(got).toEqual([ESCAPE]);
      release();
      stdin.claim(takes());
      await arrived(got, 3);
      expect(got).toEqual([ESCAPE, '\r', ESCAPE]);
      stdin.dispose();
    });

    it('asks a claim what it takes as each key goes: narrowed on one key, it holds the next; recheck() sends it on once widened', async () => {
      const {input} = terminal();
      const stdin = keyPacedStdin(input);
      let only: readonly string[] | undefined;
      const got: string[] = [];
      stdin.on('readable', () => {
        let chunk;
        while ((chunk = stdin.read()) !== null) {
          got.push(String(chunk));
          // An Enter held by the list: from now on it takes Esc alone.
          if (String(chunk) === '\r') only = [ESCAPE];
        }
      });
      stdin.claim({keys: () => only, typedAhead: () => true});
      input.write('a\rfr');
      await arrived(got, 2);
      expect(got).toEqual(['a', '\r']);
      only = undefined;
      stdin.recheck();
      await arrived(got, 4);
      expect(got).toEqual(['a', '\r', 'f', 'r']);
      stdin.dispose();
    });

    it('a key a claim takes ahead (Esc letting go of a held Enter) passes the keys waiting before it, which it drops', async () => {
      const {input} = terminal();
      const stdin = keyPacedStdin(input);
      let holding = false;
      const got: string[] = [];
      stdin.on('readable', () => {
        let chunk;
        while ((chunk = stdin.read()) !== null) {
          got.push(String(chunk));
          if (String(chunk) === '\r') holding = true;
          if (String(chunk) === ESCAPE) holding = false;
        }
      });
      stdin.claim({keys: () => (holding ? [ESCAPE] : undefined), ahead: () => (holding ? [ESCAPE] : undefined), typedAhead: () => true});
      input.write('a\rfr');
      await arrived(got, 2);
      expect(got).toEqual(['a', '\r']);
      input.write(ESCAPE);
      await arrived(got, 3);
      expect(got).toEqual(['a', '\r', ESCAPE]);
      // The "fr" typed for the screen the Enter was to lead to is gone; what comes next is taken.
      input.write('x');
      await arrived(got, 4);
      expect(got).toEqual(['a', '\r', ESCAPE, 'x']);
      stdin.dispose();
    });

    it('drops the keys that waited when the screen they reach refuses them, and takes those typed after', async () => {
      const {input} = terminal();
      const stdin = keyPacedStdin(input);
      const got = reader(stdin);
      stdin.claim(takes({keys: [CTRL_C]}));
      input.write('\u001B[B\u001B[B\r');
      await settle();
      // "The access check failed": Try again / Enter other credentials / Quit.
      stdin.claim(takes({typedAhead: false}));
      await settle();
      expect(got).toEqual([]);
      input.write('\r');
      await arrived(got, 1);
      expect(got).toEqual(['\r']);
      stdin.dispose();
    });

    it('lets keys through at once while a screen takes them: nothing waits, nothing is refused', async () => {
      const {input} = terminal();
      const stdin = keyPacedStdin(input);
      const got = reader(stdin);
      stdin.claim(takes({typedAhead: false}));
      await settle();
      input.write('ab');
      await arrived(got, 2);
      expect(got).toEqual(['a', 'b']);
      stdin.dispose();
    });
  });
});
