// 25 racers: one fresh order whose single 10-unit line is allocated, then that many one-unit
// cancels fired at once. Correct: exactly 10 COMPLETED, the rest 409, nothing left, the order
// CANCELLED, its 10 units given back to inventory, and the whole line refunded exactly once.
import type { ApiClient } from "./api.ts";
import { LINE_QUANTITY, ORDER_TOTAL, refundAfter } from "./order-shape.ts";
import { readBack, remainingOf, supplyOf } from "./verify.ts";
import { cancelOne, fulfil, stockUp, takeIn } from "./workload.ts";

export interface RacerTrial {
  trial: number;
  racers: number;
  completed: number;
  rejected409: number;
  /** Other answers by status or error. */
  other: Record<string, number>;
  remaining: number;
  orderStatus: string;
  allocatedBefore: number;
  allocatedAfter: number;
  refunded: number;
  /** Sum of the refund totals of the COMPLETED answers. */
  refundedInAnswers: number;
  cancellationRequestsCompleted: number;
  correct: boolean;
}

export async function racerTrial(api: ApiClient, trial: number, racers: number, skuPrefix: string): Promise<RacerTrial> {
  const sku = `${skuPrefix}-RACE-${trial}`;
  const order = await takeIn(api, sku, 10_000 + trial);
  await stockUp(api, sku, LINE_QUANTITY);
  await fulfil(api, order, "ALLOCATE", LINE_QUANTITY);
  const allocatedBefore = (await supplyOf(api, sku)).allocated;
  const results = await Promise.all(Array.from({ length: racers }, () => cancelOne(api, order)));
  const back = await readBack(api, order.id);
  const allocatedAfter = (await supplyOf(api, sku)).allocated;
  const other: Record<string, number> = {};
  for (const r of results) {
    if (r.outcome === "ok" || r.status === 409) continue;
    const key = r.error ?? String(r.status);
    other[key] = (other[key] ?? 0) + 1;
  }
  const completed = results.filter((r) => r.outcome === "ok").length;
  const rejected409 = results.filter((r) => r.status === 409).length;
  const refundedInAnswers = results.filter((r) => r.outcome === "ok").reduce((n, r) => n + (r.refundTotal ?? 0), 0);
  const wholeLine = refundAfter(LINE_QUANTITY).total;
  const result = {
    trial,
    racers,
    completed,
    rejected409,
    other,
    remaining: remainingOf(back.view),
    orderStatus: back.view.status,
    allocatedBefore,
    allocatedAfter,
    refunded: back.view.totals.refunded,
    refundedInAnswers,
    cancellationRequestsCompleted: back.completedCancellations,
  };
  const correct =
    completed === Math.min(LINE_QUANTITY, racers) &&
    rejected409 === racers - completed &&
    result.remaining === LINE_QUANTITY - completed &&
    (completed < LINE_QUANTITY || result.orderStatus === "CANCELLED") &&
    allocatedBefore - allocatedAfter === completed &&
    result.refunded === refundAfter(completed).total &&
    refundedInAnswers === result.refunded &&
    back.view.payments[0]?.refunded === result.refunded &&
    back.completedCancellations === completed &&
    wholeLine === ORDER_TOTAL;
  return { ...result, correct };
}
