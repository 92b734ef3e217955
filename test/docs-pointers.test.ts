/**
 * The code's own documentation points only at files that exist: src/README.md (the map), linked
 * from the README, and every file name a comment in src/, test/ or bench/ gives (notes kept
 * outside the repository were once cited there).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {repoRoot, sourceFiles} from './helpers/imports.js';

const FILE_NAME = /(?<![\w/.-])(?:[\w-]+\/)*[\w.-]+\.(?:md|tsx?|mjs)\b/g;
const files = [...sourceFiles(path.join(repoRoot, 'src')), ...sourceFiles(path.join(repoRoot, 'test')), ...sourceFiles(path.join(repoRoot, 'bench'))];
const known = [...files.map((f) => path.relative(repoRoot, f)), 'README.md', 'src/README.md', 'package.json', ...readdirSync(path.join(repoRoot, 'scripts')).map((f) => `scripts/${f}`), ...readdirSync(path.join(repoRoot, 'test/helpers')).filter((f) => f.endsWith('.mjs')).map((f) => `test/helpers/${f}`)];

/** A name resolves when some file of the repository is it, or ends with it (`api/client.ts`, `client.ts`). */
function resolves(name: string): boolean {
  const bare = name.replace(/^\.\//, '').replace(/^(\.\.\/)+/, '');
  return known.some((file) => file === bare || file.endsWith(`/${bare}`));
}

function commentText(source: string): string {
  return [...source.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g)].map((m) => m[0]).join('\n');
}

/** Names in comments that resolve to no file, as "file: name". */
function danglingIn(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of list) {
    for (const match of commentText(readFileSync(file, 'utf8')).matchAll(FILE_NAME)) {
      if (!resolves(match[0])) out.push(`${path.relative(repoRoot, file)}: ${match[0]}`);
    }
  }
  return out;
}

describe('documentation pointers', () => {
  it('src/README.md exists and the README links to it', () => {
    expect(existsSync(path.join(repoRoot, 'src/README.md'))).toBe(true);
    expect(readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain('](src/README.md)');
  });

  it('every file src/README.md names exists', () => {
    const map = readFileSync(path.join(repoRoot, 'src/README.md'), 'utf8');
    // Templates (a step's screen file, any widget's state file) name a kind of file, not one.
    const named = [...map.matchAll(/`([^`\s]+\.(?:md|tsx?|mjs))`/g)].map((m) => m[1]!).filter((name) => !/[<*]/.test(name));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((name) => !resolves(name))).toEqual([]);
  });

  it('no comment in src/, test/ or bench/ names a file missing from the repository', () => {
    expect(danglingIn(files)).toEqual([]);
  });

  it('the check sees a missing file (so the test above can fail)', () => {
    expect(resolves('api-notes.md')).toBe(false);
    expect(resolves('api/client.ts')).toBe(true);
    expect(resolves('key-paced-stdin.ts')).toBe(true);
  });
});
