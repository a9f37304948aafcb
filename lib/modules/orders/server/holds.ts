import type { Tx } from "../../../platform/db/client.ts";
import type { FulfilmentStage } from "../domain/buckets.ts";

/** Stages a cancellation can hold units in, and the request-line column that records it. */
export const HELD_COLUMN = {
  OPEN: "heldOpen",
  ALLOCATED: "heldAllocated",
  RELEASED: "heldReleased",
  PICKED: "heldPicked",
  PACKED: "heldPacked",
} as const satisfies Partial<Record<FulfilmentStage, string>>;
export type HoldableStage = keyof typeof HELD_COLUMN;

export interface LineHold {
  requestId: string;
  requestNumber: string;
  byStage: Partial<Record<HoldableStage, number>>;
}

/**
 * Units held by active cancellation requests, per line. While a request waits for approval its
 * units stay where they are but fulfilment may not move them, so execution later takes exactly
 * the units that were assessed.
 */
export async function activeHolds(tx: Tx, orderLineIds: readonly string[]): Promise<Map<string, LineHold>> {
  const rows = await tx.cancellationRequestLine.findMany({
    where: { orderLineId: { in: [...orderLineIds] }, active: true },
    include: { request: { select: { number: true } } },
  });
  const holds = new Map<string, LineHold>();
  for (const r of rows) {
    const byStage: LineHold["byStage"] = {};
    for (const [stage, column] of Object.entries(HELD_COLUMN) as [HoldableStage, (typeof HELD_COLUMN)[HoldableStage]][]) {
      if (r[column] > 0) byStage[stage] = r[column];
    }
    holds.set(r.orderLineId, { requestId: r.requestId, requestNumber: r.request.number, byStage });
  }
  return holds;
}

/** Ends a request that will not execute: its holds on the lines are released. */
export async function releaseHolds(tx: Tx, requestId: string) {
  await tx.cancellationRequestLine.updateMany({
    where: { requestId },
    data: { active: false, heldOpen: 0, heldAllocated: 0, heldReleased: 0, heldPicked: 0, heldPacked: 0 },
  });
}
