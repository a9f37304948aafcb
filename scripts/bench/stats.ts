// Latency statistics of a measured phase: nearest-rank percentiles over every call.
export interface Stats {
  /** Calls made (successful or not). */
  calls: number;
  ok: number;
  errors: number;
  wallMs: number;
  /** Successful calls per second of wall time. */
  opsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Distinct error messages with how often each occurred. */
  errorMessages: Record<string, number>;
}

/** Nearest-rank percentile of ascending samples (0 for none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Sample {
  ms: number;
  /** null: success; else what went wrong. */
  error: string | null;
}

export function summarize(samples: readonly Sample[], wallMs: number): Stats {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errorMessages: Record<string, number> = {};
  for (const s of samples) if (s.error !== null) errorMessages[s.error] = (errorMessages[s.error] ?? 0) + 1;
  const errors = samples.filter((s) => s.error !== null).length;
  const ok = samples.length - errors;
  return {
    calls: samples.length,
    ok,
    errors,
    wallMs,
    opsPerSec: wallMs > 0 ? (ok / wallMs) * 1000 : 0,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
    errorMessages,
  };
}

/**
 * Runs `task` for every item with `concurrency` workers pulling from one shared queue (closed
 * loop); once `stop` is aborted no new item is started.
 */
export async function pool<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>, stop?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop?.aborted) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
