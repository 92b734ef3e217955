/**
 * The hostile account: a customer whose every name, label, error text and request id is full of
 * what a terminal obeys (OSC 0 retitle, OSC 52 clipboard write, OSC 8 link, CSI clear, the C1 CSI
 * byte, BEL) and of bidi overrides and isolates. `btalk --sandbox` with BTALK_SANDBOX_ACCOUNT=hostile
 * shows what btalk makes of it: visible escapes, a terminal left as it was.
 *
 * Its request ids also reflect the API key, as a misconfigured gateway echoing request headers
 * would. HTTP header values cannot carry C0 controls, so request ids carry the C1 byte and bidi
 * characters (sent as Latin-1 bytes where they fit) and the key.
 */
const ESC = '\u001b';
const BEL = '\u0007';

/** Every sequence at once: retitle, clipboard, link, clear, C1 CSI, bidi override and isolate. */
export const HOSTILE_SEQUENCES = [
  `${ESC}]0;PWNED${BEL}`,
  `${ESC}]52;c;cHduZWQ=${BEL}`,
  `${ESC}]8;;http://evil.invalid/${ESC}\\link${ESC}]8;;${ESC}\\`,
  `${ESC}[2J${ESC}[H`,
  '\u009b2J',
  '\u202eevil\u202c',
  '\u2066iso\u2069',
  BEL,
].join('');

export function hostile(text: string): string {
  return `${text} ${HOSTILE_SEQUENCES}`;
}

export const HOSTILE_CUSTOMER_CODE = '66600';

/** A request id a hostile gateway might send: the C1 CSI byte and the API key reflected. */
export function hostileRequestId(apiKey: string): string {
  return `rid-\u009b2J-\u009b]0;PWNED-${apiKey}-x-bt-api-key: ${apiKey}`;
}

/** An error body of this account: Orange's shape, with hostile text in every field. */
export function hostileErrorBody(body: string | undefined): string | undefined {
  if (body === undefined) return body;
  try {
    const value = JSON.parse(body) as Record<string, unknown>;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return body;
    for (const key of ['message', 'description', 'error', 'error_description']) {
      if (typeof value[key] === 'string') value[key] = hostile(value[key] as string);
    }
    return JSON.stringify(value);
  } catch {
    return body;
  }
}
