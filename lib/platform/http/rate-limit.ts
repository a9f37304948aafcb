/**
 * Fixed one-minute windows per API key, in this process's memory. Behind a load balancer each
 * instance counts separately, so the effective limit is per instance (documented in README).
 */
const windows = new Map<string, { start: number; count: number }>();

export function takeToken(keyId: string, limitPerMinute: number, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
  if (limitPerMinute <= 0) return { ok: true };
  const start = now - (now % 60_000);
  const w = windows.get(keyId);
  if (!w || w.start !== start) {
    windows.set(keyId, { start, count: 1 });
    if (windows.size > 10_000) for (const [k, v] of windows) if (v.start !== start) windows.delete(k);
    return { ok: true };
  }
  if (w.count >= limitPerMinute) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + 60_000 - now) / 1000)) };
  w.count++;
  return { ok: true };
}
