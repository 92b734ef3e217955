/**
 * Which runs send their token request before the client loads (src/token-head-start.ts): only a
 * `btalk order` that is sure to send exactly that request, built as the session's client builds it.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Command, Option} from 'commander';
import {describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../src/api/client.js';
import {proxyAgentFor} from '../src/api/proxy-agent.js';
import type {WireRequest} from '../src/api/transport.js';
import type {ClientOptions} from '../src/api/types.js';
import {sameWireRequest} from '../src/api/wire-request.js';
import {buildProgram} from '../src/program.js';
import {ORDER_FLAGS, ROOT_FLAGS} from '../src/option-flags.js';
import {HEAD_START_OPTIONS, headStartRequest, READ_OPTIONS} from '../src/token-head-start.js';
import {testRuntime, testSessions} from './helpers/session.js';

const ENV = {
  BTALK_BASE_URL: 'http://127.0.0.1:9/btalk/beta/v1',
  BTALK_CLIENT_ID: 'client id',
  BTALK_CLIENT_SECRET: 'se:cret+%',
  BTALK_API_KEY: 'k'.repeat(40),
};
const ORDER = ['order', '--json', '--yes', '--vpn', 'My VPN 1', '--country', 'FR', '--label', 'Paris office'];

describe('the token head start: when', () => {
  it('is the very request the session\'s client sends first (same URL, headers, secret, body)', async () => {
    const sent: WireRequest[] = [];
    const setup = await testSessions({
      env: ENV,
      createApi: (o) => createBusinessTalkApi({...o, exchange: async (w) => (sent.push(w), {status: 200, headers: {}, body: Buffer.from('{"access_token":"t","token_type":"Bearer","expires_in":3600}')})}),
    });
    const session = await setup.factory.open({});
    await session.api(session.credentials!).token();
    await session.close();
    const early = headStartRequest(ORDER, ENV, false, setup.runtime.version);
    expect(early).toBeDefined();
    expect(sameWireRequest(early!, sent[0]!)).toBe(true);
    expect(early!.url).toBe('http://127.0.0.1:9/oauth/v3/token');
  });

  it('takes the answers from the environment and --env for the base URL, as the run does', () => {
    const {BTALK_BASE_URL: _, ...noUrl} = ENV;
    const env = {...noUrl, BTALK_VPN: 'v', BTALK_COUNTRY: 'FR', BTALK_LABEL: 'x', BTALK_YES: '1'};
    expect(headStartRequest(['--env', 'orange', 'order'], env, false, '1')?.url).toBe('https://api.orange.com/oauth/v3/token');
    expect(headStartRequest(['order', '--base-url=https://gw.example/btalk/v1'], env, false, '1')?.url).toBe('https://gw.example/oauth/v3/token');
    // In a terminal without --yes the reads come before the question: the token is fetched too.
    expect(headStartRequest(ORDER.filter((a) => a !== '--yes'), ENV, true, '1')).toBeDefined();
  });

  const NOT: Array<[string, string[], Record<string, string>, boolean?]> = [
    ['another command', ['status'], {}],
    ['no command', ['--json'], {}],
    ['an option it does not know', [...ORDER, '--colour'], {}],
    ['an extra word', [...ORDER, 'extra'], {}],
    ['--help', [...ORDER, '--help'], {}],
    ['--yes before the command (commander refuses it there)', ['--yes', ...ORDER.filter((a) => a !== '--yes')], {}],
    ['--dry-run before the command', ['--dry-run', ...ORDER], {}],
    ['--concurrency before the command', ['--concurrency=2', ...ORDER], {}],
    ['--sandbox', [...ORDER, '--sandbox'], {}],
    ['BTALK_SANDBOX', ORDER, {BTALK_SANDBOX: '1'}],
    ['a batch (--from)', [...ORDER, '--from', 'sites.csv'], {}],
    ['a missing answer (the run stops before any request)', ORDER.slice(0, -2), {}],
    ['no --yes without a terminal (exit 2, nothing sent)', ORDER.filter((a) => a !== '--yes'), {}],
    ['a value that looks like an option', ['order', '--yes', '--vpn', '--country', 'FR', '--label', 'x'], {}],
    ['a bad --concurrency (a usage error first)', [...ORDER, '--concurrency', 'lots'], {}],
    ['BTALK_HEAD_START=0', ORDER, {BTALK_HEAD_START: '0'}],
    ['a --timeout of its own', [...ORDER, '--timeout', '5'], {}],
    ['BTALK_TIMEOUT', ORDER, {BTALK_TIMEOUT: '5'}],
    ['BTALK_MAX_BODY_MB', ORDER, {BTALK_MAX_BODY_MB: '50'}],
    ['a profile name the session refuses', [...ORDER, '-p', 'bad name'], {}],
    ['a secret from the keychain', ORDER, {BTALK_CLIENT_SECRET: ''}],
    ['no base URL or environment named (the profile decides)', ORDER, {BTALK_BASE_URL: ''}],
    ['a base URL the client refuses (plain http off loopback)', ORDER, {BTALK_BASE_URL: 'http://api.example/btalk/v1'}],
    ['an unknown --env', [...ORDER, '--env', 'nowhere'], {BTALK_BASE_URL: ''}],
  ];
  for (const [what, args, env] of NOT) {
    it(`is not sent for ${what}`, () => {
      expect(headStartRequest(ORDER, ENV, false, '1')).toBeDefined();
      expect(headStartRequest(args, {...ENV, ...env}, false, '1')).toBeUndefined();
    });
  }

  // [the proxy variables, whether the client goes direct to https://gw.example (and so the head start is sent)]
  const PROXIES: Array<[Record<string, string>, boolean]> = [
    [{}, true],
    [{HTTPS_PROXY: 'http://proxy:3128'}, false],
    [{https_proxy: 'http://proxy:3128'}, false],
    [{ALL_PROXY: 'socks://proxy'}, false],
    [{all_proxy: 'socks://proxy'}, false],
    [{HTTP_PROXY: 'http://proxy:3128', http_proxy: 'http://proxy:3128'}, true],
    [{HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'other.example, example.org'}, false],
    [{HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'gw.example:8443'}, false],
    [{HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.example'}, true],
    [{https_proxy: 'http://proxy:3128', no_proxy: 'gw.example:443'}, true],
    [{ALL_PROXY: 'socks://proxy', NO_PROXY: '*'}, true],
  ];
  it("is sent only when the session's client goes direct: the same proxy rule, for the same URL and environment", async () => {
    const env = {...ENV, BTALK_BASE_URL: 'https://gw.example/btalk/v1'};
    const cases = [...PROXIES.map(([proxies, direct]) => [{...env, ...proxies}, direct] as const), [{...ENV, HTTPS_PROXY: 'http://proxy:3128'}, true] as const];
    for (const [caseEnv, direct] of cases) {
      let built: ClientOptions | undefined;
      const setup = await testSessions({
        env: caseEnv,
        createApi: (o) => ((built = o), createBusinessTalkApi({...o, exchange: async () => ({status: 200, headers: {}, body: Buffer.from('{"access_token":"t","token_type":"Bearer","expires_in":3600}')})})),
      });
      const session = await setup.factory.open({});
      await session.api(session.credentials!).token();
      await session.close();
      const clientDirect = proxyAgentFor(built!.baseUrl, built!.proxyEnv ?? {}, {connectMs: 10_000}).agent === undefined;
      expect([caseEnv, clientDirect]).toEqual([caseEnv, direct]);
      expect([caseEnv, headStartRequest(ORDER, caseEnv, false, '1') !== undefined]).toEqual([caseEnv, direct]);
    }
  });

  it('reads each option it lists as the program declares it: declared, where, a value or a switch, under the same name', () => {
    const {program} = buildProgram(testRuntime({BTALK_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'btalk-head-start-'))}));
    const order = program.commands.find((c) => c.name() === 'order')!;
    const declared = new Map<string, {option: Option; root: boolean}>();
    for (const command of [order, program] as Command[]) {
      for (const option of command.options) {
        for (const flag of [option.short, option.long]) if (flag) declared.set(flag, {option, root: command === program});
      }
    }
    // Every listed option is read under each of its flags: none left out for a declaration it cannot read.
    expect(new Set([...HEAD_START_OPTIONS.values()].map((s) => s.key))).toEqual(new Set(READ_OPTIONS));
    for (const [flag, spec] of HEAD_START_OPTIONS) {
      // A flag commander does not accept would send the secret on a run that ends in a usage error.
      const found = declared.get(flag);
      expect([flag, found !== undefined]).toEqual([flag, true]);
      const {option, root} = found!;
      expect([flag, option.attributeName(), !root]).toEqual([flag, spec.key, spec.orderOnly]);
      expect([flag, option.required && !option.variadic]).toEqual([flag, spec.value]);
      expect([flag, option.optional]).toEqual([flag, false]);
    }
  });

  it('the program and `order` declare the options of option-flags.ts, those alone', () => {
    const {program} = buildProgram(testRuntime({BTALK_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'btalk-head-start-'))}));
    const order = program.commands.find((c) => c.name() === 'order')!;
    const flagsOf = (command: Command) => Object.fromEntries(command.options.filter((o) => o.long !== '--version').map((o) => [o.attributeName(), o.flags]));
    expect(flagsOf(program)).toEqual(ROOT_FLAGS);
    expect(flagsOf(order)).toEqual(ORDER_FLAGS);
  });
});
