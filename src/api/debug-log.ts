/**
 * The --debug line, one per HTTP attempt:
 *   GET /btalk/beta/v1/me -> 200 in 12ms (request id 7f3a...)
 *   GET /btalk/beta/v1/customers?offset=0&limit=40 -> 503 in 4ms (request id x); retry 1/3 in 310ms
 *   POST /oauth/v3/token -> ECONNRESET in 3ms (no response)
 * Lines go through the client's redactor before anyone sees them; the request id and the path are
 * outside text and made terminal-safe here.
 */
import {terminalSafe} from '../text/terminal-safe.js';

export interface DebugEntry {
  method: string;
  path: string;
  /** HTTP status, or the failure code when no answer came. */
  outcome: number | string;
  ms: number;
  requestId?: string | undefined;
  retry?: {number: number; of: number; delayMs: number};
}

export function debugLine(entry: DebugEntry): string {
  const id = typeof entry.outcome === 'number' ? `(request id ${entry.requestId === undefined ? 'none' : terminalSafe(entry.requestId)})` : '(no response)';
  const retry = entry.retry ? `; retry ${entry.retry.number}/${entry.retry.of} in ${entry.retry.delayMs}ms` : '';
  return `${entry.method} ${terminalSafe(entry.path)} -> ${terminalSafe(String(entry.outcome))} in ${Math.round(entry.ms)}ms ${id}${retry}`;
}
