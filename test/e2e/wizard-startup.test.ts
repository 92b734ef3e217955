/**
 * Every btalk command imports src/commands/wizard.tsx (the root program's action). Ink and React
 * take ~0.6 s to load, so that file may reach them only through a dynamic import() inside the
 * action, never through a static import, directly or via the modules it imports (read with
 * test/helpers/imports.ts).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadedAtStartup, repoRoot as root, resolveLocal} from '../helpers/imports.js';

describe('btalk startup', () => {
  it('does not load Ink, React or the wizard UI until the wizard runs', () => {
    const {packages, files} = loadedAtStartup(path.join(root, 'src/commands/wizard.tsx'));
    expect([...packages.keys()].filter((p) => p === 'ink' || p === 'react' || p.startsWith('ink-'))).toEqual([]);
    expect([...files.keys()].map((f) => path.relative(root, f)).filter((f) => f.startsWith(`src${path.sep}ui${path.sep}`))).toEqual([]);
    // The walk does see imports: commander's types are erased, but errors.ts is loaded.
    expect([...files.keys()].map((f) => path.relative(root, f))).toContain(path.join('src', 'errors.ts'));
  });

  it('still loads the wizard UI when the wizard runs (a dynamic import that resolves)', () => {
    const text = readFileSync(path.join(root, 'src/commands/wizard.tsx'), 'utf8');
    const dynamic = /import\('(\.\.\/ui\/[^']+)'\)/.exec(text)?.[1];
    expect(dynamic).toBeDefined();
    const target = resolveLocal(path.join(root, 'src/commands/wizard.tsx'), dynamic!);
    expect(loadedAtStartup(target).packages.has('ink')).toBe(true);
  });
});
