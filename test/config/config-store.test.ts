import {mkdtemp, readFile, stat, writeFile, readdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createConfigStore, defaultConfigDir} from '../../src/config/config-store.js';
import {BtalkError} from '../../src/errors.js';

const tempDir = () => mkdtemp(path.join(tmpdir(), 'btalk-config-'));

describe('config store', () => {
  it('reads an absent file as no profiles', async () => {
    const store = createConfigStore(path.join(await tempDir(), 'not-yet'));
    expect(await store.read()).toEqual({profiles: {}});
    expect(await store.profile('default')).toBeUndefined();
  });

  it('remembers last customer and use for existing profiles only, and keeps them across a new login', async () => {
    const store = createConfigStore(await tempDir());
    expect(await store.recordUse('ghost', {lastUsedAt: '2026-12-01T10:00:00.000Z'})).toBe(false);
    expect(await store.read()).toEqual({profiles: {}});
    await store.setProfile('prod', {env: 'orange'});
    expect(await store.recordUse('prod', {lastCustomer: {code: '41002', name: 'Acme'}, lastUsedAt: '2026-12-01T10:00:00.000Z'})).toBe(true);
    await store.setProfile('prod', {baseUrl: 'https://lab.example/btalk/v1'});
    expect(await store.profile('prod')).toEqual({baseUrl: 'https://lab.example/btalk/v1', lastCustomer: {code: '41002', name: 'Acme'}, lastUsedAt: '2026-12-01T10:00:00.000Z'});
  });

  it('round-trips profiles through a 0600 file, creating the folder', async () => {
    const dir = path.join(await tempDir(), 'nested', 'btalk');
    const store = createConfigStore(dir);
    await store.setProfile('default', {env: 'orange'});
    await store.setProfile('local', {baseUrl: 'http://127.0.0.1:9/btalk/beta/v1'});
    const again = createConfigStore(dir);
    expect(await again.profile('default')).toEqual({env: 'orange'});
    expect(await again.profile('local')).toEqual({baseUrl: 'http://127.0.0.1:9/btalk/beta/v1'});
    if (process.platform !== 'win32') expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    // No temp files left behind by the atomic write.
    expect(await readdir(dir)).toEqual(['config.json']);
    expect(await again.removeProfile('local')).toBe(true);
    expect(await again.removeProfile('local')).toBe(false);
    expect(JSON.parse(await readFile(store.file, 'utf8'))).toEqual({profiles: {default: {env: 'orange'}}});
  });

  it('refuses a corrupt file, names it, and leaves it untouched on a write attempt', async () => {
    const dir = await tempDir();
    const store = createConfigStore(dir);
    const broken = '{"profiles": {"default": {"env": "orange"}'; // truncated
    await writeFile(store.file, broken);
    const error = await store.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BtalkError);
    expect((error as BtalkError).message).toContain(store.file);
    expect((error as BtalkError).message).toContain('not valid JSON');
    await expect(store.setProfile('other', {env: 'orange'})).rejects.toThrow(store.file);
    expect(await readFile(store.file, 'utf8')).toBe(broken);
  });

  it('refuses a file with an unknown environment instead of guessing', async () => {
    const store = createConfigStore(await tempDir());
    await writeFile(store.file, JSON.stringify({profiles: {default: {env: 'mars'}}}));
    await expect(store.profile('default')).rejects.toThrow(/cannot be used: unexpected content at profiles.default.env/);
  });

  it('takes BTALK_CONFIG_DIR over the platform folder', () => {
    expect(defaultConfigDir({BTALK_CONFIG_DIR: '/tmp/x-btalk'})).toBe('/tmp/x-btalk');
    expect(defaultConfigDir({})).toMatch(/btalk$/);
  });
});
