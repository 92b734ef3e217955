import {describe, expect, it} from 'vitest';
import type {ProfileUsage} from '../../src/config/config-store.js';
import {createUsageWriter} from '../../src/config/usage-writer.js';
import type {Timers} from '../../src/timers.js';
import {testRuntime, testSessions} from '../helpers/session.js';

/** Timers a test advances by hand: `fire()` runs every callback due so far. */
function manualTimers(): Timers & {pending(): number; fire(): void} {
  let waiting: Array<() => void> = [];
  return {
    after(_ms, callback) {
      waiting.push(callback);
      return () => {
        waiting = waiting.filter((c) => c !== callback);
      };
    },
    pending: () => waiting.length,
    fire() {
      const due = waiting;
      waiting = [];
      for (const c of due) c();
    },
  };
}

/** A recordUse whose writes finish when the test says so. */
function slowConfig() {
  const writes: ProfileUsage[] = [];
  const finishers: Array<(ok: boolean) => void> = [];
  return {
    writes,
    inFlight: () => finishers.length,
    finish(ok = true) {
      finishers.shift()?.(ok);
    },
    recordUse(_name: string, usage: ProfileUsage) {
      writes.push(usage);
      return new Promise<boolean>((resolve, reject) => finishers.push((ok) => (ok ? resolve(true) : reject(new Error('config locked')))));
    },
  };
}

const use = (code: string): ProfileUsage => ({lastCustomer: {code}, lastUsedAt: `2026-12-01T10:00:0${code}.000Z`});
const tick = () => new Promise((r) => setImmediate(r));

describe('the profile usage writer', () => {
  it('writes the first use at once, merges the uses noted while it writes and while it rests, and writes the newest', async () => {
    const config = slowConfig();
    const timers = manualTimers();
    const writer = createUsageWriter(config, 'ops', timers, 1000);
    writer.note(use('1'));
    expect(config.writes).toEqual([use('1')]);
    for (const c of ['2', '3', '4']) writer.note(use(c));
    expect(config.writes).toHaveLength(1);
    config.finish();
    await tick();
    // Resting: nothing is written until the pause ends, whatever is noted meanwhile.
    writer.note(use('5'));
    expect(config.writes).toHaveLength(1);
    expect(timers.pending()).toBe(1);
    timers.fire();
    expect(config.writes).toEqual([use('1'), use('5')]);
    config.finish();
    await tick();
    timers.fire();
    // Nothing noted since: no write.
    expect(config.writes).toHaveLength(2);
  });

  it('flush writes what is pending without waiting for the pause, and resolves once it is written', async () => {
    const config = slowConfig();
    const timers = manualTimers();
    const writer = createUsageWriter(config, 'ops', timers, 60_000);
    writer.note(use('1'));
    config.finish();
    await tick();
    writer.note(use('2'));
    let flushed = false;
    const flushing = writer.flush().then(() => (flushed = true));
    await tick();
    expect(config.writes).toEqual([use('1'), use('2')]);
    expect(flushed).toBe(false);
    config.finish();
    await flushing;
    // Nothing left behind to keep the process alive.
    expect(timers.pending()).toBe(0);
  });

  it('a failed write is not an error and does not stop later ones', async () => {
    const config = slowConfig();
    const timers = manualTimers();
    const writer = createUsageWriter(config, 'ops', timers, 1000);
    writer.note(use('1'));
    config.finish(false);
    await tick();
    writer.note(use('2'));
    const flushing = writer.flush();
    await tick();
    config.finish();
    await expect(flushing).resolves.toBeUndefined();
    expect(config.writes).toEqual([use('1'), use('2')]);
  });
});

describe('a session remembers the last customer it ordered for', () => {
  it('after many orders, by the time the session is closed', async () => {
    const env = {BTALK_CLIENT_ID: 'env-id', BTALK_CLIENT_SECRET: 'env-secret', BTALK_API_KEY: 'a'.repeat(40)};
    const {factory, config} = await testSessions({runtime: testRuntime(env)});
    await config.setProfile('ops', {env: 'orange'});
    const session = await factory.open({profile: 'ops'});
    const attempt = (code: string, outcome: 'ordered' | 'refused') => ({
      source: 'batch' as const,
      customer: {code, name: `Customer ${code}`},
      vpn: {id: 'v1'},
      country: 'FR',
      technicalSiteName: `SITE_${code}`,
      customerSiteLabel: 'x',
      customerOrderReference: 'PO',
      outcome,
      requestIds: [],
    });
    await Promise.all(['41001', '41002', '41003'].map((code) => session.recordOrder(attempt(code, 'ordered'))));
    // A refused order is not a use of that customer.
    await session.recordOrder(attempt('49999', 'refused'));
    await session.close();
    expect((await config.profile('ops'))?.lastCustomer).toEqual({code: '41003', name: 'Customer 41003'});
    expect((await config.profile('ops'))?.env).toBe('orange');
  });
});
