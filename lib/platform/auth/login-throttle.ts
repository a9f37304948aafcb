import { env } from "../config/env.ts";
import { limiterFor } from "../http/rate-limit-store.ts";

/**
 * Failed sign-ins are counted per IP address and email (against guessing one account's password)
 * and per IP address (against trying one password on many accounts), within
 * LOGIN_RATE_LIMIT_WINDOW_MINUTES. Once either count is used up, sign-in from that address is
 * refused — even with the right password — until the window ends. A successful sign-in clears the
 * IP-and-email count. Counted in the same store as the API limit (shared on PostgreSQL).
 */
export const LOGIN_RATE_LIMITED = "LoginRateLimited";

function limiters(): { key: (ip: string, email: string) => string; limiter: ReturnType<typeof limiterFor> }[] {
  const e = env();
  const durationSeconds = e.LOGIN_RATE_LIMIT_WINDOW_MINUTES * 60;
  const out = [];
  if (e.LOGIN_RATE_LIMIT_ATTEMPTS > 0) {
    out.push({ key: (ip: string, email: string) => `${ip}|${email}`, limiter: limiterFor({ bucket: "login", points: e.LOGIN_RATE_LIMIT_ATTEMPTS, durationSeconds }) });
  }
  if (e.LOGIN_RATE_LIMIT_IP_ATTEMPTS > 0) {
    out.push({ key: (ip: string) => ip, limiter: limiterFor({ bucket: "login-ip", points: e.LOGIN_RATE_LIMIT_IP_ATTEMPTS, durationSeconds }) });
  }
  return out;
}

/** Seconds until sign-in is possible again from `ip` for `email`; 0 when it is possible now. */
export async function loginBlockedFor(ip: string, email: string): Promise<number> {
  let wait = 0;
  for (const { key, limiter } of limiters()) {
    const res = await limiter.get(key(ip, email));
    if (res && res.consumedPoints >= limiter.points) wait = Math.max(wait, Math.ceil(Math.max(res.msBeforeNext, 1000) / 1000));
  }
  return wait;
}

export async function recordLoginFailure(ip: string, email: string): Promise<void> {
  for (const { key, limiter } of limiters()) await limiter.penalty(key(ip, email), 1);
}

export async function clearLoginFailures(ip: string, email: string): Promise<void> {
  const [perEmail] = limiters();
  if (perEmail && env().LOGIN_RATE_LIMIT_ATTEMPTS > 0) await perEmail.limiter.delete(perEmail.key(ip, email));
}

/** The sign-in error the login form shows for a refused attempt (next-auth passes the message on). */
export function loginRateLimitedError(seconds: number): Error {
  return new Error(`${LOGIN_RATE_LIMITED}:${seconds}`);
}
