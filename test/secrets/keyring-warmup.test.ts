/** When cli.tsx starts the keyring helper before the command tree loads (secrets/keyring-warmup.ts). */
import {describe, expect, it} from 'vitest';
import {keychainLikely} from '../../src/secrets/keyring-warmup.js';

const ALL_FROM_ENV = {BTALK_CLIENT_ID: 'id', BTALK_CLIENT_SECRET: 'secret', BTALK_API_KEY: 'k'.repeat(40)};

describe('keychainLikely', () => {
  it.each([
    [[], {}],
    [['order', '--vpn', 'My VPN 1', '--yes'], {}],
    [['--profile', 'prod', 'order'], {}],
    [['--profile', 'prod'], {}],
    [['status', '--json'], {}],
    [['voicesites'], {BTALK_API_KEY: 'k'.repeat(40)}],
    [['login'], ALL_FROM_ENV],
    [['logout'], ALL_FROM_ENV],
    [['profiles'], {}],
    [['doctor'], {}],
  ] as const)('starts it for %j with %j', (args, env) => {
    expect(keychainLikely(args, env)).toBe(true);
  });

  it.each([
    [['--help'], {}],
    [['order', '--help'], {}],
    [['-V'], {}],
    [['--sandbox'], {}],
    [['order', '--yes'], {BTALK_SANDBOX: '1'}],
    [['order', '--yes'], ALL_FROM_ENV],
    [[], ALL_FROM_ENV],
    [['sandbox', '--latency', '200'], {}],
    [['history', '--since', 'yesterday'], {}],
    [['completion', 'bash'], {}],
    [['completion-server'], {}],
  ] as const)('leaves it for %j with %j', (args, env) => {
    expect(keychainLikely(args, env)).toBe(false);
  });
});
