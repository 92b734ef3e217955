/**
 * Every btalk command imports src/commands/wizard.tsx (the root program's action). Ink and React
 * take ~0.6 s to load, so that file may reach them only through a dynamic import() inside the
 * action, never through a static import, directly or via the modules it imports.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Modules a file imports statically at run time (type-only imports are erased by tsc). */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      // `import {type A, type B} from` is erased too.
      const bindings = clause?.namedBindings;
      const onlyTypes = clause !== undefined && !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) found.push(statement.moduleSpecifier.text);
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      found.push(statement.moduleSpecifier.text);
    }
  }
  return found;
}

/** Our .js specifier to the .ts/.tsx file it is compiled from. */
function resolveLocal(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  const file = [`${base}.ts`, `${base}.tsx`].find((f) => existsSync(f));
  if (!file) throw new Error(`Cannot resolve ${specifier} from ${from}`);
  return file;
}

/** Every package and src/ file loaded at startup by importing `entry`. */
function loadedAtStartup(entry: string): {packages: Set<string>; files: Set<string>} {
  const packages = new Set<string>();
  const files = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) queue.push(resolveLocal(file, specifier));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  }
  return {packages, files};
}

describe('btalk startup', () => {
  it('does not load Ink, React or the wizard UI until the wizard runs', () => {
    const {packages, files} = loadedAtStartup(path.join(root, 'src/commands/wizard.tsx'));
    expect([...packages].filter((p) => p === 'ink' || p === 'react' || p.startsWith('ink-'))).toEqual([]);
    expect([...files].map((f) => path.relative(root, f)).filter((f) => f.startsWith(`src${path.sep}ui${path.sep}`))).toEqual([]);
    // The walk does see imports: commander's types are erased, but errors.ts is loaded.
    expect([...files].map((f) => path.relative(root, f))).toContain(path.join('src', 'errors.ts'));
  });

  it('still loads the wizard UI when the wizard runs (a dynamic import that resolves)', () => {
    const text = readFileSync(path.join(root, 'src/commands/wizard.tsx'), 'utf8');
    const dynamic = /import\('(\.\.\/ui\/[^']+)'\)/.exec(text)?.[1];
    expect(dynamic).toBeDefined();
    const target = resolveLocal(path.join(root, 'src/commands/wizard.tsx'), dynamic!);
    expect(loadedAtStartup(target).packages).toContain('ink');
  });
});
