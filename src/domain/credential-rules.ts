/**
 * The shape the three secrets must have before any request: each is required, the API key is
 * exactly 40 characters. One wording for the login form, the wizard, piped input and status, so a
 * person meets one rule. Pure (no Ink, no I/O): screens and commands both import it.
 */
import type {Credentials} from '../api/types.js';

export const API_KEY_LENGTH = 40;

/** What is wrong with typed or piped credentials, per field; empty when they may be sent. */
export function credentialProblems(values: Credentials): Partial<Record<keyof Credentials, string>> {
  const problems: Partial<Record<keyof Credentials, string>> = {};
  if (values.clientId.trim() === '') problems.clientId = 'required';
  if (values.clientSecret.trim() === '') problems.clientSecret = 'required';
  const key = values.apiKey.trim();
  if (key === '') problems.apiKey = 'required';
  else if (key.length !== API_KEY_LENGTH) problems.apiKey = `must be exactly ${API_KEY_LENGTH} characters (now ${key.length})`;
  return problems;
}

/** Why a stored API key cannot be right, or undefined when it has the documented shape. */
export function apiKeyProblem(apiKey: string): string | undefined {
  if (apiKey.length !== API_KEY_LENGTH) return `must be exactly ${API_KEY_LENGTH} characters (it has ${apiKey.length})`;
  if (/\s/.test(apiKey)) return 'must not contain spaces';
  return undefined;
}
