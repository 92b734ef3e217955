/** When cli.tsx starts the keyring helper before the command tree loads (secrets/keyring-warmup.ts). */
import {describe, expect, it} from 'vitest';
import {keychainLikely, keychainReadsAhead} from '../../src/secrets/keyring-warmup.js';

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

describe('keychainReadsAhead', () => {
  it('names the cached token and the secrets not given in BTALK_* variables, for the profile argv names', () => {
    expect(keychainReadsAhead(['order', '--yes'], {})).toEqual(['default:token', 'default:client-id', 'default:client-secret', 'default:api-key']);
    expect(keychainReadsAhead(['-p', 'prod', 'status'], {BTALK_API_KEY: 'k'})).toEqual(['prod:token', 'prod:client-id', 'prod:client-secret']);
    expect(keychainReadsAhead(['voicesites', '--profile=eu'], {BTALK_PROFILE: 'other'})).toEqual(['eu:token', 'eu:client-id', 'eu:client-secret', 'eu:api-key']);
    expect(keychainReadsAhead(['order'], {BTALK_PROFILE: 'ci'})[0]).toBe('ci:token');
  });

  it('names nothing for other commands, a profile written another way or refused, or secrets all from the environment', () => {
    for (const [args, env] of [
      [['login'], {}],
      [[], {}],
      [['-pprod', 'order'], {}],
      [['order', '-p', 'bad name'], {}],
      [['order', '--sandbox'], {}],
      [['order'], {BTALK_CLIENT_ID: 'i', BTALK_CLIENT_SECRET: 's', BTALK_API_KEY: 'k'}],
    ] as Array<[string[], Record<string, string>]>) {
      expect(keychainReadsAhead(args, env), args.join(' ')).toEqual([]);
    }
  });
});

