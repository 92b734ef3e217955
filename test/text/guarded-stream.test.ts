import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {guardStream, rawStream} from '../../src/text/guarded-stream.js';
import {RAW_TERMINAL_CONTROL} from '../../src/text/terminal-safe.js';

function sink(): PassThrough & {isTTY: boolean; columns: number; text(): string} {
  const stream = new PassThrough() as PassThrough & {isTTY: boolean; columns: number; text(): string};
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.isTTY = true;
  stream.columns = 91;
  stream.text = () => Buffer.concat(chunks).toString('utf8');
  return stream;
}

describe('guardStream', () => {
  it('writes text with its newlines and tabs, every other control as a visible escape', async () => {
    const raw = sink();
    const out = guardStream(raw);
    out.write('name: \u001b]0;pwned\u0007\tok\n');
    out.write(Buffer.from('id \u009b2J \u202e\n'));
    await new Promise<void>((resolve) => out.write('done\n', () => resolve()));
    expect(raw.text()).toBe('name: \\u001b]0;pwned\\u0007\tok\nid \\u009b2J \\u202e\ndone\n');
    expect(RAW_TERMINAL_CONTROL.test(raw.text())).toBe(false);
  });

  it('keeps CRLF line ends (a CSV on stdout) and escapes a lone CR', () => {
    const raw = sink();
    guardStream(raw).write('a,b\r\nc\rd,e\r\n');
    expect(raw.text()).toBe('a,b\r\nc\\u000dd,e\r\n');
  });

  it('keeps JSON valid when a raw C1 or bidi character slips into it', () => {
    const raw = sink();
    guardStream(raw).write(JSON.stringify({name: 'a\u009bb\u202ec\u2028'}) + '\n');
    expect(JSON.parse(raw.text())).toEqual({name: 'a\u009bb\u202ec\u2028'});
    expect(RAW_TERMINAL_CONTROL.test(raw.text())).toBe(false);
  });

  it('is the stream it guards in every other respect, and hands it back for btalk\'s own sequences', () => {
    const raw = sink();
    const out = guardStream(raw);
    expect(out.isTTY).toBe(true);
    expect(out.columns).toBe(91);
    let resized = 0;
    const onResize = () => resized++;
    out.on('resize', onResize);
    raw.emit('resize');
    out.off('resize', onResize);
    raw.emit('resize');
    expect(resized).toBe(1);
    expect(rawStream(out)).toBe(raw);
    expect(rawStream(raw)).toBe(raw);
    expect(guardStream(out)).toBe(out);
    rawStream(out).write('\u001b[2K');
    expect(raw.text()).toBe('\u001b[2K');
  });

  it('hands the stream back to another copy of this module (dist/cli.js has its own): the key is a registered symbol', () => {
    const raw = sink();
    const out = guardStream(raw) as unknown as Record<symbol, unknown>;
    expect(out[Symbol.for('btalk.rawStream')]).toBe(raw);
  });
});
