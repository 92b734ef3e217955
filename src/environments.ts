/**
 * Named Business Talk environments and the rules for base URLs, in one place.
 */
import {BtalkError} from './errors.js';

export const ENVIRONMENTS = {
  'orange-sandbox': 'https://api.orange.com/btalk/beta/v1',
  orange: 'https://api.orange.com/btalk/v1',
} as const;

export type EnvironmentName = keyof typeof ENVIRONMENTS;

export const DEFAULT_ENVIRONMENT: EnvironmentName = 'orange-sandbox';

/** The base path the emulator serves, the same as the Orange sandbox's. */
export const EMULATOR_BASE_PATH = '/btalk/beta/v1';

export interface ResolvedEnvironment {
  /** "orange-sandbox", "orange", "sandbox" (the embedded emulator) or "custom". */
  name: EnvironmentName | 'sandbox' | 'custom';
  baseUrl: string;
}

export function isEnvironmentName(value: string): value is EnvironmentName {
  return Object.hasOwn(ENVIRONMENTS, value);
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Base URLs must be https, except loopback hosts (the emulator). Returns it without a trailing slash. */
export function checkBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BtalkError('usage', `"${raw}" is not a valid base URL.`, {
      hint: 'Give a full URL such as https://api.orange.com/btalk/beta/v1, or use --env.',
    });
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new BtalkError('usage', `Refusing base URL ${url.origin}: only https is allowed (plain http only on 127.0.0.1/localhost).`, {
      hint: 'Use an https:// URL so credentials are never sent in clear text.',
    });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new BtalkError('usage', 'The base URL must not contain credentials, a query or a fragment.', {
      hint: 'Give only scheme, host, port and path, e.g. https://api.orange.com/btalk/beta/v1.',
    });
  }
  return url.href.replace(/\/+$/, '');
}

/** Picks the environment from an explicit base URL or a name. */
export function resolveEnvironment(input: {env?: string | undefined; baseUrl?: string | undefined}): ResolvedEnvironment {
  if (input.baseUrl) return {name: 'custom', baseUrl: checkBaseUrl(input.baseUrl)};
  const name = input.env ?? DEFAULT_ENVIRONMENT;
  if (!isEnvironmentName(name)) {
    throw new BtalkError('usage', `Unknown environment "${name}".`, {
      hint: `Use one of: ${Object.keys(ENVIRONMENTS).join(', ')}, or --base-url URL.`,
    });
  }
  return {name, baseUrl: ENVIRONMENTS[name]};
}

/** The OAuth token endpoint on the same host as the base URL. */
export function tokenUrlFor(baseUrl: string): string {
  return new URL('/oauth/v3/token', baseUrl).href;
}
