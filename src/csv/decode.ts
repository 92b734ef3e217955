/**
 * Bytes of a CSV file to text, the way spreadsheets save them. UTF-8 (with or without a BOM) is
 * read as is; UTF-16 with a BOM (Excel's "Unicode text") too. Anything else that is not valid
 * UTF-8 is read as Windows-1252, which is what Excel writes for "CSV" on a Western-European
 * Windows, and the caller is told so it can say it: a silent U+FFFD would turn "Siège" into
 * "Si?ge" and then into a technical name nobody asked for. Files that cannot be text in any of
 * those encodings (a workbook, NUL bytes, bytes Windows-1252 leaves undefined) are refused.
 *
 * Windows-1252 goes through iconv-lite: Node 20's TextDecoder('windows-1252') decodes as
 * ISO-8859-1, which turns "€" and the typographic quotes and dashes Excel writes into C1 controls.
 */
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = {ok: true; text: string; encoding: CsvEncoding} | {ok: false; reason: string};

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

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return {ok: false, reason: 'this is an Excel workbook (.xlsx), not a CSV file: in Excel, "Save as" "CSV UTF-8" (or "CSV") and give that file'};
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
  return {ok: true, text, encoding: 'windows-1252'};
}
