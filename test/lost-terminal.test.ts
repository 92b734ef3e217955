import {describe, expect, it} from 'vitest';
import {guardLostTerminals, leaveRawMode} from '../src/lost-terminal.js';

/** Descriptors 0-2 as a terminal may leave them: `terminals` are terminals, `gone` hung up later. */
function fakeStdio(terminals: number[]) {
  const live = new Set(terminals);
  const replaced: number[] = [];
  return {
    hangUp: (fd: number) => live.delete(fd),
    replaced,
    probe: {isatty: (fd: number) => live.has(fd), replaceWithNull: (fd: number) => void replaced.push(fd)},
  };
}

describe('guardLostTerminals', () => {
  it('replaces only the descriptors that were terminals at start and are gone now', () => {
    const io = fakeStdio([0, 1]);
    const release = guardLostTerminals(io.probe);
    io.hangUp(0);
    io.hangUp(1);
    expect(release()).toEqual([0, 1]);
    expect(io.replaced).toEqual([0, 1]);
  });

  it('leaves a terminal that is still there, and a descriptor that never was one (a pipe, a file)', () => {
    const io = fakeStdio([0, 1]);
    const release = guardLostTerminals(io.probe);
    expect(release()).toEqual([]);
    // fd 2 was a file from the start: not a terminal now either, and not touched.
    io.hangUp(1);
    expect(release()).toEqual([1]);
    expect(io.replaced).toEqual([1]);
  });

  it('a replacement that fails does not stop the others', () => {
    const io = fakeStdio([0, 1, 2]);
    const release = guardLostTerminals({
      isatty: io.probe.isatty,
      replaceWithNull(fd) {
        if (fd === 1) throw new Error('EBADF');
        io.probe.replaceWithNull(fd);
      },
    });
    for (const fd of [0, 1, 2]) io.hangUp(fd);
    expect(release()).toEqual([0, 1, 2]);
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
