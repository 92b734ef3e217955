/**
 * Every runtime dependency package.json declares is used by src/: imported, loaded with import(),
 * or resolved by name for a child process. A dependency nothing uses still costs every install.
 * src/ and package.json are read when the test runs, so a dependency added later is checked too.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {importsOf, packageOf, repoRoot, sourceFiles, srcDir} from './helpers/imports.js';

/** The packages `files` load at run time (type-only imports are erased, so they do not count). */
function packagesUsedBy(files: string[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    for (const {specifier, how} of importsOf(file)) {
      const name = packageOf(specifier);
      if (name !== undefined && how !== 'type') used.add(name);
    }
  }
  return used;
}

function unused(declared: string[], used: Set<string>): string[] {
  return declared.filter((name) => !used.has(name)).sort();
}

describe('runtime dependencies', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>};
  const declared = Object.keys(manifest.dependencies ?? {});
  const used = packagesUsedBy(sourceFiles(srcDir));

  it('every package in "dependencies" is used by src/', () => {
    expect(declared.length).toBeGreaterThan(0);
    expect(unused(declared, used)).toEqual([]);
  });

  it('sees each way src/ uses a package, and reports one nothing uses (so the test above can fail)', () => {
    expect(importsOf(path.join(srcDir, 'commands/wizard.tsx'))).toContainEqual({specifier: '../ui/run-wizard.js', how: 'dynamic'});
    // The keyring library is only resolved by name, for the child process that loads it.
    expect(importsOf(path.join(srcDir, 'secrets/keyring-process.ts'))).toContainEqual({specifier: '@napi-rs/keyring', how: 'dynamic'});
    expect(used).toContain('@napi-rs/keyring');
    expect(used).toContain('zod');
    expect(unused([...declared, 'left-pad'], used)).toContain('left-pad');
  });
});
