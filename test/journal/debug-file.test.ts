import {mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createDebugOutput, debugFileName, KEPT_DEBUG_LOGS, openDebugFile} from '../../src/journal/debug-file.js';

const dirOf = () => mkdtempSync(path.join(tmpdir(), 'btalk-debug-file-'));
const at = (iso: string) => new Date(iso);

describe('openDebugFile', () => {
  it('creates one file per run in the state folder, 0600 in a 0700 folder, the run header first', () => {
    const state = path.join(dirOf(), 'btalk');
    const opened = openDebugFile({location: {dir: state}, cwd: '/', now: at('2026-12-02T01:45:11.123Z'), header: 'btalk 1.0.0, run started'});
    if (!('file' in opened)) throw new Error(opened.problem);
    opened.file.write('GET /me -> 200 in 3ms (request id r1)');
    opened.file.close();
    expect(opened.file.path).toBe(path.join(state, 'debug-2026-12-02T01-45-11.123Z.log'));
    expect(readFileSync(opened.file.path, 'utf8')).toBe('btalk 1.0.0, run started\nGET /me -> 200 in 3ms (request id r1)\n');
    if (process.platform !== 'win32') {
      expect(statSync(opened.file.path).mode & 0o777).toBe(0o600);
      expect(statSync(state).mode & 0o777).toBe(0o700);
    }
  });

  it('never overwrites a run of the same millisecond: the second gets "-2"', () => {
    const state = dirOf();
    const now = at('2026-12-02T01:45:11.123Z');
    const first = openDebugFile({location: {dir: state}, cwd: '/', now, header: 'one'});
    const second = openDebugFile({location: {dir: state}, cwd: '/', now, header: 'two'});
    if (!('file' in first) || !('file' in second)) throw new Error('not opened');
    expect(path.basename(second.file.path)).toBe(debugFileName(now, 2));
    expect(readFileSync(first.file.path, 'utf8')).toBe('one\n');
  });

  it(`keeps the newest ${KEPT_DEBUG_LOGS} of its own files and touches nothing else`, () => {
    const state = dirOf();
    for (let i = 0; i < 14; i++) writeFileSync(path.join(state, debugFileName(at(`2026-11-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`))), 'old\n');
    writeFileSync(path.join(state, 'orders.jsonl'), '{}\n');
    writeFileSync(path.join(state, 'debug-notes.log'), 'mine\n');
    const opened = openDebugFile({location: {dir: state}, cwd: '/', now: at('2026-12-02T00:00:00.000Z'), header: 'h'});
    if (!('file' in opened)) throw new Error(opened.problem);
    const ours = readdirSync(state).filter((n) => /^debug-\d/.test(n)).sort();
    expect(ours).toHaveLength(KEPT_DEBUG_LOGS);
    expect(ours.at(-1)).toBe('debug-2026-12-02T00-00-00.000Z.log');
    // The oldest went first.
    expect(ours[0]).toBe(debugFileName(at('2026-11-15T08:00:00.000Z')));
    expect(readdirSync(state)).toEqual(expect.arrayContaining(['orders.jsonl', 'debug-notes.log']));
  });

  it('appends to a chosen file (relative to the working folder) under a header for each run, and prunes nothing', () => {
    const cwd = dirOf();
    writeFileSync(path.join(cwd, 'mine.log'), 'earlier run\n');
    const opened = openDebugFile({location: {problem: 'unused'}, chosen: 'mine.log', cwd, now: at('2026-12-02T00:00:00.000Z'), header: 'btalk run'});
    if (!('file' in opened)) throw new Error(opened.problem);
    opened.file.write('line');
    opened.file.close();
    expect(readFileSync(path.join(cwd, 'mine.log'), 'utf8')).toBe('earlier run\nbtalk run\nline\n');
  });

  it('says why when the folder cannot be created (a file stands where it should be)', () => {
    const base = dirOf();
    writeFileSync(path.join(base, 'state'), 'a file');
    const opened = openDebugFile({location: {dir: path.join(base, 'state', 'btalk')}, cwd: '/', now: new Date(), header: 'h'});
    expect(opened).toEqual({problem: `cannot create ${path.join(base, 'state', 'btalk')} (ENOTDIR)`});
  });
});

describe('createDebugOutput', () => {
  function output(options: {chosen?: string; dir?: string} = {}) {
    const stderr: string[] = [];
    const dir = options.dir ?? dirOf();
    const debug = createDebugOutput({
      stderr: {write: (text: string) => stderr.push(text)},
      chosen: () => options.chosen,
      open: (chosen) => openDebugFile({location: {dir}, chosen, cwd: dir, now: at('2026-12-02T01:00:00.000Z'), header: 'header'}),
    });
    return {debug, stderr, dir};
  }

  it('prints lines on stderr until the wizard asks for a file, then only into the file, named at the end', () => {
    const {debug, stderr, dir} = output();
    debug.line('before Ink');
    debug.toFile();
    debug.line('under Ink');
    expect(stderr).toEqual(['before Ink\n']);
    debug.finish();
    const file = path.join(dir, 'debug-2026-12-02T01-00-00.000Z.log');
    expect(stderr).toEqual(['before Ink\n', `Debug log: ${file}\n`]);
    expect(readFileSync(file, 'utf8')).toBe('header\nunder Ink\n');
  });

  it('names nothing when no file was used', () => {
    const {debug, stderr} = output();
    debug.line('a');
    debug.finish();
    expect(stderr).toEqual(['a\n']);
  });

  it('with a chosen file, every command writes there from the first line', () => {
    const {debug, stderr, dir} = output({chosen: 'chosen.log'});
    debug.line('a');
    debug.finish();
    expect(stderr).toEqual([`Debug log: ${path.join(dir, 'chosen.log')}\n`]);
    expect(readFileSync(path.join(dir, 'chosen.log'), 'utf8')).toBe('header\na\n');
  });

  it('without a folder, the wizard says so once and goes on; its lines never reach stderr', () => {
    const base = dirOf();
    writeFileSync(path.join(base, 'state'), 'a file');
    const {debug, stderr} = output({dir: path.join(base, 'state', 'btalk')});
    debug.toFile();
    debug.toFile();
    debug.line('under Ink');
    debug.finish();
    expect(stderr).toEqual([`The debug log cannot be written: cannot create ${path.join(base, 'state', 'btalk')} (ENOTDIR); going on without it.\n`]);
  });

  it('a chosen file that cannot be opened: a command says so once and prints its lines on stderr', () => {
    const base = dirOf();
    const {debug, stderr} = output({chosen: path.join(base, 'missing', 'x.log')});
    debug.line('a');
    debug.line('b');
    expect(stderr).toEqual([`The debug log cannot be written: cannot open ${path.join(base, 'missing', 'x.log')} (ENOENT); they go to stderr.\n`, 'a\n', 'b\n']);
  });
});
