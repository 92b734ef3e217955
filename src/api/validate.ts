/**
 * Response validation: a zod failure becomes one line naming the field, e.g.
 * "customers[0].customerCode: missing (expected string or number)".
 */
import type {z} from 'zod';

type Issue = z.core.$ZodIssue;

function fieldPath(label: string, base: number, path: ReadonlyArray<PropertyKey>): string {
  let out = label;
  path.forEach((part, i) => {
    if (typeof part === 'number') out += `[${i === 0 ? base + part : part}]`;
    else out += `.${String(part)}`;
  });
  return out;
}

function describe(issue: Issue): string {
  if (issue.code === 'invalid_union') {
    const branches = issue.errors.map((b) => b[0]).filter((b): b is Issue => b !== undefined);
    if (branches.length > 0 && branches.every((b) => b.code === 'invalid_type' && b.path.length === 0)) {
      const expected = branches.map((b) => (b.code === 'invalid_type' ? b.expected : '')).join(' or ');
      const received = /received (\w+)/.exec(branches[0]?.message ?? '')?.[1];
      return received === 'undefined' ? `missing (expected ${expected})` : `expected ${expected}${received ? `, received ${received}` : ''}`;
    }
  }
  const message = issue.message.replace(/^Invalid input:\s*/, '');
  if (/received undefined$/.test(message)) return `missing (${message.replace(/, received undefined$/, '')})`;
  return message;
}

/** Parses `data` or returns the first problem as "label[i].field: reason". `base` offsets list indexes (pages). */
export function validate<T>(schema: z.ZodType<T>, data: unknown, label: string, base = 0): {ok: true; value: T} | {ok: false; problem: string} {
  const result = schema.safeParse(data);
  if (result.success) return {ok: true, value: result.data};
  const issue = result.error.issues[0];
  if (!issue) return {ok: false, problem: `${label}: invalid`};
  return {ok: false, problem: `${fieldPath(label, base, issue.path)}: ${describe(issue)}`};
}
