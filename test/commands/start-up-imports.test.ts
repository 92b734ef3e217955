/**
 * What each command costs to start: the modules its file pulls in through static imports, read
 * from the source. Ink and React take ~0.6 s to load and the native keychain library loads a
 * shared object; a command that does not show a form or touch the keychain must not pay for them
 * (they are loaded with a dynamic import where they are used). Type-only imports cost nothing and
 * are skipped; `import {type X}` still loads its module (verbatimModuleSyntax) and is counted.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type[\s{])(?:[\s\S]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveLocal(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`${path.relative(src, from)} imports ${specifier}, which does not exist`);
}

/** Every module a file loads at start-up: local files (relative to src) and packages, with who imports each. */
function staticImports(entry: string): Map<string, string> {
  const seen = new Map<string, string>([[entry, '(entry)']]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = match[1]!;
      const key = specifier.startsWith('.') ? resolveLocal(file, specifier) : specifier;
      if (seen.has(key)) continue;
      seen.set(key, path.relative(src, file));
      if (specifier.startsWith('.')) queue.push(key);
    }
  }
  return seen;
}

const HEAVY = /^(ink|ink-.*|react|react-.*|@napi-rs\/keyring)$/;
const EMULATOR = path.join(src, 'sandbox', 'server.ts');

function heavyImports(entry: string): string[] {
  const found: string[] = [];
  for (const [module, importer] of staticImports(path.join(src, entry))) {
    if (HEAVY.test(module) || module === EMULATOR) found.push(`${path.isAbsolute(module) ? path.relative(src, module) : module} (imported by ${importer})`);
  }
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
    'secrets/keychain-store.ts',
  ])('%s loads neither Ink/React, the native keychain library nor the emulator at start-up', (entry) => {
    expect(heavyImports(entry)).toEqual([]);
  });

  it('the walker sees a static import of Ink where there is one (so the test above can fail)', () => {
    expect(heavyImports('commands/login-form.tsx').some((m) => m.startsWith('ink '))).toBe(true);
  });
});
