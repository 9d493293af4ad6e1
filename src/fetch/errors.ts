// Every fetch failure says what should happen next: never retry, retry later with backoff, or
// defer without spending an attempt.

export type FetchErrorClass = 'permanent' | 'transient' | 'throttled';

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly errorClass: FetchErrorClass,
    readonly url: string,
    message: string,
    /** For throttled responses: when the server said to come back (ms from now). */
    readonly retryAfterMs: number | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export const permanent = (url: string, msg: string, cause?: unknown) =>
  new FetchError('permanent', url, msg, null, { cause });
export const transient = (url: string, msg: string, cause?: unknown) =>
  new FetchError('transient', url, msg, null, { cause });
export const throttled = (url: string, msg: string, retryAfterMs: number | null) =>
  new FetchError('throttled', url, msg, retryAfterMs);

/** Retry-After as delta-seconds or an HTTP date → ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
