import {mkdtemp, readdir, readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {createProgress, renderBar} from '../../src/order/progress.js';
import {writeResultsCsv} from '../../src/order/results-csv.js';

function capture(isTTY: boolean): {stream: PassThrough & {isTTY: boolean}; text: () => string} {
  const stream = Object.assign(new PassThrough(), {isTTY});
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return {stream, text: () => text};
}

describe('progress bar', () => {
  it('draws a redrawn line on a terminal and nothing in a pipe', async () => {
    const tty = capture(true);
    const pipe = capture(false);
    for (const {stream} of [tty, pipe]) {
      const p = createProgress(stream);
      p.update({done: 1, total: 4, ok: 1, failed: 0, skipped: 0});
      p.update({done: 4, total: 4, ok: 3, failed: 1, skipped: 0});
      p.finish();
    }
    await new Promise((r) => setImmediate(r));
    expect(tty.text()).toContain('\r\u001b[2K[######------------------] 1/4 (1 ordered)');
    expect(tty.text()).toContain('[########################] 4/4 (3 ordered, 1 failed)');
    expect(pipe.text()).toBe('');
    expect(renderBar({done: 0, total: 0, ok: 0, failed: 0, skipped: 2})).toContain('2 skipped');
  });
});

describe('results file', () => {
  it('is written whole, sorted by row, quoting what needs it, with no temporary file left', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'btalk-results-'));
    const file = path.join(dir, 'sites.results.csv');
    await writeResultsCsv(file, [
      {row: 3, technicalSiteName: 'B', status: 'failed', error: 'The server answered 503, "busy".', requestId: 'req-1'},
      {row: 2, technicalSiteName: 'A', status: 'ok', voiceSiteId: 'vs1'},
    ]);
    expect(await readFile(file, 'utf8')).toBe(
      'row,technicalSiteName,status,voiceSiteId,error,requestId\n2,A,ok,vs1,,\n3,B,failed,,"The server answered 503, ""busy"".",req-1\n',
    );
    expect(await readdir(dir)).toEqual(['sites.results.csv']);
  });
});
