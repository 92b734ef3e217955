/**
 * The items of a list page checked without zod's per-field work: the same rules as the item
 * schemas in schemas.ts, for the flat shapes lists have (strings, and ids that are a non-empty
 * string or a number, kept as a string). A page of 1,000 VPNs costs zod about 1.4 KB of
 * short-lived objects per item; this builds the one object it returns.
 *
 * It only ever says yes when zod would: anything it does not recognise, and any item that breaks
 * a rule, makes it answer `undefined`, and the caller then checks the page with zod, whose first
 * problem is the one reported (test/api/list-items.test.ts holds both to the same answers).
 */
import type {Redactor} from './redact.js';

/**
 * `string`: any string. `id`: a non-empty string or a finite number, given back as a string.
 * With `?`, the field may be absent.
 */
export type FieldRule = 'string' | 'id';

export interface ItemShape {
  /** Every field the schema names, in its order. */
  fields: Readonly<Record<string, FieldRule | `${FieldRule}?`>>;
  /** The fields given back (default: all of them); the others are checked, then dropped. */
  keep?: readonly string[];
}

/** The field's value as the schema gives it back, or undefined when the rule refuses it. */
function checked(rule: FieldRule, value: unknown): string | undefined {
  if (typeof value === 'string') return rule === 'id' && value.length === 0 ? undefined : value;
  if (rule === 'id' && typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The fields an item of `shape` gives back, or undefined when it gives back every field it names. */
function keptKeys(shape: ItemShape): ReadonlySet<string> | undefined {
  return shape.keep === undefined ? undefined : new Set(shape.keep);
}

/**
 * From an item the full schema accepted (zod's answer, when the quick check said no) to what the
 * quick check gives back of it: the `keep` fields it has, or the item itself without `keep`.
 */
export function keptFields<T>(shape: ItemShape): (item: unknown) => T {
  const keep = keptKeys(shape);
  if (keep === undefined) return (item) => item as T;
  return (item) => {
    const record = item as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    for (const key of keep) if (record[key] !== undefined) kept[key] = record[key];
    return kept as T;
  };
}

/**
 * A checker for one shape: the items as the schema (without unknown fields, or with only `keep`)
 * would give them, each string passed through `redactor.redactKnown`; or undefined when any item
 * is not plainly valid, so that zod checks the page and names the problem.
 */
export function itemChecker<T>(shape: ItemShape): (items: readonly unknown[], redactor: Redactor) => T[] | undefined {
  const keep = keptKeys(shape);
  const plan = Object.entries(shape.fields).map(([key, spec]) => ({
    key,
    rule: spec.replace('?', '') as FieldRule,
    required: !spec.endsWith('?'),
    kept: keep === undefined || keep.has(key),
  }));
  return (items, redactor) => {
    const out: T[] = new Array<T>(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
      const record = item as Record<string, unknown>;
      const value: Record<string, string> = {};
      for (const {key, rule, required, kept} of plan) {
        const raw = record[key];
        if (raw === undefined) {
          // An optional field that is absent is fine; one present as undefined cannot come from
          // JSON, and zod keeps it: zod decides.
          if (required || key in record) return undefined;
          continue;
        }
        const text = checked(rule, raw);
        if (text === undefined) return undefined;
        if (kept) value[key] = redactor.redactKnown(text);
      }
      out[i] = value as T;
    }
    return out;
  };
}
