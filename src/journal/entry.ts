/**
 * One line of the order journal: what was asked for, what came of it and where to look next (the
 * request ids support asks for). Never a secret: no client secret, API key, token or header.
 */
import * as z from 'zod';

export const JOURNAL_OUTCOMES = ['ordered', 'recovered', 'refused', 'unknown'] as const;
export type JournalOutcome = (typeof JOURNAL_OUTCOMES)[number];

export const JOURNAL_SOURCES = ['wizard', 'order', 'batch'] as const;

const text = z.string();

export const JournalEntrySchema = z.object({
  v: z.literal(1),
  time: z.string(),
  btalk: text,
  source: z.enum(JOURNAL_SOURCES),
  profile: text,
  environment: text,
  baseUrl: text,
  customer: z.object({code: text, name: text.optional()}),
  vpn: z.object({id: text, name: text.optional()}),
  country: text,
  technicalSiteName: text,
  customerSiteLabel: text,
  customerOrderReference: text,
  outcome: z.enum(JOURNAL_OUTCOMES),
  voiceSiteId: text.optional(),
  orderId: text.optional(),
  requestIds: z.array(text),
  error: text.optional(),
  batch: z.object({file: text, row: z.number()}).optional(),
  /** Names of the fields shortened to keep the line short (never silently). */
  shortened: z.array(text).optional(),
});

export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** What the caller of an order knows; the session adds who, where and when. */
export type OrderAttempt = Omit<JournalEntry, 'v' | 'time' | 'btalk' | 'profile' | 'environment' | 'baseUrl' | 'shortened'>;
