/**
 * What a source file loads, read with the TypeScript parser (the same one that compiles it), so
 * tests about start-up cost and declared dependencies share one reading of an import.
 *
 * Under verbatimModuleSyntax only `import type ...` / `export type ...` is erased: `import {type X}
 * from 'm'` compiles to `import {} from 'm'` and still loads `m` at run time.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const srcDir = path.join(repoRoot, 'src');

export interface ImportSite {
  specifier: string;
  /** static: loaded when the file loads; dynamic: `import()` or a module resolved by name at run time; type: erased. */
  how: 'static' | 'dynamic' | 'type';
}

function stringArgument(call: ts.CallExpression): string | undefined {
  const first = call.arguments[0];
  return first !== undefined && ts.isStringLiteralLike(first) ? first.text : undefined;
}

/** Every module `file` names: imports, re-exports, `import()`, `require()` and `require.resolve()`. */
export function importsOf(file: string): ImportSite[] {
  const cached = parsed.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: ImportSite[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({specifier: node.moduleSpecifier.text, how: node.importClause?.isTypeOnly ? 'type' : 'static'});
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({specifier: node.moduleSpecifier.text, how: node.isTypeOnly ? 'type' : 'static'});
    } else if (ts.isCallExpression(node)) {
      const specifier = stringArgument(node);
      const callee = node.expression;
      const byName =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) && callee.name.text === 'resolve' && specifier !== undefined && !specifier.startsWith('.') && !path.isAbsolute(specifier) && specifier !== '');
      if (specifier !== undefined && byName) found.push({specifier, how: 'dynamic'});
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsed.set(file, found);
  return found;
}

// Files do not change during one test file's run; parsing each once keeps the walks fast.
const parsed = new Map<string, ImportSite[]>();

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`; undefined for relative paths and node: built-ins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || path.isAbsolute(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Our `.js` specifier to the `.ts`/`.tsx` file it is compiled from. */
export function resolveLocal(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  const file = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => existsSync(f));
  if (!file) throw new Error(`${path.relative(repoRoot, from)} imports ${specifier}, which does not exist`);
  return file;
}

/** Every module loaded by importing `entry`: packages and local files, each with the file that first imports it. */
export function loadedAtStartup(entry: string): {packages: Map<string, string>; files: Map<string, string>} {
  const packages = new Map<string, string>();
  const files = new Map<string, string>([[entry, '(entry)']]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const {specifier, how} of importsOf(file)) {
      if (how !== 'static') continue;
      const name = packageOf(specifier);
      if (name !== undefined) {
        if (!packages.has(name)) packages.set(name, path.relative(srcDir, file));
      } else if (specifier.startsWith('.')) {
        const target = resolveLocal(file, specifier);
        if (files.has(target)) continue;
        files.set(target, path.relative(srcDir, file));
        queue.push(target);
      }
    }
  }
  return {packages, files};
}

/** Every .ts/.tsx file under `dir`, read now (so files added later count). */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The src/ files (as repo-relative paths) whose text matches `pattern`, leaving out any whose path
 * contains one of `allowed` (path.join form): for "one home" rules that say where a thing is written.
 */
export function srcFilesMatching(pattern: RegExp, allowed: readonly string[]): string[] {
  return sourceFiles(srcDir)
    .filter((file) => !allowed.some((part) => file.includes(part)))
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(repoRoot, file));
}
