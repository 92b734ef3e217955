/**
 * The ready-made header Orange's MyApps page shows for an application: `Authorization: Basic
 * <base64 of client_id:client_secret>`. btalk takes it (with or without the `Authorization:` name)
 * in place of the client id and secret, and refuses clearly anything that does not decode to
 * `id:secret`. The value is decoded as MyApps builds it: the id and secret joined as they are,
 * split at the first ":" (a client id has none; a secret may).
 */
import {BtalkError} from '../errors.js';

export const AUTHORIZATION_ENV_VAR = 'BTALK_AUTHORIZATION';

const PREFIX = /^\s*(?:authorization\s*:\s*)?basic(?:\s+|$)/i;

/** True when the text is meant as a Basic header (so it is masked and decoded, not taken as an id). */
export function looksLikeBasicHeader(text: string): boolean {
  return PREFIX.test(text) || /^\s*authorization\s*:/i.test(text);
}

function refuse(why: string): BtalkError {
  return new BtalkError('usage', `The Authorization value ${why}; nothing was sent or saved.`, {
    hint: 'Copy the whole "Basic ..." value from the MyApps page, or give the client id and client secret instead.',
  });
}

export function decodeBasicHeader(raw: string): {clientId: string; clientSecret: string} {
  const text = raw.trim();
  if (/^\s*(?:authorization\s*:\s*)?bearer\b/i.test(text)) {
    throw refuse('is a Bearer access token, not the Basic client credentials');
  }
  if (!PREFIX.test(text)) throw refuse('does not start with "Basic "');
  const encoded = text.replace(PREFIX, '').replace(/\s+/g, '');
  if (encoded === '') throw refuse('has nothing after "Basic"');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.replace(/=+$/, '').length % 4 === 1) {
    throw refuse('is not base64 (after "Basic " only A-Z, a-z, 0-9, +, / and = padding may follow)');
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', {fatal: true}).decode(Buffer.from(encoded, 'base64'));
  } catch {
    throw refuse('does not decode to text');
  }
  // Never echo the decoded text: it holds the secret.
  if (/[\u0000-\u001f\u007f]/.test(decoded)) throw refuse('decodes to text with control characters, not client-id:client-secret');
  const colon = decoded.indexOf(':');
  if (colon === -1) throw refuse('does not decode to client-id:client-secret (there is no ":")');
  const clientId = decoded.slice(0, colon).trim();
  const clientSecret = decoded.slice(colon + 1).trim();
  if (clientId === '') throw refuse('decodes to an empty client id');
  if (clientSecret === '') throw refuse(`decodes to client id "${clientId}" with an empty client secret`);
  return {clientId, clientSecret};
}
