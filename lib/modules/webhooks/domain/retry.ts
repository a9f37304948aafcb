// What a delivery attempt's outcome means and when the next attempt is due (SPEC §9): retries on
// network errors, timeouts, 5xx and 429 (honouring Retry-After), exponentially backed off with
// jitter, the first within 10 s, for about a day; any other 4xx fails at once; 410 Gone fails and
// disables the endpoint.

/** First retry after 5–10 s; each later one waits twice as long, up to 6 h; a round lasts about a day. */
export const RETRY_BASE_MS = 10_000;
export const RETRY_CAP_MS = 6 * 60 * 60_000;
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;
/** An endpoint whose attempts have all failed for this long is disabled. */
export const FAILING_ENDPOINT_DISABLE_MS = 24 * 60 * 60_000;

/** The outcome of one HTTP attempt: a status code, or an error before any response (network, timeout, refused target). */
export type AttemptResult = { statusCode: number; retryAfter?: string | null } | { error: string; retryable: boolean };

export type Verdict =
  | { kind: "DELIVERED" }
  | { kind: "RETRY"; reason: string; retryAfterMs?: number }
  | { kind: "FAILED"; reason: string; disableEndpoint: boolean };

/** What an attempt's result means for its delivery. */
export function judgeAttempt(result: AttemptResult, now: Date): Verdict {
  if ("error" in result) return result.retryable ? { kind: "RETRY", reason: result.error } : { kind: "FAILED", reason: result.error, disableEndpoint: false };
  const s = result.statusCode;
  if (s >= 200 && s < 300) return { kind: "DELIVERED" };
  if (s === 410) return { kind: "FAILED", reason: "410 Gone: the receiver asked to stop; the endpoint is disabled", disableEndpoint: true };
  if (s === 429 || s >= 500) {
    const retryAfterMs = parseRetryAfter(result.retryAfter ?? null, now);
    return { kind: "RETRY", reason: `HTTP ${s}`, ...(retryAfterMs !== null ? { retryAfterMs } : {}) };
  }
  if (s >= 300 && s < 400) return { kind: "FAILED", reason: `HTTP ${s}: redirects are not followed`, disableEndpoint: false };
  return { kind: "FAILED", reason: `HTTP ${s}: not retried`, disableEndpoint: false };
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/**
 * Wait after the `n`th failed attempt of a round (n ≥ 1): base · 2^(n-1) capped, scaled by a
 * jitter factor in [0.5, 1) so that many deliveries failing together do not retry together.
 */
export function retryDelayMs(n: number, random: number = Math.random()): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, n - 1));
  const jitter = 0.5 + Math.min(Math.max(random, 0), 0.999_999) / 2;
  return Math.round(ceiling * jitter);
}

/**
 * When the next attempt of a round that started at `roundStartedAt` is due after its `n`th failure,
 * or null when that would be past the round's window (the delivery has failed for good).
 * Retry-After wins over the backoff when it asks for longer.
 */
export function nextAttemptAt(input: { n: number; now: Date; roundStartedAt: Date; retryAfterMs?: number; random?: number }): Date | null {
  const backoff = retryDelayMs(input.n, input.random);
  const wait = Math.max(backoff, Math.min(input.retryAfterMs ?? 0, RETRY_CAP_MS));
  const at = new Date(input.now.getTime() + wait);
  return at.getTime() - input.roundStartedAt.getTime() > RETRY_WINDOW_MS ? null : at;
}

/** Whether an endpoint failing since `failingSince` has failed long enough to be disabled. */
export function failingTooLong(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= FAILING_ENDPOINT_DISABLE_MS;
}
