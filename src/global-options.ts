/** Options every command accepts (declared on the root program in program.ts). */
export interface GlobalOptions {
  profile?: string;
  env?: string;
  baseUrl?: string;
  /** Use the embedded emulator with its demo account. */
  sandbox?: boolean;
  debug?: boolean;
  /** Where debug lines go instead (BTALK_DEBUG_FILE); giving one turns debugging on. */
  debugFile?: string;
  json?: boolean;
  /** Seconds one read may take, retries and pauses included (BTALK_TIMEOUT). */
  timeout?: string;
  /** Seconds the order POST may take (BTALK_ORDER_TIMEOUT). */
  orderTimeout?: string;
  /** The wizard as plain line-by-line prompts (BTALK_ACCESSIBLE, or Ink's INK_SCREEN_READER=true). */
  accessible?: boolean;
}

/**
 * The one reading of a yes/no environment variable (BTALK_SANDBOX, BTALK_DEBUG, BTALK_YES,
 * BTALK_DRY_RUN): unset, empty, "0", "false", "no" and "off" (any case, spaces around) mean no;
 * anything else means yes.
 */
export function envFlag(value: string | undefined): boolean {
  if (value === undefined) return false;
  return !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

/** BTALK_ACCESSIBLE, or Ink's own switch for screen readers read as Ink reads it (exactly "true"). */
export function accessibleFromEnv(env: Readonly<Record<string, string | undefined>>): boolean {
  return envFlag(env['BTALK_ACCESSIBLE']) || env['INK_SCREEN_READER'] === 'true';
}

/** Global options, with environment variables filling what flags left out. */
export function withEnvDefaults(flags: GlobalOptions, env: Readonly<Record<string, string | undefined>>): GlobalOptions {
  return {
    profile: flags.profile ?? env['BTALK_PROFILE'] ?? 'default',
    env: flags.env ?? env['BTALK_ENV'],
    // A flag beats every variable: `--env orange` typed on the command line is not overridden by a
    // BTALK_BASE_URL left in the shell (e.g. by `eval "$(btalk sandbox)"`).
    baseUrl: flags.baseUrl ?? (flags.env === undefined ? env['BTALK_BASE_URL'] : undefined),
    sandbox: flags.sandbox ?? envFlag(env['BTALK_SANDBOX']),
    debug: flags.debug ?? (envFlag(env['BTALK_DEBUG']) || Boolean(flags.debugFile ?? env['BTALK_DEBUG_FILE'])),
    ...(flags.debugFile ?? env['BTALK_DEBUG_FILE'] ? {debugFile: flags.debugFile ?? env['BTALK_DEBUG_FILE']} : {}),
    json: flags.json ?? false,
    accessible: flags.accessible ?? accessibleFromEnv(env),
    ...(flags.timeout ?? env['BTALK_TIMEOUT'] ? {timeout: flags.timeout ?? env['BTALK_TIMEOUT']} : {}),
    ...(flags.orderTimeout ?? env['BTALK_ORDER_TIMEOUT'] ? {orderTimeout: flags.orderTimeout ?? env['BTALK_ORDER_TIMEOUT']} : {}),
  };
}
