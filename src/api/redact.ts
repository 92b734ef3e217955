/**
 * Secret scrubbing for everything the client writes or throws: debug lines, error messages, API
 * descriptions echoed back by a server. Values are removed verbatim and in the encodings they
 * travel in (URL/form encoding), and header-shaped text is masked even for values we never saw.
 */
import {formUrlEncode} from './basic-auth.js';

export const REDACTED = '[redacted]';

export interface Redactor {
  /** Registers another value to hide (e.g. an access token as soon as it arrives). */
  add(secret: string | undefined): void;
  redact(text: string): string;
  /**
   * Removes only the values registered (in their encodings), not header-shaped text: for data the
   * server sends back (names, labels), where "Basic office" is a label and not a credential.
   */
  redactKnown(text: string): string;
}

/** Shorter values would mask ordinary words; real secrets, keys and tokens are far longer. */
const MIN_SECRET_LENGTH = 4;

const HEADER_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\b(x-bt-api-key|authorization)(["']?\s*[:=]\s*["']?)(?!\[redacted\]|Bearer\s|Basic\s)[^\s"',;&}]+/gi, `$1$2${REDACTED}`],
  // Only the JSON and form shapes: "access_token: missing" in a validation message is not a secret.
  [/\b(client_secret|access_token)("\s*:\s*"|=)(?!\[redacted\])[^\s"',;&}]+/gi, `$1$2${REDACTED}`],
];

export function createRedactor(initial: Iterable<string | undefined> = []): Redactor {
  const secrets = new Set<string>();
  // Longest first, so a secret containing another one is removed whole (sorted once per add,
  // not once per string: a page of 1,000 VPNs is several thousand strings).
  let longestFirst: string[] = [];
  const add = (secret: string | undefined): void => {
    if (!secret || secret.length < MIN_SECRET_LENGTH) return;
    for (const form of [secret, encodeURIComponent(secret), formUrlEncode(secret)]) secrets.add(form);
    longestFirst = [...secrets].sort((a, b) => b.length - a.length);
  };
  for (const s of initial) add(s);
  const known = (text: string): string => {
    let out = text;
    for (const s of longestFirst) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
  return {
    add,
    redact(text) {
      let out = known(text);
      for (const [pattern, replacement] of HEADER_PATTERNS) out = out.replace(pattern, replacement);
      return out;
    },
    redactKnown: known,
  };
}

/**
 * The deepest nesting of arrays and objects redactValue walks (and JSON.stringify can write back
 * out): the client refuses answers nested deeper, so every value it returns is walked whole.
 */
export const MAX_VALUE_DEPTH = 64;

/**
 * A server value with every string in it redacted (deeply, keys too): a gateway that reflects the
 * API key or the Authorization header into a name, a label or a header cannot get it shown or put
 * in `--json`. Anything else is returned as it is. Only what changes is copied: a list of 10,000
 * VPNs with no secret in it comes back as the same objects, not as a second copy of the list.
 */
export function redactValue<T>(value: T, redactor: Redactor): T {
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redactor.redactKnown(v);
    if (depth > MAX_VALUE_DEPTH || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        const walked = walk(item, depth + 1);
        if (copy) copy.push(walked);
        else if (walked !== item) copy = [...v.slice(0, i), walked];
      }
      return copy ?? v;
    }
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record);
    let pairs: Array<[string, unknown]> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const item = record[k];
      const key = redactor.redactKnown(k);
      const walked = walk(item, depth + 1);
      if (!pairs && (key !== k || walked !== item)) pairs = keys.slice(0, i).map((p): [string, unknown] => [p, record[p]]);
      pairs?.push([key, walked]);
    }
    // fromEntries, not assignment: a "__proto__" key from JSON stays a plain property.
    return pairs ? Object.fromEntries(pairs) : v;
  };
  return walk(value, 0) as T;
}
