/**
 * The flags of the root program (program.ts) and of `order` (commands/order.ts) as commander
 * declares them, each under the name commander gives its value. Data alone, importing nothing: the
 * token head start (token-head-start.ts) reads the very declarations commander is given, without
 * loading commander.
 */

/** The answers: root options (the wizard takes them) that `order` declares too, for its help. */
const ANSWER_FLAGS = {
  customer: '--customer <code>',
  vpn: '--vpn <vpn>',
  country: '--country <country>',
  siteName: '--site-name <name>',
  label: '--label <text>',
  reference: '--reference <ref>',
} as const;

export const ROOT_FLAGS = {
  profile: '-p, --profile <name>',
  env: '--env <name>',
  baseUrl: '--base-url <url>',
  sandbox: '--sandbox',
  debug: '--debug',
  debugFile: '--debug-file <path>',
  json: '--json',
  accessible: '--accessible',
  timeout: '--timeout <seconds>',
  orderTimeout: '--order-timeout <seconds>',
  ...ANSWER_FLAGS,
} as const;

export const ORDER_FLAGS = {
  ...ANSWER_FLAGS,
  dryRun: '--dry-run',
  resendIfAbsent: '--resend-if-absent',
  yes: '-y, --yes',
  from: '--from <file.csv>',
  concurrency: '--concurrency <n>',
} as const;
