/**
 * Whether this run is a `btalk order` that will ask for a token with credentials from the
 * environment, read from argv and the environment before the command tree loads; if so, that
 * token request goes on the wire now (api/head-start.ts), and the ~0.15 s of loading the command
 * tree, got and zod overlaps its round trip. The client takes it as its first attempt only when it
 * builds the very same request (the transport compares them), so an answer is read once, one way.
 *
 * Anything out of the ordinary sends nothing early and leaves the run as it was: another command,
 * an option this parse does not know, a secret from the keychain, no base URL or environment named
 * (the profile's config would decide), a proxy for the base URL, a --timeout or body cap of one's
 * own, an answer missing (the run may stop before any request), --from, --sandbox,
 * BTALK_HEAD_START=0.
 * So the secret goes only where, and only when, the run itself sends it.
 */
import {sendHeadStart, gotAcceptEncoding, type HeadStart} from './api/head-start.js';
import {basicAuthorization} from './api/basic-auth.js';
import {proxyForUrl} from './api/proxy.js';
import {tokenRequest, wireRequest} from './api/wire-request.js';
import type {WireRequest} from './api/transport.js';
import {isProfileName} from './domain/profile-name.js';
import {resolveEnvironment, tokenUrlFor} from './environments.js';
import {envFlag, withEnvDefaults, type GlobalOptions} from './global-options.js';
import {declaredFlags, ORDER_FLAGS, ROOT_FLAGS} from './option-flags.js';
import {mergeOrderOptions, type OrderFlags} from './order/order-options.js';
import {credentialsFromEnv} from './secrets/env-credentials.js';

type Env = Readonly<Record<string, string | undefined>>;

type FlagName = keyof typeof ROOT_FLAGS | keyof typeof ORDER_FLAGS;

/**
 * The options this parse reads, each as the run reads it (below, or changing nothing about the
 * token request). Any other (--sandbox, --help, one added later) sends nothing early: an option is
 * read only once it is listed here, since it may change the token request.
 */
export const READ_OPTIONS: readonly FlagName[] = [
  'profile', 'env', 'baseUrl', 'debug', 'debugFile', 'json', 'accessible', 'timeout', 'orderTimeout',
  'customer', 'vpn', 'country', 'siteName', 'label', 'reference',
  'dryRun', 'resendIfAbsent', 'yes', 'from', 'concurrency',
];

export interface OptionSpec {
  /** The name commander gives its value. */
  key: FlagName;
  /** It takes a value (`<...>`); otherwise it is a switch. */
  value: boolean;
  /** Only `order` declares it: before the word `order` commander refuses it (a usage error, nothing sent). */
  orderOnly: boolean;
}

/** READ_OPTIONS by flag, read from their declarations (option-flags.ts): a switch, or one required value. */
export const HEAD_START_OPTIONS: ReadonlyMap<string, OptionSpec> = new Map(
  READ_OPTIONS.flatMap((key) => {
    const root = key in ROOT_FLAGS;
    // Nothing else: an optional or variadic value could take the word `order` for itself.
    const declared = declaredFlags(root ? ROOT_FLAGS[key as keyof typeof ROOT_FLAGS] : ORDER_FLAGS[key as keyof typeof ORDER_FLAGS]);
    if (!declared) return [];
    const spec: OptionSpec = {key, value: declared.value, orderOnly: !root};
    return declared.flags.map((flag) => [flag, spec] as const);
  }),
);

/** `btalk order`'s flags as commander would read them, or undefined for anything else. */
function orderFlags(args: readonly string[]): Record<string, string | true> | undefined {
  const flags: Record<string, string | true> = {};
  let command = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = HEAD_START_OPTIONS.get(name);
    if (!command && spec?.orderOnly) return undefined;
    if (spec?.value) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value.startsWith('-')) return undefined;
      flags[spec.key] = value;
    } else if (spec && eq < 0) {
      flags[spec.key] = true;
    } else if (arg === 'order' && !command) {
      command = true;
    } else {
      return undefined;
    }
  }
  return command ? flags : undefined;
}

/** The token request this run will send first, or undefined when it is not sure to send exactly that. */
export function headStartRequest(args: readonly string[], env: Env, interactive: boolean, version: string): WireRequest | undefined {
  if (env['BTALK_HEAD_START'] !== undefined && !envFlag(env['BTALK_HEAD_START'])) return undefined;
  const flags = orderFlags(args);
  if (!flags) return undefined;
  let options;
  try {
    options = mergeOrderOptions(flags as OrderFlags, env);
  } catch {
    return undefined;
  }
  const {answers} = options;
  // The run stops before any request without these (a usage error, or a batch's own checks first).
  if (answers.vpn === undefined || answers.country === undefined || answers.label === undefined || options.from !== undefined) return undefined;
  if (!options.yes && !options.dryRun && !interactive) return undefined;
  const globals = withEnvDefaults(flags as GlobalOptions, env);
  if (globals.sandbox || globals.timeout !== undefined || globals.orderTimeout !== undefined || env['BTALK_MAX_BODY_MB']?.trim()) return undefined;
  if (!isProfileName(globals.profile ?? 'default')) return undefined;
  const {clientId, clientSecret, apiKey} = credentialsFromEnv(env);
  if (!clientId || !clientSecret || !apiKey) return undefined;
  if (!globals.baseUrl && !globals.env) return undefined;
  let baseUrl: string;
  try {
    baseUrl = resolveEnvironment({env: globals.env, baseUrl: globals.baseUrl}).baseUrl;
  } catch {
    return undefined;
  }
  // The head start goes direct: not when the client would use a proxy (the transport's own rule, for the same URL).
  if (proxyForUrl(baseUrl, env) !== undefined) return undefined;
  const target = {baseUrl, tokenUrl: tokenUrlFor(baseUrl), userAgent: `btalk/${version}`, apiHeaders: {'x-bt-api-key': apiKey}};
  return wireRequest(tokenRequest(basicAuthorization(clientId, clientSecret)), target);
}

/** Sends it, when there is one to send; `versions` is process.versions (got's Accept-Encoding depends on it). */
export async function startHeadStart(
  args: readonly string[],
  env: Env,
  interactive: boolean,
  version: string,
  versions: Readonly<Record<string, string | undefined>>,
): Promise<HeadStart | undefined> {
  const wire = headStartRequest(args, env, interactive, version);
  if (!wire) return undefined;
  const {request} = new URL(wire.url).protocol === 'https:' ? await import('node:https') : await import('node:http');
  return sendHeadStart(wire, request, gotAcceptEncoding(versions));
}
