/**
 * Reading the three secrets from standard input for `btalk login` without a terminal (never from
 * argv, where they would show in `ps` and shell history). Two formats:
 *   - three lines: client id, client secret, API key;
 *   - KEY=VALUE lines, keys BTALK_CLIENT_ID / BTALK_CLIENT_SECRET / BTALK_API_KEY (the BTALK_
 *     prefix is optional, case does not matter, values may be quoted).
 * Blank lines and lines starting with # are ignored.
 */
import type {Readable} from 'node:stream';
import type {Credentials} from '../api/types.js';
import {BtalkError} from '../errors.js';

const MAX_BYTES = 64 * 1024;

const KEY_NAMES: Record<string, keyof Credentials> = {
  client_id: 'clientId',
  client_secret: 'clientSecret',
  api_key: 'apiKey',
};

function keyOf(line: string): {field: keyof Credentials; value: string} | undefined {
  const match = /^\s*(?:export\s+)?([A-Za-z_-]+)\s*=(.*)$/.exec(line);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase().replace(/-/g, '_').replace(/^btalk_/, '');
  const field = KEY_NAMES[name];
  if (!field) return undefined;
  let value = match[2]!.trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
  return {field, value};
}

export function parseCredentialLines(text: string): Partial<Credentials> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) return {};
  const keyed = lines.map(keyOf);
  if (keyed.every((k) => k !== undefined)) {
    const out: Partial<Credentials> = {};
    for (const k of keyed) if (k && k.value !== '') out[k.field] = k.value;
    return out;
  }
  if (keyed.some((k) => k !== undefined)) {
    throw new BtalkError('usage', 'Standard input mixes KEY=VALUE lines with plain lines.', {
      hint: 'Give either three lines (client id, client secret, API key) or BTALK_CLIENT_ID=, BTALK_CLIENT_SECRET=, BTALK_API_KEY= lines.',
    });
  }
  if (lines.length > 3) {
    throw new BtalkError('usage', `Standard input has ${lines.length} lines; expected 3 (client id, client secret, API key).`, {
      hint: 'Give exactly three lines, or KEY=VALUE lines.',
    });
  }
  const [clientId, clientSecret, apiKey] = lines;
  return {
    ...(clientId ? {clientId} : {}),
    ...(clientSecret ? {clientSecret} : {}),
    ...(apiKey ? {apiKey} : {}),
  };
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
