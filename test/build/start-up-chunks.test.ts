/**
 * What each command costs to start, read from the bundle as it ships (`npm run build`): the chunks
 * dist/cli.js loads before a command's action runs (its static imports, then the program chunk it
 * imports and that chunk's static imports), and the files their source maps name. The command tree
 * is commander and the commands' definitions only; the HTTP client, zod, the session and the
 * keychain code load when an action asks for them (src/services.ts), Ink with the wizard.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** `import{a as b}from"./chunk.js"` and `import"./chunk.js"`, not `import("./chunk.js")`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|[;}\n])import\s*(?:[^"'();]*?from\s*)?"(\.{1,2}\/[^"]+\.js)"/g)].map((m) => path.resolve(path.dirname(file), m[1]!));
}

function dynamicImport(file: string, name: string): string {
  const found = new RegExp(`import\\("(\\.{1,2}/(?:chunks/)?${name}(?:-[A-Z0-9]+)?\\.js)"\\)`).exec(readFileSync(file, 'utf8'));
  if (!found) throw new Error(`${path.relative(dist, file)} does not import() a ${name} chunk`);
  return path.resolve(path.dirname(file), found[1]!);
}

function closure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

/** The packages and the src/ files bundled into these chunks (from their source maps). */
function contents(chunks: Set<string>): {packages: Set<string>; src: Set<string>} {
  const packages = new Set<string>();
  const src = new Set<string>();
  for (const chunk of chunks) {
    const {sources} = JSON.parse(readFileSync(`${chunk}.map`, 'utf8')) as {sources: string[]};
    for (const source of sources) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
      if (pkg) packages.add(pkg);
      else if (source.includes('src/')) src.add(source.slice(source.indexOf('src/')));
    }
  }
  return {packages, src};
}

describe('the chunks each command loads at start-up (dist/)', () => {
  let cli: string;
  let program: string;
  beforeAll(() => {
    cli = path.join(dist, 'cli.js');
    expect(existsSync(cli), 'run "npm run build" first').toBe(true);
    program = dynamicImport(cli, 'program');
  });

  it('cli.js is one file: it imports none of the chunks, and only the four files beside it by name', () => {
    expect(staticImports(cli)).toEqual([]);
    const named = [...readFileSync(cli, 'utf8').matchAll(/import\("(\.{1,2}\/[^"]+)"\)/g)].map((m) => m[1]).sort();
    expect(named).toEqual(['./head-start.js', './in-worker.js', './keyring-process.js', './program.js']);
    for (const file of ['program.js', 'in-worker.js', 'keyring-process.js', 'head-start.js']) expect(existsSync(path.join(dist, file)), file).toBe(true);
    // Its own code and the few small modules it needs before the command tree, not the command tree.
    const {packages, src} = contents(new Set([cli]));
    expect([...packages]).toEqual([]);
    expect([...src].filter((f) => /^src\/(program|commands\/|api\/|session)/.test(f))).toEqual([]);
  });

  it('--help and every command definition load commander and btalk\'s definitions only', () => {
    const {packages, src} = contents(closure([cli, program]));
    expect([...packages]).toEqual(['commander']);
    const implementation = [...src].filter((f) =>
      /^src\/(api\/(client|transport|schemas)|ui\/|emulator\/server|journal\/journal|config\/config-store|secrets\/keyring-process|session\.ts|services\.ts|order\/single-order)/.test(f),
    );
    expect(implementation).toEqual([]);
    expect(src.has('src/commands/order.ts')).toBe(true);
  });

  it('the services (got, zod) and btalk order\'s body load behind import(), without Ink or text measuring', () => {
    const services = contents(closure([dynamicImport(program, 'services')]));
    expect(services.packages.has('got')).toBe(true);
    expect(services.packages.has('zod')).toBe(true);
    expect(services.src.has('src/session.ts')).toBe(true);
    const order = contents(closure([dynamicImport(program, 'single-order')]));
    expect(order.src.has('src/order/single-order.ts')).toBe(true);
    // Nor what measures and wraps text: a --yes run never shows the review.
    expect([...order.packages].filter((p) => /^(ink|react|yoga-layout|iconv-lite|csv-parse|string-width|wrap-ansi)$/.test(p))).toEqual([]);
  });

  it("btalk order's head start is one file beside cli.js, sharing no chunk, without got, zod or got's decompressor (loaded for a compressed answer only)", () => {
    const file = path.join(dist, 'head-start.js');
    expect(readFileSync(cli, 'utf8')).toContain('./head-start.js');
    expect(staticImports(file)).toEqual([]);
    const {packages, src} = contents(new Set([file]));
    expect([...packages]).toEqual([]);
    expect(src.has('src/token-head-start.ts')).toBe(true);
    expect(src.has('src/api/head-start.ts')).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/import\("decompress-response"\)/);
    expect(readFileSync(file, 'utf8')).not.toMatch(/from"node:(zlib|stream)"/);
  });

  it('zod is bundled without its translations (imported as a namespace, so unused parts are left out)', () => {
    const services = contents(closure([dynamicImport(program, 'services')]));
    expect(services.packages.has('zod')).toBe(true);
    const maps = [...closure([dynamicImport(program, 'services')])].flatMap((c) => (JSON.parse(readFileSync(`${c}.map`, 'utf8')) as {sources: string[]}).sources);
    expect(maps.some((s) => s.includes('node_modules/zod/v4/core/schemas.js'))).toBe(true);
    expect(maps.filter((s) => s.includes('node_modules/zod/v4/locales/') && !s.endsWith('/en.js'))).toEqual([]);
  });

  it("Ink's layout engine (yoga) decodes its WebAssembly itself, never through fetch (which would load undici)", () => {
    const chunks = readdirSync(path.join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
    const yoga = chunks.filter((f) => readFileSync(path.join(dist, 'chunks', f), 'utf8').includes('data:application/octet-stream;base64,'));
    expect(yoga).toHaveLength(1);
    const text = readFileSync(path.join(dist, 'chunks', yoga[0]!), 'utf8');
    expect(text).not.toContain('typeof fetch');
    expect(text).toContain('WebAssembly.instantiate');
    // Node's base64 decoder, not atob and a byte-by-byte copy.
    expect(text).toMatch(/Buffer\.from\(\w+\.slice\(37\),"base64"\)/);
    expect(text).not.toMatch(/charCodeAt\(\w+\)[^;]*;var \w+=\w+}catch/);
  });

  it("got's HTTP/2 wrapper is left out: no chunk holds it or loads node:http2, and got's two uses of it throw a clear error", () => {
    const services = contents(closure([dynamicImport(program, 'services')]));
    expect(services.packages.has('got')).toBe(true);
    expect([...services.packages].filter((p) => /^(http2-wrapper|resolve-alpn|quick-lru)$/.test(p))).toEqual([]);
    const files = [path.join(dist, 'cli.js'), path.join(dist, 'head-start.js'), path.join(dist, 'emulator-worker.cjs'), ...readdirSync(path.join(dist, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => path.join(dist, 'chunks', f))];
    // node:http2 by any name, and the TLS socket http2-wrapper builds at load to reach JSStreamSocket.
    const http2 = files.filter((f) => /"(node:)?http2"|_parentWrap/.test(readFileSync(f, 'utf8')));
    expect(http2.map((f) => path.relative(dist, f))).toEqual([]);
    const got = [...closure([dynamicImport(program, 'services')])].filter((f) => readFileSync(f, 'utf8').includes('createNativeRequestOptions'));
    expect(got).toHaveLength(1);
    expect(readFileSync(got[0]!, 'utf8')).toContain("btalk is built without HTTP/2: got's http2 option is not supported");
  });

  it("the emulator worker is one CommonJS file that loads nothing of btalk's beside it; the countries' names in it run on first import, node:zlib loads with the first compressed answer", () => {
    const worker = path.join(dist, 'emulator-worker.cjs');
    const text = readFileSync(worker, 'utf8');
    expect(text).not.toMatch(/require\("\.{1,2}\/|import\("\.{1,2}\//);
    const {packages, src} = contents(new Set([worker]));
    expect(src.has('src/emulator/server.ts')).toBe(true);
    expect(src.has('src/domain/countries.ts')).toBe(true);
    expect([...packages].sort()).toEqual(['diacritics', 'i18n-iso-countries']);
    // esbuild runs a module bundled behind import() when it is first imported: src/emulator/coverage.ts's.
    expect(text).toMatch(/Promise\.resolve\(\)\.then\(\(\)=>\(\w+\(\),\w+\)\)/);
    expect(text).toContain('import("node:zlib")');
    expect(text).not.toMatch(/require\("(node:)?zlib"\)/);
  });

  it('no module imports node:process (its ES module facade builds the set of every Node option): they get the global', () => {
    const files = [path.join(dist, 'cli.js'), path.join(dist, 'emulator-worker.cjs'), ...readdirSync(path.join(dist, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => path.join(dist, 'chunks', f))];
    const importing = files.filter((f) => /from\s*"(node:)?process"|import\s*"(node:)?process"|import\("(node:)?process"\)/.test(readFileSync(f, 'utf8')));
    expect(importing.map((f) => path.relative(dist, f))).toEqual([]);
    // What read it still does, through the module that exports the global.
    const ink = files.filter((f) => readFileSync(f, 'utf8').includes('globalThis.process'));
    expect(ink.length).toBeGreaterThan(0);
  });
});
