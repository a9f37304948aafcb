import { RateLimiterRes } from "rate-limiter-flexible";
import { limiterFor } from "./rate-limit-store.ts";

/** What one request used of its limit: whether it may proceed and the numbers the headers report. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the full limit is available again. */
  resetSeconds: number;
}

/** A limiter's answer (or refusal) as a decision: whole seconds, never below 1 while refused. */
export function rateDecision(limit: number, res: { remainingPoints: number; msBeforeNext: number }, allowed: boolean): RateDecision {
  const resetSeconds = Math.max(allowed ? 0 : 1, Math.ceil(Math.max(0, res.msBeforeNext) / 1000));
  return { allowed, limit, remaining: allowed ? Math.max(0, res.remainingPoints) : 0, resetSeconds };
}

/** `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`, and `Retry-After` when refused. */
export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "ratelimit-limit": String(d.limit),
    "ratelimit-remaining": String(d.remaining),
    "ratelimit-reset": String(d.resetSeconds),
  };
  if (!d.allowed) headers["retry-after"] = String(d.resetSeconds);
  return headers;
}

/**
 * Takes one request from `key`'s allowance of `limitPerMinute` (a fixed one-minute window that
 * starts with the key's first request). 0 or less = unlimited (null: no limit applies).
 */
export async function takeRequest(key: string, limitPerMinute: number): Promise<RateDecision | null> {
  if (limitPerMinute <= 0) return null;
  const limiter = limiterFor({ bucket: "api", points: limitPerMinute, durationSeconds: 60 });
  try {
    return rateDecision(limitPerMinute, await limiter.consume(key), true);
  } catch (e) {
    if (e instanceof RateLimiterRes) return rateDecision(limitPerMinute, e, false);
    throw e;
  }
}
