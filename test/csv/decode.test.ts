import {describe, expect, it} from 'vitest';
import iconv from 'iconv-lite';
import {decodeCsvBytes} from '../../src/csv/decode.js';
import {givenEncoding} from '../../src/csv/encodings.js';
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
    expect(decodeCsvBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ok: false, reason: expect.stringContaining('spreadsheet workbook (.xlsx, .ods)')});
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

describe('decodeCsvBytes, files of other encodings', () => {
  const macRoman = (text: string) => iconv.encode(text, 'macintosh');
  const cp850 = (text: string) => iconv.encode(text, 'cp850');

  it('refuses a Mac Roman or code page 850 file that Windows-1252 would misread, naming the word and --encoding', () => {
    // Each of these decodes as Windows-1252 without an undefined byte: only the letters tell.
    expect(decodeCsvBytes(macRoman('Libelle;Pays\rAgence à Nîmes;FR\r'))).toMatchObject({ok: false, reason: expect.stringContaining('read as Windows-1252 it gives "Agence ˆ N”mes"')});
    expect(decodeCsvBytes(macRoman('Libelle;Pays\rCafé de la Gare;FR\r'))).toMatchObject({ok: false, reason: expect.stringContaining('"CafŽ de la Gare"')});
    const dos = decodeCsvBytes(cp850('Libelle;Pays\r\nCafé de la Gare;FR\r\n'));
    expect(dos).toMatchObject({ok: false, reason: expect.stringContaining('"Caf‚ de la Gare"')});
    if (!dos.ok) expect(dos.reason).toContain('--encoding macintosh, --encoding cp850');
  });

  it('reads what --encoding names, with no guess', () => {
    expect(decodeCsvBytes(macRoman('Libellé;Pays\rAgence à Nîmes, Café;FR\r'), 'macintosh')).toEqual({ok: true, text: 'Libellé;Pays\rAgence à Nîmes, Café;FR\r', encoding: 'macintosh'});
    expect(decodeCsvBytes(cp850('Libellé;Pays\r\nCafé;FR\r\n'), 'cp850')).toMatchObject({ok: true, text: 'Libellé;Pays\r\nCafé;FR\r\n'});
    // Windows-1252 named: the word the guess doubted is taken as written.
    expect(decodeCsvBytes(macRoman('Libelle\rCafé\r'), 'windows-1252')).toMatchObject({ok: true, text: 'Libelle\rCafŽ\r'});
    expect(decodeCsvBytes(Buffer.from([0x61, 0xe9]), 'utf-8')).toMatchObject({ok: false, reason: expect.stringContaining('not valid UTF-8 text, as --encoding utf-8 says')});
  });

  it('leaves genuine Windows-1252 text alone: the Euro sign, apostrophes, quotes, dashes, œ', () => {
    const text = 'Libellé\r\nSiège d’Azur – “Nord” … 5€, cœur, Œuvre, Žilina\r\n';
    expect(decodeCsvBytes(iconv.encode(text, 'windows-1252'))).toEqual({ok: true, text, encoding: 'windows-1252'});
  });
});

describe('givenEncoding', () => {
  it('takes the names and a few common spellings, and nothing else', () => {
    expect(givenEncoding('macintosh')).toBe('macintosh');
    expect(givenEncoding(' Mac-Roman ')).toBe('macintosh');
    expect(givenEncoding('CP1252')).toBe('windows-1252');
    expect(givenEncoding('utf8')).toBe('utf-8');
    expect(givenEncoding('ebcdic')).toBeUndefined();
  });
});

describe('files that are no CSV and sep= lines', () => {
  it('says a PDF is a PDF', () => {
    expect(decodeCsvBytes(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'))).toMatchObject({ok: false, reason: expect.stringContaining('this is a PDF document')});
  });

  it("takes Excel's sep= line with a lone CR (an old Mac's line end) too", () => {
    expect(detectDialect('sep=;\rvpn;country\rv;FR\r')).toEqual({separator: ';', text: 'vpn;country\rv;FR\r', declared: true});
  });
});
