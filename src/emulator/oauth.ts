/**
 * POST /oauth/v3/token: OAuth 2.0 client credentials as Orange serves it (the getting-started page). The Basic
 * header is decoded per RFC 6749 2.3.1: base64, split at the first ':', then each half
 * form-urldecoded ('+' is a space, %XX a byte), so a client that skips the encoding fails here
 * exactly as it would against Orange.
 */
import type {IncomingHttpHeaders} from 'node:http';
import {json, oauthError, type Reply} from './replies.js';
import type {EmulatorState} from './state.js';

export interface TokenRequest {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function formDecode(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, ' '));
}

/** {clientId, clientSecret}, or a sentence saying why the header is unusable. */
export function decodeBasic(header: string | undefined): {clientId: string; clientSecret: string} | string {
  if (header === undefined) return 'Client authentication is missing: send an Authorization: Basic header.';
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
  if (!match?.[1]) return 'The Authorization header is not a valid Basic header.';
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'The Basic credentials have no ":" between client id and secret.';
  try {
    return {clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1))};
  } catch {
    return 'The Basic credentials are not form-urlencoded (RFC 6749 2.3.1).';
  }
}

export function handleToken(request: TokenRequest, state: EmulatorState, lifetimeSeconds: number): Reply {
  const credentials = decodeBasic(request.headers.authorization);
  if (typeof credentials === 'string') return oauthError(401, 'invalid_client', credentials);
  if (!state.findClient(credentials.clientId, credentials.clientSecret)) {
    return oauthError(401, 'invalid_client', 'Client authentication failed: unknown client id or wrong secret.');
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return oauthError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.');
  }
  const grant = new URLSearchParams(request.body.toString('utf8')).get('grant_type');
  if (grant === null || grant === '') return oauthError(400, 'invalid_request', 'grant_type is missing.');
  if (grant !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', `grant_type "${grant}" is not supported: use client_credentials.`);
  }
  const lifetime = Math.max(0, lifetimeSeconds);
  return json(
    200,
    {token_type: 'Bearer', access_token: state.issueToken(lifetime), expires_in: Math.round(lifetime)},
    {'cache-control': 'no-store', pragma: 'no-cache'},
  );
}
