/**
 * The client-credentials Basic header, built as RFC 6749 section 2.3.1 says: the client id and the
 * secret are each form-urlencoded (appendix B) BEFORE being joined with ":" and base64-encoded.
 * Skipping the encoding breaks secrets that contain ":" (the server would split there) and makes
 * "+", "%" and spaces decode to something else on a conforming server.
 */

/** application/x-www-form-urlencoded encoding of one value (space becomes "+"). */
export function formUrlEncode(value: string): string {
  return new URLSearchParams({v: value}).toString().slice('v='.length);
}

export function basicAuthorization(clientId: string, clientSecret: string): string {
  const joined = `${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`;
  return `Basic ${Buffer.from(joined, 'utf8').toString('base64')}`;
}
