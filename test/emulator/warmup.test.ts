import {describe, expect, it} from 'vitest';
import {embeddedEmulatorLikely, startingAhead} from '../../src/emulator/warmup.js';
import type {EmbeddedEmulator} from '../../src/session.js';

const emulator = (baseUrl: string): EmbeddedEmulator => ({baseUrl, demo: {clientId: 'c', clientSecret: 's', apiKey: 'k'}, close: async () => {}});

describe('starting the embedded emulator ahead', () => {
  it('guesses the runs that open it: --sandbox or BTALK_SANDBOX, not help, version or the standalone emulator', () => {
    expect(embeddedEmulatorLikely(['--sandbox'], {})).toBe(true);
    expect(embeddedEmulatorLikely(['order', '--sandbox', '--vpn', 'My VPN 1'], {})).toBe(true);
    expect(embeddedEmulatorLikely([], {BTALK_SANDBOX: '1'})).toBe(true);
    expect(embeddedEmulatorLikely([], {})).toBe(false);
    expect(embeddedEmulatorLikely(['status'], {BTALK_SANDBOX: '0'})).toBe(false);
    expect(embeddedEmulatorLikely(['--sandbox', '--help'], {})).toBe(false);
    expect(embeddedEmulatorLikely(['sandbox', '--port', '8080'], {BTALK_SANDBOX: '1'})).toBe(false);
    expect(embeddedEmulatorLikely(['history', '--sandbox'], {})).toBe(false);
  });

  it('hands the one started ahead to the first default-port call only; later calls start their own', async () => {
    const started: Array<number | undefined> = [];
    const start = async (options?: {port?: number}) => {
      started.push(options?.port);
      return emulator(`fresh:${options?.port ?? 0}`);
    };
    const take = startingAhead(start, Promise.resolve(emulator('early')));
    expect((await take({port: 4000})).baseUrl).toBe('fresh:4000');
    expect((await take({port: 0})).baseUrl).toBe('early');
    expect((await take()).baseUrl).toBe('fresh:0');
    expect(started).toEqual([4000, undefined]);
  });

  it('tells the failure of the one started ahead to the call that takes it, and no one else', async () => {
    const take = startingAhead(async () => emulator('fresh'), Promise.reject(new Error('no thread')));
    await expect(take()).rejects.toThrow('no thread');
    expect((await take()).baseUrl).toBe('fresh');
  });
});
