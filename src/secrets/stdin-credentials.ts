/**
 * Reading the three secrets from standard input for `btalk login` without a terminal (never from
 * argv, where they would show in `ps` and shell history). Two formats:
 *   - three lines: client id, client secret, API key;
 *   - KEY=VALUE lines, keys BTALK_CLIENT_ID / BTALK_CLIENT_SECRET / BTALK_API_KEY (the BTALK_
 *     prefix is optional, case does not matter, values may be quoted).
 *   - the MyApps `Basic <base64>` value (optionally `Authorization: Basic ...`) in place of the
 *     client id and secret: two lines (the header, the API key), or AUTHORIZATION=... as a key.
 * Blank lines and lines starting with # are ignored.
 */
import type {Readable} from 'node:stream';
import type {Credentials} from '../api/types.js';
import {BtalkError} from '../errors.js';
import {decodeBasicHeader, looksLikeBasicHeader} from './basic-header.js';
import {CREDENTIAL_ENV_VARS} from './env-credentials.js';

/** What was read; `fromHeader` is set when the id and secret came from a Basic header. */
export type ReadCredentials = Partial<Credentials> & {fromHeader?: boolean};

const MAX_BYTES = 64 * 1024;

const KEY_NAMES: Record<string, keyof Credentials> = {
  client_id: 'clientId',
  client_secret: 'clientSecret',
  api_key: 'apiKey',
};

function keyOf(line: string): {field: keyof Credentials | 'authorization'; value: string} | undefined {
  const match = /^\s*(?:export\s+)?([A-Za-z_-]+)\s*=(.*)$/.exec(line);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase().replace(/-/g, '_').replace(/^btalk_/, '');
  const field = name === 'authorization' ? 'authorization' : KEY_NAMES[name];
  if (!field) return undefined;
  let value = match[2]!.trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
  return {field, value};
}

/**
 * `missing`: the fields the environment left open. Fewer than three plain lines that match them
 * in number fill them in order (BTALK_AUTHORIZATION set, the API key piped in).
 */
export function parseCredentialLines(text: string, missing: ReadonlyArray<keyof Credentials> = []): ReadCredentials {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) return {};
  if (looksLikeBasicHeader(lines[0]!)) {
    if (lines.length > 2) {
      throw new BtalkError('usage', `Standard input has ${lines.length} lines after a Basic header; expected 2 (the "Basic ..." value, the API key).`, {
        hint: 'Give the Authorization value on the first line and the API key on the second.',
      });
    }
    const {clientId, clientSecret} = decodeBasicHeader(lines[0]!);
    return {clientId, clientSecret, fromHeader: true, ...(lines[1] ? {apiKey: lines[1]} : {})};
  }
  const keyed = lines.map(keyOf);
  if (keyed.every((k) => k !== undefined)) {
    const out: ReadCredentials = {};
    let header: string | undefined;
    for (const k of keyed) {
      if (!k || k.value === '') continue;
      if (k.field === 'authorization') header = k.value;
      else out[k.field] = k.value;
    }
    // BTALK_CLIENT_ID / BTALK_CLIENT_SECRET given as well are the more specific answer.
    return header === undefined ? out : {...fromHeaderValue(header), ...out};
  }
  if (keyed.some((k) => k !== undefined)) {
    throw new BtalkError('usage', 'Standard input mixes KEY=VALUE lines with plain lines.', {
      hint: `Give either three lines (client id, client secret, API key) or ${Object.values(CREDENTIAL_ENV_VARS).map((name) => `${name}=`).join(', ')} lines.`,
    });
  }
  if (lines.length > 3) {
    throw new BtalkError('usage', `Standard input has ${lines.length} lines; expected 3 (client id, client secret, API key).`, {
      hint: 'Give exactly three lines, or KEY=VALUE lines.',
    });
  }
  if (lines.length < 3 && missing.length === lines.length) {
    return Object.fromEntries(missing.map((field, i) => [field, lines[i]!])) as ReadCredentials;
  }
  const [clientId, clientSecret, apiKey] = lines;
  return {
    ...(clientId ? {clientId} : {}),
    ...(clientSecret ? {clientSecret} : {}),
    ...(apiKey ? {apiKey} : {}),
  };
}

function fromHeaderValue(value: string): ReadCredentials {
  return {...decodeBasicHeader(value), fromHeader: true};
}

/** BTALK_AUTHORIZATION from the environment, decoded (the caller lets BTALK_CLIENT_ID/SECRET win). */
export function credentialsFromAuthorization(value: string | undefined): ReadCredentials {
  return value === undefined || value.trim() === '' ? {} : fromHeaderValue(value);
}

export async function readAll(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.length > MAX_BYTES) {
      throw new BtalkError('usage', 'Standard input is too large for three credentials.', {hint: 'Pipe only the three secrets into btalk login.'});
    }
  }
  return text;
}
