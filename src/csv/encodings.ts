/**
 * The encodings `btalk order --from FILE --encoding NAME` takes, for files whose encoding cannot
 * be told from their bytes: the other ones spreadsheets write for "CSV" (Excel for Mac's "CSV
 * (Macintosh)", Excel's "CSV (MS-DOS)"), the ISO Latin ones, and the detected ones to overrule a
 * guess. Apart from the decoder (csv/decode.ts), so that reading the option loads no decoding code:
 * iconv-lite loads with the file.
 */
export const GIVEN_ENCODINGS = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 (Excel\'s "CSV" on Windows)',
  macintosh: 'Mac Roman (Excel for Mac\'s "CSV (Macintosh)")',
  cp850: 'DOS Latin 1, code page 850 (Excel\'s "CSV (MS-DOS)")',
  'iso-8859-1': 'ISO 8859-1 (Latin 1)',
  'iso-8859-15': 'ISO 8859-15 (Latin 9)',
} as const;

export type GivenEncoding = keyof typeof GIVEN_ENCODINGS;

/** The name as given, or undefined when it is none of GIVEN_ENCODINGS (a few common spellings too). */
export function givenEncoding(name: string): GivenEncoding | undefined {
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, GivenEncoding> = {utf8: 'utf-8', cp1252: 'windows-1252', 'mac-roman': 'macintosh', macroman: 'macintosh', mac: 'macintosh', 'ibm850': 'cp850', 'latin1': 'iso-8859-1', 'latin9': 'iso-8859-15'};
  if (key in GIVEN_ENCODINGS) return key as GivenEncoding;
  return aliases[key];
}
