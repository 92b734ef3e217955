/**
 * `btalk order`'s answers: each from its flag, else its environment variable, so a script can set
 * any of them either way. The flag always wins.
 */
import {BtalkError} from '../errors.js';
import {envFlag} from '../global-options.js';
import {DEFAULT_RECHECK, type RecheckSettings} from './place-order.js';
import {GIVEN_ENCODINGS, givenEncoding, type GivenEncoding} from '../csv/encodings.js';

/** The re-check window: BTALK_RECHECK_SECONDS long, pauses growing from a tenth of it (2 s by default). */
export function recheckFrom(raw: string | undefined): RecheckSettings {
  if (raw === undefined || raw.trim() === '') return DEFAULT_RECHECK;
  const seconds = Number(raw.trim());
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new BtalkError('usage', `BTALK_RECHECK_SECONDS must be a number of seconds from 0 to 3600, not "${raw}".`);
  }
  const windowMs = Math.round(seconds * 1000);
  return {windowMs, firstDelayMs: Math.min(DEFAULT_RECHECK.firstDelayMs, windowMs / 10), maxDelayMs: Math.min(DEFAULT_RECHECK.maxDelayMs, windowMs / 4)};
}

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
  encoding?: string;
  resendIfAbsent?: boolean;
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
  /** The CSV file's encoding as --encoding names it; undefined: told from its bytes. */
  encoding?: GivenEncoding;
  /** After an unknown outcome and its re-check window: one more complete check, and if absent, one resend. */
  resendIfAbsent: boolean;
  /** The re-check window after an unknown outcome, from BTALK_RECHECK_SECONDS (default 120 s). */
  recheck: RecheckSettings;
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
  const encoding = flags.encoding === undefined ? undefined : givenEncoding(flags.encoding);
  if (flags.encoding !== undefined && encoding === undefined) {
    throw new BtalkError('usage', `--encoding must be one of ${Object.keys(GIVEN_ENCODINGS).join(', ')}, not "${flags.encoding}".`, {
      hint: 'Without it, btalk reads UTF-8, UTF-16 with a BOM and Windows-1252 by itself; macintosh is Excel for Mac\'s "CSV (Macintosh)", cp850 Excel\'s "CSV (MS-DOS)".',
      problems: [{field: '--encoding', message: Object.keys(GIVEN_ENCODINGS).join(', ')}],
    });
  }
  if (flags.from !== undefined && flags.from.trim() === '') {
    throw new BtalkError('usage', '--from needs the path of a CSV file, not an empty one.', {hint: 'btalk order --from sites.csv --dry-run'});
  }
  if (encoding !== undefined && flags.from === undefined) {
    throw new BtalkError('usage', '--encoding goes with --from: it says how the CSV file is written.', {hint: 'btalk order --from sites.csv --encoding macintosh --dry-run'});
  }
  return {
    answers,
    ...(encoding === undefined ? {} : {encoding}),
    dryRun: flags.dryRun ?? envFlag(env['BTALK_DRY_RUN']),
    yes: flags.yes ?? envFlag(env['BTALK_YES']),
    from: nonEmpty(flags.from),
    concurrency,
    resendIfAbsent: flags.resendIfAbsent ?? envFlag(env['BTALK_RESEND_IF_ABSENT']),
    recheck: recheckFrom(env['BTALK_RECHECK_SECONDS']),
  };
}
