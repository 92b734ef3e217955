/**
 * Bytes of a CSV file to text, the way spreadsheets save them. UTF-8 (with or without a BOM) is
 * read as is; UTF-16 with a BOM (Excel's "Unicode text") too. Anything else that is not valid
 * UTF-8 is read as Windows-1252, which is what Excel writes for "CSV" on a Western-European
 * Windows, and the caller is told so it can say it: a silent U+FFFD would turn "Siège" into
 * "Si?ge" and then into a technical name nobody asked for. Files that cannot be text in any of
 * those encodings (a workbook, NUL bytes, bytes Windows-1252 leaves undefined) are refused.
 *
 * A Windows-1252 reading that shows letters of another encoding (Mac Roman, code page 850: see
 * FOREIGN_IN_CP1252) is refused, naming the word and `--encoding`, which decodes as the person says.
 *
 * Windows-1252 goes through iconv-lite: Node 20's TextDecoder('windows-1252') decodes as
 * ISO-8859-1, which turns "€" and the typographic quotes and dashes Excel writes into C1 controls.
 */
import iconv from 'iconv-lite';
import {GIVEN_ENCODINGS, type GivenEncoding} from './encodings.js';

export type CsvEncoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be' | 'windows-1252' | GivenEncoding;

export type Decoded = {ok: true; text: string; encoding: CsvEncoding} | {ok: false; reason: string};

/**
 * Letters of another encoding read as Windows-1252: the marks, daggers and signs Windows-1252 puts
 * at the bytes where Mac Roman and code page 850 put accented letters ("Agence à Nîmes" in Mac
 * Roman reads "Agence ˆ N”mes", "Café" in code page 850 "Caf‚"), none of which a site list holds;
 * a capital Š, Œ, Ž or Ÿ right after a small letter ("CafŽ": Mac Roman's é); a typographic double
 * quote between two letters (Mac Roman's î and ì). The Euro sign, apostrophes, quotes around
 * words, dashes, ellipses and œ stay what they are.
 */
const FOREIGN_IN_CP1252 = /[\u0192\u2020\u2021\u02c6\u2030\u2039\u203a\u02dc\u2122\u2022\u201a]|(?<=\p{Ll})[\u0160\u0152\u017d\u0178]|(?<=\p{L})[\u201c\u201d](?=\p{L})/u;

/** The cell around the first sign of another encoding (60 characters at most), for the message. */
function foreignCell(text: string): string | undefined {
  const at = FOREIGN_IN_CP1252.exec(text);
  if (!at) return undefined;
  const start = text.slice(0, at.index).search(/[^;,\t\r\n"]*$/u);
  const end = at.index + at[0].length + (text.slice(at.index + at[0].length).match(/^[^;,\t\r\n"]*/u)?.[0].length ?? 0);
  const cell = text.slice(start, end).trim();
  return cell.length <= 60 ? cell : `${cell.slice(0, 59)}…`;
}

/** Bytes Windows-1252 leaves undefined (the WHATWG decoder maps them to C1 controls). */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** A control byte no spreadsheet writes into a CSV: tab, LF and CR are the only ones expected. */
function hasStrayControl(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/** Decodes with the encoding the person named (`--encoding`): no guess, a BOM of that encoding dropped. */
function decodeAs(bytes: Uint8Array, encoding: GivenEncoding): Decoded {
  let text: string;
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    try {
      text = new TextDecoder(encoding, {fatal: true, ignoreBOM: false}).decode(bytes);
    } catch {
      return {ok: false, reason: `the file is not valid ${GIVEN_ENCODINGS[encoding]} text, as --encoding ${encoding} says it is`};
    }
  } else {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  }
  if (text.includes('\u0000') || hasStrayControl(text)) return {ok: false, reason: `read as ${GIVEN_ENCODINGS[encoding]}, the file holds control characters no spreadsheet writes in a CSV file`};
  return {ok: true, text, encoding};
}

export function decodeCsvBytes(bytes: Uint8Array, given?: GivenEncoding): Decoded {
  if (given !== undefined) return decodeAs(bytes, given);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return {ok: false, reason: 'this is a spreadsheet workbook (.xlsx, .ods) or another zip file, not a CSV file: in Excel, "Save as" "CSV UTF-8" (LibreOffice: "Text CSV", UTF-8) and give that file'};
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return {ok: false, reason: 'this is a PDF document, not a CSV file: export the table from its spreadsheet as "CSV UTF-8"'};
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return {ok: false, reason: 'this is an old Excel workbook (.xls), not a CSV file: in Excel, "Save as" "CSV UTF-8" (or "CSV") and give that file'};
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      const text = new TextDecoder(utf16, {fatal: true, ignoreBOM: false}).decode(bytes);
      if (hasStrayControl(text)) return {ok: false, reason: `the file is UTF-16 text holding control characters: it does not look like a CSV file`};
      return {ok: true, text, encoding: utf16};
    } catch {
      return {ok: false, reason: `the file starts like UTF-16 text but is not valid UTF-16: save it again as "CSV UTF-8"`};
    }
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    // ignoreBOM: true keeps the BOM in the text; the caller's CSV reader strips it (bom option).
    const text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes);
    if (text.includes('\u0000')) return {ok: false, reason: 'the file holds NUL bytes: it is not a text (CSV) file'};
    if (hasStrayControl(text)) return {ok: false, reason: 'the file holds control characters no spreadsheet writes in a CSV file'};
    return {ok: true, text, encoding: bom ? 'utf-8 with BOM' : 'utf-8'};
  } catch {
    // Not UTF-8: Excel's "CSV" on a French or other Western-European Windows writes Windows-1252.
  }
  if (bom) return {ok: false, reason: 'the file starts with a UTF-8 mark but is not valid UTF-8: save it again as "CSV UTF-8"'};
  const undefinedAt = bytes.findIndex((b) => CP1252_UNDEFINED.has(b));
  if (undefinedAt >= 0 || bytes.includes(0)) {
    const at = undefinedAt >= 0 ? undefinedAt : bytes.indexOf(0);
    return {
      ok: false,
      reason: `the file is neither UTF-8 nor Windows-1252 text (byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at offset ${at}): save it again as "CSV UTF-8"`,
    };
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  if (hasStrayControl(text)) return {ok: false, reason: 'the file holds control characters no spreadsheet writes in a CSV file'};
  const foreign = foreignCell(text);
  if (foreign !== undefined) {
    return {
      ok: false,
      reason: `it is not UTF-8, and read as Windows-1252 it gives "${foreign}": it looks written in another encoding, such as Excel for Mac's "CSV (Macintosh)" or Excel's "CSV (MS-DOS)". Save it as "CSV UTF-8", or name its encoding: --encoding macintosh, --encoding cp850 (or --encoding windows-1252 if "${foreign}" is right)`,
    };
  }
  return {ok: true, text, encoding: 'windows-1252'};
}
