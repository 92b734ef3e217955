/**
 * The one rule for text btalk did not write itself (API bodies and headers, CSV cells, environment
 * values it echoes, keychain and OS error text) on its way to a terminal.
 *
 * A terminal obeys control characters: ESC starts sequences that retitle the window (OSC 0), write
 * the clipboard (OSC 52), plant links (OSC 8) or clear the screen (CSI 2J); the C1 byte U+009B is a
 * one-character CSI; BEL, CR and backspace rewrite what is already shown; bidi overrides and
 * isolates make a line read differently from the bytes it holds. None of these reach the terminal
 * raw: each becomes a visible escape (`\x1b`, `\x9b`, `\u202e`) so the person sees that it was there
 * and nothing acts on it. The rest of the text (accents, CJK, emoji) is left as it is.
 *
 * - `terminalSafe` is for one value shown inline (a name, a label, a request id): every control,
 *   newlines included, is escaped, so a value cannot forge a line of its own.
 * - `terminalSafeLines` is for a message btalk composed, where the newlines are btalk's: it keeps
 *   `\n` and tab and escapes everything else. Both are idempotent and may be applied twice.
 * - `terminalSafeJson` is JSON.stringify whose output carries every control, DEL, C1, bidi and
 *   line-separator character as a `\u` escape: the same values once parsed, valid JSON, nothing raw.
 */

/** C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates, line and paragraph separators. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;
const UNSAFE_KEEPING_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

/** A pattern matching any character that must never reach a terminal raw (for checks and tests). */
export const RAW_TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

function visibleEscape(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16).padStart(code < 0x100 ? 2 : 4, '0');
  return code < 0x100 ? `\\x${hex}` : `\\u${hex}`;
}

/** One outside value shown inline: every control character, newlines included, made visible. */
export function terminalSafe(text: string): string {
  return String(text).replace(UNSAFE, visibleEscape);
}

/** A btalk message that may embed outside text: its newlines and tabs stay, every other control is made visible. */
export function terminalSafeLines(text: string): string {
  return String(text).replace(UNSAFE_KEEPING_LINES, visibleEscape);
}

/** True when the text holds a character `terminalSafe` would escape. */
export function hasTerminalControl(text: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u.test(text);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {b: '\\u0008', f: '\\u000c', n: '\\u000a', r: '\\u000d', t: '\\u0009'};
// Walks JSON.stringify's output escape by escape, so `\\n` (a backslash, then n) is never mistaken for `\n`.
const JSON_TOKEN = /\\(?:u[0-9a-fA-F]{4}|.)|[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

function jsonEscape(token: string): string {
  if (token.startsWith('\\')) return SHORT_ESCAPES[token.slice(1)] ?? token;
  return `\\u${(token.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/**
 * JSON for `--json` output: JSON.stringify's result with every control character (C0 as `\u00XX`,
 * not `\n`), DEL, C1, bidi control and U+2028/U+2029 written as a `\u` escape. Lone surrogates are
 * already `\udXXX` escapes in JSON.stringify's output. Parses back to the same values.
 */
export function terminalSafeJson(value: unknown, space?: number): string {
  const json = JSON.stringify(value, undefined, space) as string | undefined;
  return (json ?? 'null').replace(JSON_TOKEN, jsonEscape);
}

// A CR right before LF is a CRLF line end (a CSV written to stdout); a lone CR would rewrite the line.
const UNSAFE_IN_STREAM = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

/**
 * The last line of defence on a stream: keeps `\n`, CRLF and tab, writes every other control, DEL,
 * C1 and bidi character as a `\u` escape. That reads as a visible escape in text and stays valid
 * inside a JSON string, so it is right for whatever a command writes, text or JSON.
 */
export function terminalSafeChunk(text: string): string {
  return text.replace(UNSAFE_IN_STREAM, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
