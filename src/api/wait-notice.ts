/**
 * A retry pause, as the transport announces it before it starts, and its one wording: the line
 * the commands print on stderr and the wizard shows under its busy line. Kept apart from
 * transport.ts so the screens can word a pause without loading the HTTP library.
 */

/** A pause before the next attempt, said before it starts. */
export interface WaitNotice {
  method: string;
  /** Relative to the base URL ("/voicesites"), or the token endpoint's path. */
  path: string;
  delayMs: number;
  /** Epoch ms at which the next attempt starts. */
  until: number;
  /** Why: "rate limited", "503", "the connection was reset". */
  reason: string;
  /** The server asked for this pause (Retry-After). */
  asked: boolean;
  retry: number;
  of: number;
}

/** One stderr line for a pause: "The API asked to wait 8 s (rate limited); retrying at 14:02:11." */
export function waitLine(notice: WaitNotice): string {
  const at = new Date(notice.until).toTimeString().slice(0, 8);
  const seconds = notice.delayMs >= 10_000 ? `${Math.round(notice.delayMs / 1000)} s` : `${(notice.delayMs / 1000).toFixed(1)} s`;
  if (notice.asked) return `The API asked to wait ${seconds} (${notice.reason}) before ${notice.method} ${notice.path}; retrying at ${at} (retry ${notice.retry} of ${notice.of}).`;
  return `${notice.method} ${notice.path}: ${notice.reason}; retrying in ${seconds} (retry ${notice.retry} of ${notice.of}).`;
}
