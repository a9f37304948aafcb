// Measured phases: closed-loop workers, one timed call at a time each, no retries.
import { performance } from "node:perf_hooks";
import { errorText, type ApiClient } from "./api.ts";
import { LINE_QUANTITY } from "./order-shape.ts";
import { pool, summarize, type Sample, type Stats } from "./stats.ts";
import { cancelOne, record, type BenchOrder } from "./workload.ts";

/** `call` for every item with `concurrency` workers; a throw is that call's error. */
export async function timedCalls<T>(items: readonly T[], concurrency: number, call: (item: T) => Promise<void>, stop?: AbortSignal): Promise<Stats> {
  const samples: Sample[] = [];
  const started = performance.now();
  await pool(items, concurrency, async (item) => {
    const t0 = performance.now();
    try {
      await call(item);
      samples.push({ ms: performance.now() - t0, error: null });
    } catch (e) {
      samples.push({ ms: performance.now() - t0, error: e instanceof Error && e.name === "ApiCallError" ? e.message : errorText(e) });
    }
  }, stop);
  return summarize(samples, performance.now() - started);
}

/** Round-robin over the orders with one cursor, as the peer workload walks them. */
export class OrderWalk {
  #cursor = 0;
  constructor(readonly orders: BenchOrder[]) {}

  /** The next order with no call in flight and more than one unit left (never a full cancel). */
  next(): BenchOrder {
    for (let tries = 0; tries < this.orders.length; tries++) {
      const order = this.orders[this.#cursor++ % this.orders.length]!;
      if (!order.inFlight && order.ok + order.unknown < LINE_QUANTITY - 1) return order;
    }
    throw new Error("no order left to cancel a unit of; raise --orders");
  }
}

/**
 * `calls` one-unit cancels with `concurrency` closed-loop workers; concurrent calls always hit
 * distinct orders. Success = 201 with status COMPLETED; throughput = successes ÷ wall time.
 */
export async function cancelPhase(api: ApiClient, walk: OrderWalk, calls: number, concurrency: number, stop?: AbortSignal): Promise<Stats> {
  const samples: Sample[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < calls && !stop?.aborted) {
      const order = walk.next();
      issued++;
      order.inFlight = true;
      const result = await cancelOne(api, order);
      order.inFlight = false;
      record(order, result);
      samples.push({ ms: result.ms, error: result.error });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(samples, performance.now() - started);
}

/** Items split into one consecutive chunk per concurrency level (as even as possible). */
export function chunks<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < parts; i++) {
    const size = Math.floor(items.length / parts) + (i < items.length % parts ? 1 : 0);
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}
