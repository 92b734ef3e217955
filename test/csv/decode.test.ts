import {describe, expect, it} from 'vitest';
import {decodeCsvBytes} from '../../src/csv/decode.js';
import {detectDialect} from '../../src/csv/separator.js';

const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsvBytes(Buffer.from('pays;libellé\nFR;Siège Paris\n'))).toEqual({ok: true, text: 'pays;libellé\nFR;Siège Paris\n', encoding: 'utf-8'});
    const bom = decodeCsvBytes(Buffer.from('\ufeffpays\nFR\n'));
    expect(bom).toMatchObject({ok: true, encoding: 'utf-8 with BOM'});
  });

  it('reads a file that is not UTF-8 as Windows-1252 and says so, never as U+FFFD', () => {
    const decoded = decodeCsvBytes(cp1252('libellé;pays\r\nSiège Paris – 5€;FR\r\n'.replace('–', '\u0096')));
    expect(decoded).toEqual({ok: true, text: 'libellé;pays\r\nSiège Paris – 5€;FR\r\n', encoding: 'windows-1252'});
    if (decoded.ok) expect(decoded.text).not.toContain('\ufffd');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('pays\tlibellé\nFR\tSiège\n', 'utf16le')]);
    expect(decodeCsvBytes(le)).toMatchObject({ok: true, encoding: 'utf-16le', text: 'pays\tlibellé\nFR\tSiège\n'});
  });

  it('refuses what cannot be a CSV in any of those encodings, saying why', () => {
    expect(decodeCsvBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ok: false, reason: expect.stringContaining('Excel workbook (.xlsx)')});
    expect(decodeCsvBytes(Buffer.from([0x61, 0x81, 0xe9]))).toMatchObject({ok: false, reason: expect.stringContaining('byte 0x81 at offset 1')});
    expect(decodeCsvBytes(Buffer.from('a,b\n\u0000c,d\n'))).toMatchObject({ok: false, reason: expect.stringContaining('NUL')});
    expect(decodeCsvBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xe9]))).toMatchObject({ok: false, reason: expect.stringContaining('UTF-8 mark')});
    expect(decodeCsvBytes(Buffer.from('a,b\n\u001b[2Jc,d\n'))).toMatchObject({ok: false, reason: expect.stringContaining('control characters')});
  });
});

describe('detectDialect', () => {
  it('takes the separator from the header line, ignoring quoted ones', () => {
    expect(detectDialect('vpn,country,label\n').separator).toBe(',');
    expect(detectDialect('vpn;country;label\nv;FR;"a, b, c, d"\n').separator).toBe(';');
    expect(detectDialect('vpn\tcountry\tlabel\n').separator).toBe('\t');
    expect(detectDialect('"vpn;x";country,label\n').separator).toBe(',');
    expect(detectDialect('\ufeffpays;libellé\n').separator).toBe(';');
  });

  it("honours and removes Excel's sep= line", () => {
    expect(detectDialect('sep=;\r\nvpn,country;label\r\n')).toEqual({separator: ';', text: 'vpn,country;label\r\n', declared: true});
  });
});
