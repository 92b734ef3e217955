/**
 * What each command costs to start: the modules its file pulls in through static imports, read
 * from the source (test/helpers/imports.ts). Ink and React take ~0.6 s to load and the native
 * keychain library loads a shared object; a command that does not show a form or touch the
 * keychain must not pay for them (they are loaded with a dynamic import where they are used).
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadedAtStartup, srcDir} from '../helpers/imports.js';

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

describe('start-up cost of the commands', () => {
  it.each([
    'commands/login.ts',
    'commands/status.ts',
    'commands/logout.ts',
    'commands/order.ts',
    'commands/voicesites.ts',
    'commands/sandbox.ts',
    'session.ts',
    'accessible/run-accessible.ts',
    'secrets/keychain-store.ts',
  ])('%s loads neither Ink/React, the native keychain library nor the emulator at start-up', (entry) => {
    expect(heavyImports(entry)).toEqual([]);
  });

  it('the walker sees a static import of Ink and of the emulator where there is one (so the test above can fail)', () => {
    expect(heavyImports('commands/login-form.tsx').some((m) => m.startsWith('ink '))).toBe(true);
    // The tests' emulator helper imports the server statically.
    expect(heavyImports('../test/helpers/emulator.ts')).toContain('emulator/server.ts (imported by ../test/helpers/emulator.ts)');
  });
});
