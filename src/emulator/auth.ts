/**
 * The gateway checks every Business Talk call makes, in Orange's order: the bearer token (401 codes
 * 40/41/42), then the API key (a setting: 401 code 41 or 403 code 50), then the Accept header (406).
 */
import type {IncomingHttpHeaders} from 'node:http';
import {apiError, type Reply} from './replies.js';
import type {EmulatorState} from './state.js';
import type {EmulatorAccount, EmulatorSettings} from './types.js';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Absent, application/json, application/* or a wildcard: anything else cannot get JSON back. */
export function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const type = range.split(';')[0]?.trim().toLowerCase();
    return type === 'application/json' || type === 'application/*' || type === '*/*' || (type?.endsWith('+json') ?? false);
  });
}

export function authenticate(headers: IncomingHttpHeaders, state: EmulatorState, settings: EmulatorSettings): EmulatorAccount | Reply {
  const authorization = header(headers, 'authorization');
  const bearer = authorization === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (bearer === undefined) {
    return apiError('missingCredentials', 'The Authorization header is missing or is not "Bearer <access token>".');
  }
  const check = state.checkToken(bearer);
  if (check === 'unknown') return apiError('invalidCredentials', 'The access token is unknown or was revoked.');
  if (check === 'expired') return apiError('expiredCredentials', 'The access token expired: get a new one.');

  const apiKey = header(headers, 'x-bt-api-key');
  const account = state.accountForKey(apiKey);
  if (account === undefined) {
    const why = apiKey === undefined ? 'The X-BT-API-KEY header is missing.' : 'The X-BT-API-KEY is unknown or was revoked.';
    return settings.apiKeyError === 403 ? apiError('accessDenied', why) : apiError('invalidCredentials', why);
  }
  if (!acceptsJson(header(headers, 'accept'))) {
    return apiError('notAcceptable', 'This API only answers application/json: send "Accept: application/json".');
  }
  return account;
}
