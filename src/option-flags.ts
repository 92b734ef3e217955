/**
 * The flags of the root program (program.ts) and of `order` (commands/order.ts) as commander
 * declares them, each under the name commander gives its value. Importing nothing: the token head
 * start (token-head-start.ts) and the wizard's first frame (prepaint.ts) read the very
 * declarations commander is given, through `declaredFlags`, without loading commander.
 */

/**
 * A declaration's flags ("-p, --profile <name>": "-p" and "--profile") and whether it takes one
 * required value. Undefined for any other form (an optional or variadic value): a parse made
 * before commander's cannot tell what such an option takes, so it reads none of them.
 */
export function declaredFlags(declaration: string): {flags: string[]; value: boolean} | undefined {
  const parsed = /^(?:(-\w), )?(--[\w-]+)( <[^>]*[^.>]>)?$/.exec(declaration);
  if (!parsed) return undefined;
  return {flags: [parsed[1], parsed[2]].filter((flag): flag is string => flag !== undefined), value: parsed[3] !== undefined};
}

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
  encoding: '--encoding <name>',
} as const;
