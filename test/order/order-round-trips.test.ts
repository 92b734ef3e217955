/**
 * `btalk order` (one site or a batch) waits for as few round trips as it can: every read that
 * needs only the token goes out together, the VPNs with them when the customer is given. Watched at the API seam: which
 * calls had started before the first one answered.
 */
import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createBusinessTalkApi} from '../../src/api/client.js';
import type {BusinessTalkApi, ClientOptions} from '../../src/api/types.js';
import {EMULATOR_ACCOUNTS} from '../../src/emulator/fixtures.js';
import {useEmulator} from '../helpers/emulator.js';
import {btalk, credentialEnv, orderFlags} from './harness.js';

type Event = {call: string; at: 'start' | 'end'};

function recording(events: Event[]): (o: ClientOptions) => BusinessTalkApi {
  return (o) => {
    const api = createBusinessTalkApi({...o, maxRetryDelayMs: 10});
    const watch =
      <A extends unknown[], T>(call: string, fn: (...args: A) => Promise<T>) =>
      async (...args: A): Promise<T> => {
        events.push({call, at: 'start'});
        try {
          return await fn(...args);
        } finally {
          events.push({call, at: 'end'});
        }
      };
    return {
      baseUrl: api.baseUrl,
      token: api.token,
      me: watch('me', api.me),
      customers: watch('customers', api.customers),
      vpns: watch('vpns', api.vpns),
      country: watch('country', api.country),
      voicesites: watch('voicesites', api.voicesites),
      voicesiteNames: watch('voicesites', api.voicesiteNames),
      findVoicesites: watch('voicesites', api.findVoicesites),
      orderVoicesite: watch('order', api.orderVoicesite),
    };
  };
}

/** The calls started before any call had answered: the first round of reads. */
function firstRound(events: Event[]): string[] {
  const firstEnd = events.findIndex((e) => e.at === 'end');
  return events.slice(0, firstEnd).map((e) => e.call).sort();
}

describe('btalk order round trips', () => {
  const sandbox = useEmulator({latencyMs: 30});
  const env = () => credentialEnv(EMULATOR_ACCOUNTS.demo);

  it('with --customer: /me, customers, country, voicesites and the VPNs in one round, then the POST', async () => {
    const events: Event[] = [];
    const r = await btalk(sandbox(), ['order', ...orderFlags({'--customer': '9999'}), '--yes'], {env: env(), createApi: recording(events)});
    expect(r.code).toBe(0);
    expect(firstRound(events)).toEqual(['country', 'customers', 'me', 'voicesites', 'vpns']);
    // The POST starts once every read has answered, and each read was made once.
    const post = events.findIndex((e) => e.call === 'order' && e.at === 'start');
    expect(events.slice(0, post).filter((e) => e.at === 'end')).toHaveLength(5);
    expect(sandbox().counters.byRoute['GET /customers/:customerCode/vpns']).toBe(1);
  });

  it('without --customer: the VPNs go out as soon as the customer list names the only customer', async () => {
    const events: Event[] = [];
    const r = await btalk(sandbox(), ['order', ...orderFlags(), '--yes'], {env: env(), createApi: recording(events)});
    expect(r.code).toBe(0);
    expect(firstRound(events)).toEqual(['country', 'customers', 'me', 'voicesites']);
    const customersEnd = events.findIndex((e) => e.call === 'customers' && e.at === 'end');
    expect(events.findIndex((e) => e.call === 'vpns' && e.at === 'start')).toBeGreaterThan(customersEnd);
  });

  it('asks for the customer list first, the read the VPNs wait for', async () => {
    const events: Event[] = [];
    const r = await btalk(sandbox(), ['order', ...orderFlags(), '--yes'], {env: env(), createApi: recording(events)});
    expect(r.code).toBe(0);
    expect(events.filter((e) => e.at === 'start').map((e) => e.call)[0]).toBe('customers');
  });

  it('a customer given by code that does not exist is still refused by name, with the real list', async () => {
    const r = await btalk(sandbox(), ['order', ...orderFlags({'--customer': '1234'}), '--yes'], {env: env()});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no customer "1234"');
    expect(sandbox().counters.ordersCreated).toBe(0);
  });
});

describe('btalk order --from round trips', () => {
  const sandbox = useEmulator({latencyMs: 30});
  const env = () => credentialEnv(EMULATOR_ACCOUNTS.demo);

  async function batch(lines: string[]): Promise<{code: number; events: Event[]; stderr: string}> {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-rounds-'));
    await writeFile(path.join(dir, 'sites.csv'), lines.join('\n') + '\n');
    const events: Event[] = [];
    const r = await btalk(sandbox(), ['order', '--from', 'sites.csv', '--yes'], {env: env(), cwd: dir, createApi: recording(events)});
    return {code: r.code, events, stderr: r.stderr};
  }

  it('/me, the voicesites, the customers and every country named in one round; the VPNs once the list names the customer', async () => {
    const r = await batch(['vpn,country,site-name,label', 'My VPN 1,FR,ROUND_A1,A', 'My VPN 1,Germany,ROUND_A2,B', 'My VPN 1,FR,ROUND_A3,C']);
    expect(r.code, r.stderr).toBe(0);
    expect(firstRound(r.events)).toEqual(['country', 'country', 'customers', 'me', 'voicesites']);
    const customersEnd = r.events.findIndex((e) => e.call === 'customers' && e.at === 'end');
    expect(r.events.findIndex((e) => e.call === 'vpns' && e.at === 'start')).toBeGreaterThan(customersEnd);
    expect(sandbox().counters.byRoute['GET /customers/:customerCode/vpns']).toBe(1);
    expect(sandbox().counters.ordersCreated).toBe(3);
  });

  it('a customer column holding a code: its VPNs are read in the first round too', async () => {
    const r = await batch(['customer,vpn,country,site-name,label', '9999,My VPN 1,FR,ROUND_B1,A', '9999,My VPN 1,FR,ROUND_B2,B']);
    expect(r.code, r.stderr).toBe(0);
    expect(firstRound(r.events)).toEqual(['country', 'customers', 'me', 'voicesites', 'vpns']);
    const post = r.events.findIndex((e) => e.call === 'order' && e.at === 'start');
    expect(r.events.slice(0, post).filter((e) => e.at === 'end')).toHaveLength(5);
  });

  it('a read-only key is told so first, whatever the lists say, and nothing is sent', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-rounds-'));
    await writeFile(path.join(dir, 'sites.csv'), 'vpn,country,site-name,label\nNo such VPN,FR,ROUND_C1,A\n');
    const r = await btalk(sandbox(), ['order', '--from', 'sites.csv', '--yes'], {env: credentialEnv(EMULATOR_ACCOUNTS.demoReadonly), cwd: dir});
    expect(r.stderr).toContain('read-only');
    expect(r.stderr).not.toContain('No such VPN');
    expect(sandbox().counters.ordersCreated).toBe(0);
  });
});
