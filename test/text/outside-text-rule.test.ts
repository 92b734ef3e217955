/**
 * The structural half of the terminal-safe rule: screens get their Text from the wrapper that
 * applies it, and only the code that writes btalk's own escape sequences unwraps a guarded stream.
 */
import {readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';
import {repoRoot, sourceFiles, srcDir} from '../helpers/imports.js';

const files = sourceFiles(srcDir).map((path) => ({path: relative(repoRoot, path), text: readFileSync(path, 'utf8')}));

describe('outside text on a terminal', () => {
  it('every Ink Text comes from src/ui/components/text.tsx', () => {
    const offenders = files
      .filter((f) => f.path !== join('src', 'ui', 'components', 'text.tsx'))
      .filter((f) => /import\s*\{[^}]*\bText\b[^}]*\}\s*from\s*'ink'/.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('only Ink renders and the progress bar write to the raw stream', () => {
    const users = files.filter((f) => /\brawStream\(/.test(f.text)).map((f) => f.path).sort();
    expect(users).toEqual(
      [join('src', 'commands', 'login-form.tsx'), join('src', 'order', 'progress.ts'), join('src', 'prepaint.ts'), join('src', 'ui', 'run-wizard.tsx')].sort(),
    );
  });

  it('no command writes JSON.stringify output to stdout or stderr', () => {
    const offenders = files.filter((f) => /\.write\([^\n]*JSON\.stringify/.test(f.text) && !f.path.includes('keyring-process')).map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});
