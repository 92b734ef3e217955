/**
 * `btalk order`'s answers: each from its flag, else its environment variable, so a script can set
 * any of them either way. The flag always wins.
 */
import {BtalkError} from '../errors.js';
import {envFlag} from '../global-options.js';

/** What commander hands the action (camelCased long flags). */
export interface OrderFlags {
  customer?: string;
  vpn?: string;
  country?: string;
  siteName?: string;
  label?: string;
  reference?: string;
  dryRun?: boolean;
  yes?: boolean;
  from?: string;
  concurrency?: string;
}

/** The answers a single order or a batch row is made of. */
export type AnswerName = 'customer' | 'vpn' | 'country' | 'siteName' | 'label' | 'reference';

export const ANSWERS: ReadonlyArray<{name: AnswerName; flag: string; env: string; column: string}> = [
  {name: 'customer', flag: '--customer', env: 'BTALK_CUSTOMER', column: 'customer'},
  {name: 'vpn', flag: '--vpn', env: 'BTALK_VPN', column: 'vpn'},
  {name: 'country', flag: '--country', env: 'BTALK_COUNTRY', column: 'country'},
  {name: 'siteName', flag: '--site-name', env: 'BTALK_SITE_NAME', column: 'site-name'},
  {name: 'label', flag: '--label', env: 'BTALK_LABEL', column: 'label'},
  {name: 'reference', flag: '--reference', env: 'BTALK_REFERENCE', column: 'reference'},
];

export function answerInfo(name: AnswerName): {name: AnswerName; flag: string; env: string; column: string} {
  const info = ANSWERS.find((a) => a.name === name);
  if (!info) throw new Error(`unknown answer ${name}`);
  return info;
}

/** How a problem with an answer is named for a person: "--vpn (BTALK_VPN)". */
export function answerLabel(name: AnswerName): string {
  const info = answerInfo(name);
  return `${info.flag} (${info.env})`;
}

export type Answers = Partial<Record<AnswerName, string>>;

export interface OrderOptions {
  answers: Answers;
  dryRun: boolean;
  yes: boolean;
  from: string | undefined;
  concurrency: number;
}

export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 16;

function nonEmpty(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value.trim().length === 0 ? undefined : value;
}

/** Flags merged with BTALK_* variables. Throws a usage error when --concurrency is not a number in range. */
export function mergeOrderOptions(flags: OrderFlags, env: Readonly<Record<string, string | undefined>>): OrderOptions {
  const answers: Answers = {};
  for (const a of ANSWERS) {
    const value = nonEmpty(flags[a.name]) ?? nonEmpty(env[a.env]);
    if (value !== undefined) answers[a.name] = value;
  }
  const rawConcurrency = flags.concurrency ?? nonEmpty(env['BTALK_CONCURRENCY']);
  let concurrency = DEFAULT_CONCURRENCY;
  if (rawConcurrency !== undefined) {
    concurrency = Number(rawConcurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new BtalkError('usage', `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${rawConcurrency}".`, {
        hint: `Orders are sent ${DEFAULT_CONCURRENCY} at a time by default; the API rate-limits bigger bursts.`,
        problems: [{field: '--concurrency (BTALK_CONCURRENCY)', message: `a whole number from 1 to ${MAX_CONCURRENCY}`}],
      });
    }
  }
  return {
    answers,
    dryRun: flags.dryRun ?? envFlag(env['BTALK_DRY_RUN']),
    yes: flags.yes ?? envFlag(env['BTALK_YES']),
    from: nonEmpty(flags.from),
    concurrency,
  };
}
