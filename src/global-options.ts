/** Options every command accepts (set on the root program in cli.tsx). */
export interface GlobalOptions {
  profile?: string;
  env?: string;
  baseUrl?: string;
  /** Use the embedded emulator with its demo account. */
  sandbox?: boolean;
  debug?: boolean;
  json?: boolean;
}

/** Global options, with environment variables filling what flags left out. */
export function withEnvDefaults(flags: GlobalOptions, env: Readonly<Record<string, string | undefined>>): GlobalOptions {
  const truthy = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
  return {
    profile: flags.profile ?? env['BTALK_PROFILE'] ?? 'default',
    env: flags.env ?? env['BTALK_ENV'],
    // A flag beats every variable: `--env orange` typed on the command line is not overridden by a
    // BTALK_BASE_URL left in the shell (e.g. by `eval "$(btalk sandbox)"`).
    baseUrl: flags.baseUrl ?? (flags.env === undefined ? env['BTALK_BASE_URL'] : undefined),
    sandbox: flags.sandbox ?? truthy(env['BTALK_SANDBOX']),
    debug: flags.debug ?? truthy(env['BTALK_DEBUG']),
    json: flags.json ?? false,
  };
}
