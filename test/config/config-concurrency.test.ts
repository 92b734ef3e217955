import {mkdtemp, readdir, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createConfigStore} from '../../src/config/config-store.js';

describe('config store under concurrent writers', () => {
  it('keeps every profile when four writers save six profiles each at once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-config-race-'));
    // One store per writer, as four btalk processes would each open their own.
    const writers = [0, 1, 2, 3].map(() => createConfigStore(dir));
    for (let round = 0; round < 6; round += 1) {
      await Promise.all(writers.map((store, w) => store.setProfile(`p${w}-${round}`, {env: 'orange'})));
    }
    const profiles = Object.keys((await createConfigStore(dir).read()).profiles).sort();
    expect(profiles).toHaveLength(24);
    expect(profiles).toContain('p3-5');
    // No lock or temp file is left behind.
    expect((await readdir(dir)).sort()).toEqual(['config.json']);
  });

  it('takes over a lock left by a writer that died, instead of waiting for ever', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-config-stale-'));
    const store = createConfigStore(dir, {staleLockMs: 200, lockWaitMs: 5_000});
    await writeFile(path.join(dir, 'config.json.lock'), '12345\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await store.setProfile('after', {env: 'orange'});
    expect(await store.profile('after')).toEqual({env: 'orange'});
  });

  it('says which lock it waited for when another writer holds it past the bound', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-config-held-'));
    const store = createConfigStore(dir, {staleLockMs: 60_000, lockWaitMs: 150});
    await writeFile(path.join(dir, 'config.json.lock'), '12345\n');
    await expect(store.setProfile('blocked', {env: 'orange'})).rejects.toThrow(/config\.json\.lock/);
    expect(await store.profile('blocked')).toBeUndefined();
  });
});
