/**
 * The bundle (`npm run build`) as it ships: dist/ copied alone into an empty folder, with only the
 * native keyring binding beside it in node_modules. If anything still reads a file of the source
 * tree or a bundled package's data at run time (package.json, a country locale), it fails here.
 */
import {execFile} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {cp, mkdir, mkdtemp, rm, symlink} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

describe('the bundle in dist/', () => {
  let dir: string;
  let cli: string;
  beforeAll(async () => {
    expect(existsSync(path.join(root, 'dist/cli.js')), 'run "npm run build" first').toBe(true);
    dir = await mkdtemp(path.join(tmpdir(), 'btalk-bundle-'));
    await cp(path.join(root, 'dist'), path.join(dir, 'dist'), {recursive: true});
    await mkdir(path.join(dir, 'node_modules/@napi-rs'), {recursive: true});
    await symlink(path.join(root, 'node_modules/@napi-rs/keyring'), path.join(dir, 'node_modules/@napi-rs/keyring'));
    cli = path.join(dir, 'dist/cli.js');
  });
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true});
  });
  const env = () => ({PATH: process.env['PATH'] ?? '', HOME: dir, BTALK_CONFIG_DIR: path.join(dir, 'config'), NO_COLOR: '1'});

  it('answers --version with the version in package.json, from a folder without package.json', async () => {
    const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string};
    const {stdout} = await run(process.execPath, [cli, '--version'], {cwd: dir, env: env()});
    expect(stdout.trim()).toBe(version);
  });

  it('prints --help, the root\'s and a command\'s (commander reads process.stdout through a require)', async () => {
    for (const args of [['--help'], ['order', '--help']]) {
      const {stdout} = await run(process.execPath, [cli, ...args], {cwd: dir, env: env()});
      expect(stdout).toMatch(/^Usage: btalk /);
    }
  });

  it('runs React in its production build and keeps the native keyring binding a run-time import', () => {
    expect(readFileSync(path.join(root, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const maps = readdirSync(path.join(root, 'dist'), {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.js.map') && !f.startsWith('bench'));
    const sources = maps.flatMap((f) => (JSON.parse(readFileSync(path.join(root, 'dist', f), 'utf8')) as {sources: string[]}).sources);
    expect(sources.some((s) => s.endsWith('react-reconciler/cjs/react-reconciler.production.js'))).toBe(true);
    expect(sources.filter((s) => s.endsWith('.development.js'))).toEqual([]);
    expect(sources.filter((s) => s.includes('@napi-rs/keyring'))).toEqual([]);
  });

  it('orders against the embedded emulator by a French country name (the locales are bundled)', async () => {
    const args = ['order', '--sandbox', '--dry-run', '--yes', '--json', '--vpn', 'My VPN 1', '--country', 'Allemagne', '--label', 'Bundle check'];
    const {stdout} = await run(process.execPath, [cli, ...args], {cwd: dir, env: env()});
    expect(stdout).toContain('"country":"DE"');
  });
});
