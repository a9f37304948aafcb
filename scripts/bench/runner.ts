// The load generator shared by the API run and the driver floor.
//
// A level runs each operation as its own phase over all N orders: c workers pull orders from a
// shared queue and time one call each. Phases keep each operation's ops/s a measured wall-clock
// throughput (rather than a share of a mixed run), and every order goes through the operations in
// order: intake → allocate → cancel from OPEN → cancel from OPEN + ALLOCATED. An order whose
// operation failed is skipped by the later phases (and counted as skipped there).
import { performance } from "node:perf_hooks";

export const OPERATIONS = ["intake", "allocate", "cancel-open", "cancel-mixed"] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OPERATION_LABELS: Record<Operation, string> = {
  intake: "intake (6 units)",
  allocate: "allocate 4",
  "cancel-open": "cancel 1 (open)",
  "cancel-mixed": "cancel 2 (open+alloc)",
};

/** What one workload remembers about one order between phases. */
export interface OrderState {
  index: number;
  orderId?: string;
  lineId?: string;
  /** Per-workload extras (e.g. the floor's sub-order and tender ids). */
  refs?: Record<string, string>;
  failed?: boolean;
}

/** The system under test: the HTTP API or the driver floor. Throws on any failed operation. */
export interface Workload {
  run(op: Operation, order: OrderState): Promise<void>;
}

export interface Stats {
  count: number;
  errors: number;
  skipped: number;
  wallMs: number;
  opsPerSec: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LevelResult {
  concurrency: number;
  orders: number;
  wallMs: number;
  operations: Record<Operation, Stats>;
  /** All calls of the level together. */
  all: Stats;
  /** Distinct error messages with how often each occurred. */
  errorMessages: Record<string, number>;
}

/** Nearest-rank percentile of ascending samples (0 for none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(latencies: number[], errors: number, skipped: number, wallMs: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    errors,
    skipped,
    wallMs,
    opsPerSec: wallMs > 0 ? (sorted.length / wallMs) * 1000 : 0,
    meanMs: sorted.length ? sum / sorted.length : 0,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
  };
}

/**
 * Runs `task` for every item with `concurrency` workers pulling from one shared queue; once `stop`
 * is aborted no new item is started.
 */
export async function pool<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>, stop?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop?.aborted) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface PhaseResult {
  latencies: number[];
  errors: number;
  skipped: number;
  wallMs: number;
}

async function runPhase(
  workload: Workload,
  op: Operation,
  orders: OrderState[],
  concurrency: number,
  errorMessages: Record<string, number>,
  stop?: AbortSignal,
): Promise<PhaseResult> {
  const live = orders.filter((o) => !o.failed);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await pool(live, concurrency, async (order) => {
    const t0 = performance.now();
    try {
      await workload.run(op, order);
      latencies.push(performance.now() - t0);
    } catch (e) {
      errors++;
      order.failed = true;
      const message = `${op}: ${errorText(e)}`;
      errorMessages[message] = (errorMessages[message] ?? 0) + 1;
    }
  }, stop);
  return { latencies, errors, skipped: orders.length - live.length, wallMs: performance.now() - started };
}

/** One concurrency level: `orders` fresh orders through every operation, phase by phase. */
export async function runLevel(workload: Workload, concurrency: number, orders: number, stop?: AbortSignal): Promise<LevelResult> {
  const states: OrderState[] = Array.from({ length: orders }, (_, index) => ({ index }));
  const errorMessages: Record<string, number> = {};
  const operations = {} as Record<Operation, Stats>;
  const allLatencies: number[] = [];
  let allErrors = 0;
  let allSkipped = 0;
  let wallMs = 0;
  for (const op of OPERATIONS) {
    if (stop?.aborted) throw new Error("interrupted");
    const phase = await runPhase(workload, op, states, concurrency, errorMessages, stop);
    operations[op] = summarize(phase.latencies, phase.errors, phase.skipped, phase.wallMs);
    allLatencies.push(...phase.latencies);
    allErrors += phase.errors;
    allSkipped += phase.skipped;
    wallMs += phase.wallMs;
  }
  return {
    concurrency,
    orders,
    wallMs,
    operations,
    all: summarize(allLatencies, allErrors, allSkipped, wallMs),
    errorMessages,
  };
}

/**
 * Unmeasured orders through every operation with `concurrency` workers (so connections and
 * prepared statements exist before timing starts). Any failure is fatal: the setup is broken.
 */
export async function warmUp(workload: Workload, orders: number, concurrency: number, stop?: AbortSignal): Promise<void> {
  const states: OrderState[] = Array.from({ length: orders }, (_, index) => ({ index }));
  await pool(states, concurrency, async (order) => {
    for (const op of OPERATIONS) {
      try {
        await workload.run(op, order);
      } catch (e) {
        throw new Error(`warm-up order ${order.index + 1} failed at ${op}: ${errorText(e)}`);
      }
    }
  }, stop);
}
