/**
 * What every fuzzed call must end in: a value of the promised shape, complete, printable as JSON,
 * with no secret in it; or a BtalkError of a kind other than 'bug' whose every rendering (the
 * stderr lines, the Ink lines, `--json`) is terminal-safe, starts no line with server text and
 * shows no secret. Each broken promise comes back as a sentence.
 */
import {BtalkError, errorLines, formatError} from '../../../src/errors.js';
import {hasTerminalControl, RAW_TERMINAL_CONTROL, terminalSafeJson} from '../../../src/text/terminal-safe.js';
import type {FuzzCase} from './endpoints.js';
import {FUZZ_SECRETS} from './secrets.js';
import {FORGED} from './values.js';

export type Outcome = {ok: true; value: unknown} | {ok: false; error: unknown};

const isText = (v: unknown): v is string => typeof v === 'string';

/** A list is whole: as many items as the server served, none dropped. */
function complete(items: unknown[], served: number): string | undefined {
  return items.length === served ? undefined : `the list has ${items.length} items, the server served ${served}`;
}

function shapeProblem(c: FuzzCase, value: unknown, served: () => number): string | undefined {
  const record = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
  const listed = (items: unknown, check: (item: Record<string, unknown>) => boolean): string | undefined => {
    if (!Array.isArray(items)) return 'the list is not an array';
    if (!items.every((item) => check(record(item)))) return 'a list item lacks a field the type promises';
    return undefined;
  };
  switch (c.target) {
    case 'token':
    case 'me':
      return isText(record(value).rightsProfile) && (record(value).rightsProfile as string).length > 0 ? undefined : 'me() gave no rightsProfile';
    case 'customers':
      return listed(value, (i) => isText(i.name) && isText(i.customerCode)) ?? complete(value as unknown[], served());
    case 'vpns':
      return listed(value, (i) => isText(i.vpnId) && isText(i.name)) ?? complete(value as unknown[], served());
    case 'country': {
      const v = record(value);
      return isText(v.name) && isText(v.iso2) && v.iso2.length === 2 && isText(record(v.coverage).businessTalkOnline) ? undefined : 'the country lacks a field the type promises';
    }
    case 'voicesites':
    case 'voicesite-pages': {
      const sites = c.find ? record(value).matches : value;
      const bad = listed(sites, (i) => isText(i.voiceSiteId) && isText(i.technicalSiteName));
      if (bad) return bad;
      const count = c.find ? record(value).count : (sites as unknown[]).length;
      return count === served() ? undefined : `the list has ${String(count)} sites, the server served ${served()}`;
    }
    case 'order':
    case 'order-fallback':
      return isText(record(value).voiceSiteId) ? undefined : 'the order answer has no voiceSiteId';
  }
}

/** The secrets the client holds in this case: a token it never received is not one of them. */
export function secretsOf(c: FuzzCase): string[] {
  return c.target === 'token' ? FUZZ_SECRETS.values.filter((s) => s !== FUZZ_SECRETS.accessToken) : FUZZ_SECRETS.values;
}

function jsonProblems(what: string, value: unknown, secrets: string[]): string[] {
  let json: string;
  try {
    json = terminalSafeJson(value);
    JSON.parse(json);
  } catch (error) {
    return [`${what} cannot be written as JSON (${String(error)})`];
  }
  const problems: string[] = [];
  if (hasTerminalControl(json)) problems.push(`${what} as JSON holds a raw control character`);
  const secret = secrets.find((s) => json.includes(s));
  if (secret) problems.push(`${what} as JSON shows a secret (${secret.slice(0, 6)}...)`);
  return problems;
}

/** Every promise the outcome breaks; empty when it keeps them all. `served` counts the list items sent. */
export function outcomeProblems(c: FuzzCase, outcome: Outcome, served: () => number): string[] {
  const secrets = secretsOf(c);
  if (outcome.ok) {
    const shape = shapeProblem(c, outcome.value, served);
    return [...(shape ? [shape] : []), ...jsonProblems('the value', outcome.value, secrets)];
  }
  const error = outcome.error;
  if (!(error instanceof BtalkError)) return [`rejected with ${error instanceof Error ? error.constructor.name : typeof error}, not a BtalkError: ${String(error).slice(0, 300)}`];
  const problems: string[] = [];
  if (error.kind === 'bug') problems.push(`a 'bug' error: ${error.message.slice(0, 300)}`);
  if (/this is a bug/i.test(error.hint ?? '')) problems.push(`the hint calls it a bug: ${error.hint}`);
  const rendered = [...errorLines(error).map((l) => l.text), ...formatError(error)];
  for (const line of rendered) {
    if (RAW_TERMINAL_CONTROL.test(line)) problems.push(`an error line holds a raw control character: ${JSON.stringify(line.slice(0, 200))}`);
    for (const physical of line.split('\n')) {
      if (physical.trimStart().startsWith(FORGED)) problems.push(`server text starts a line of its own: ${JSON.stringify(line.slice(0, 200))}`);
    }
  }
  const text = rendered.join('\n');
  const secret = secrets.find((s) => text.includes(s));
  if (secret) problems.push(`an error line shows a secret (${secret.slice(0, 6)}...)`);
  problems.push(...jsonProblems('the error', error.toJSON(), secrets));
  return problems;
}
