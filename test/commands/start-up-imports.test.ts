/**
 * What each command costs to start: the modules its file pulls in through static imports, read
 * from the source (test/helpers/imports.ts). Ink and React take ~0.6 s to load and the native
 * keychain library loads a shared object; a command that does not show a form or touch the
 * keychain must not pay for them (they are loaded with a dynamic import where they are used).
 * The command tree itself (program.ts and each command's definition) loads commander alone: each
 * action loads its work with import(), and the services (got, zod, the session) come from
 * services.ts the same way. test/build/start-up-chunks.test.ts checks the same in the bundle.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {importsOf, loadedAtStartup, sourceFiles, srcDir} from '../helpers/imports.js';

const HEAVY = /^(ink|ink-.*|react|react-.*|@napi-rs\/keyring)$/;
const EMULATOR = path.join(srcDir, 'emulator', 'server.ts');

function heavyImports(entry: string): string[] {
  const {packages, files} = loadedAtStartup(path.join(srcDir, entry));
  const found: string[] = [];
  for (const [name, importer] of packages) if (HEAVY.test(name)) found.push(`${name} (imported by ${importer})`);
  const emulator = files.get(EMULATOR);
  if (emulator !== undefined) found.push(`emulator/server.ts (imported by ${emulator})`);
  return found;
}

const DEFINITIONS = [
  'program.ts',
  'commands/completion.ts',
  'commands/doctor.ts',
  'commands/history.ts',
  'commands/login.ts',
  'commands/logout.ts',
  'commands/order.ts',
  'commands/profiles.ts',
  'commands/sandbox.ts',
  'commands/status.ts',
  'commands/voicesites.ts',
  'commands/wizard.tsx',
];

describe('start-up cost of the commands', () => {
  it.each(DEFINITIONS)('%s loads no package but commander at start-up, and none of the services', (entry) => {
    const {packages, files} = loadedAtStartup(path.join(srcDir, entry));
    expect([...packages.keys()].filter((name) => name !== 'commander')).toEqual([]);
    const services = ['services.ts', 'session.ts', 'api/client.ts', 'api/transport.ts'].map((f) => path.join(srcDir, f));
    expect(services.filter((f) => files.has(f)).map((f) => `${path.relative(srcDir, f)} (imported by ${files.get(f)})`)).toEqual([]);
  });

  it('every command file with a register function is in that list (a new command cannot skip it)', () => {
    const registering = sourceFiles(path.join(srcDir, 'commands'))
      .filter((f) => /export function register[A-Z]/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(srcDir, f));
    expect(registering.filter((f) => !DEFINITIONS.includes(f))).toEqual([]);
  });

  it.each([
    'commands/login.ts',
    'commands/status.ts',
    'commands/logout.ts',
    'commands/order.ts',
    'commands/voicesites.ts',
    'commands/sandbox.ts',
    'session.ts',
    'accessible/run-accessible.ts',
    'accessible/login.ts',
    'secrets/keychain-store.ts',
  ])('%s loads neither Ink/React, the native keychain library nor the emulator at start-up', (entry) => {
    expect(heavyImports(entry)).toEqual([]);
  });

  it('the walker sees a static import of Ink and of the emulator where there is one (so the tests above can fail)', () => {
    expect(loadedAtStartup(path.join(srcDir, 'services.ts')).packages.has('got')).toBe(true);
    expect(heavyImports('commands/login-form.tsx').some((m) => m.startsWith('ink '))).toBe(true);
    // The tests' emulator helper imports the server statically.
    expect(heavyImports('../test/helpers/emulator.ts')).toContain('emulator/server.ts (imported by ../test/helpers/emulator.ts)');
  });

  it("the emulator's worker (emulator/worker.ts) starts without a package, the countries' names or node:zlib: the first answer that needs them imports them", () => {
    const {packages, files} = loadedAtStartup(path.join(srcDir, 'emulator', 'worker.ts'));
    expect(files.has(EMULATOR)).toBe(true);
    expect([...packages.keys()]).toEqual([]);
    expect(files.get(path.join(srcDir, 'domain', 'countries.ts'))).toBeUndefined();
    const zlib = [...files.keys()].filter((f) => importsOf(f).some((i) => i.how === 'static' && /^(node:)?zlib$/.test(i.specifier)));
    expect(zlib.map((f) => path.relative(srcDir, f))).toEqual([]);
    expect(importsOf(path.join(srcDir, 'emulator', 'coverage.ts'))).toContainEqual({specifier: '../domain/countries.js', how: 'dynamic'});
    expect(importsOf(path.join(srcDir, 'emulator', 'faults.ts'))).toContainEqual({specifier: 'node:zlib', how: 'dynamic'});
  });
});
