import {describe, expect, it} from 'vitest';
import {leaveRawMode, releaseLostTerminals} from '../src/lost-terminal.js';

type Kind = 'terminal' | 'gone' | 'null' | 'pipe' | 'closed';

/** Descriptors 0-2 as they may be as the process ends. */
function fakeStdio(kinds: [Kind, Kind, Kind]) {
  const replaced: number[] = [];
  return {
    replaced,
    probe: {
      isatty: (fd: number) => kinds[fd] === 'terminal',
      isCharacterDevice(fd: number) {
        if (kinds[fd] === 'closed') throw Object.assign(new Error('EBADF'), {code: 'EBADF'});
        return kinds[fd] === 'terminal' || kinds[fd] === 'gone' || kinds[fd] === 'null';
      },
      replaceWithNull: (fd: number) => void replaced.push(fd),
    },
  };
}

describe('releaseLostTerminals', () => {
  it('replaces each descriptor whose terminal is gone', () => {
    const io = fakeStdio(['gone', 'gone', 'gone']);
    expect(releaseLostTerminals(io.probe)).toEqual([0, 1, 2]);
    expect(io.replaced).toEqual([0, 1, 2]);
  });

  it('never touches a terminal that is still there, a pipe or a file, or a closed descriptor', () => {
    const io = fakeStdio(['terminal', 'pipe', 'closed']);
    expect(releaseLostTerminals(io.probe)).toEqual([]);
    expect(io.replaced).toEqual([]);
  });

  it('a descriptor on /dev/null is replaced by /dev/null: harmless, and nothing needs to know what it was at start', () => {
    const io = fakeStdio(['null', 'terminal', 'gone']);
    expect(releaseLostTerminals(io.probe)).toEqual([0, 2]);
  });

  it('a replacement that fails does not stop the others', () => {
    const io = fakeStdio(['gone', 'gone', 'gone']);
    const lost = releaseLostTerminals({
      ...io.probe,
      replaceWithNull(fd) {
        if (fd === 1) throw new Error('EMFILE');
        io.probe.replaceWithNull(fd);
      },
    });
    expect(lost).toEqual([0, 1, 2]);
    expect(io.replaced).toEqual([0, 2]);
  });
});

describe('leaveRawMode', () => {
  it('turns raw mode off', () => {
    const modes: boolean[] = [];
    leaveRawMode({setRawMode: (mode: boolean) => modes.push(mode)});
    expect(modes).toEqual([false]);
  });

  it('a terminal that is gone (setRawMode throws EIO) ends nothing', () => {
    const eio = Object.assign(new Error('setRawMode EIO'), {code: 'EIO'});
    expect(() =>
      leaveRawMode({
        setRawMode: () => {
          throw eio;
        },
      }),
    ).not.toThrow();
  });
});
