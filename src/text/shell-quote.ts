/**
 * Words for a command line a person copies into a POSIX shell: what the shell would take apart
 * or expand is single-quoted, so a hint never shows a command that does something else.
 */

/** POSIX single quoting: everything literal, a quote becomes '\''. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The value as one shell word: bare when it holds nothing the shell treats specially, quoted otherwise. */
export function shellArg(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : shellQuote(value);
}
