/**
 * got's errors as the transport reads them (name, code, event), for the attempts got does not
 * make itself: the head start's (head-start.ts) and those through the `exchange` seam
 * (transport.ts). The texts are got's own.
 */

/** got's TimeoutError. */
export function timeoutError(delay: number, event: 'connect' | 'request'): Error {
  return Object.assign(new Error(`Timeout awaiting '${event}' for ${delay}ms`), {name: 'TimeoutError', code: 'ETIMEDOUT', event});
}

/** got's AbortError: the request's signal was aborted. */
export function abortError(): Error {
  return Object.assign(new Error('This operation was aborted.'), {name: 'AbortError', code: 'ERR_ABORTED'});
}

/** The connection lost after the answer's head, as got reports it. */
export function serverAbortedError(): Error {
  return Object.assign(new Error('The server aborted pending request'), {code: 'ECONNRESET'});
}
