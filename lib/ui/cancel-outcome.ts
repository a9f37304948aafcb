// What a seller's "Cancel units" produced, as the form reports it.
import type { CancellationViewT } from "../modules/cancellations/contracts/cancellations.ts";
import { pendingLevels, requestUnits, taskTypeLabel } from "./cancellation.ts";

export interface CancelOutcome {
  number: string;
  status: string;
  sku: string;
  requested: number;
  cancelled: number;
  refundTotal: number;
  /** Approval levels still pending. */
  levels: string[];
  /** Manual steps the request waits for, in words. */
  waitingFor: string[];
  failureReason: string | null;
}

export function cancelOutcome(r: CancellationViewT, orderLineId: string): CancelOutcome {
  const line = r.lines.find((l) => l.orderLineId === orderLineId) ?? r.lines[0];
  const { requested, cancelled } = requestUnits(r);
  return {
    number: r.number,
    status: r.status,
    sku: line?.sku ?? "",
    requested,
    cancelled,
    refundTotal: r.refund.total,
    levels: pendingLevels(r),
    waitingFor: [...new Set(r.compensationTasks.filter((t) => t.mode === "MANUAL" && (t.status === "PENDING" || t.status === "IN_PROGRESS")).map((t) => taskTypeLabel(t.type)))],
    failureReason: r.failureReason,
  };
}

/** One sentence for the seller, e.g. "CX-000012 needs SUPERVISOR approval." or "CX-000012: cancelled 1 × SKU-MUG, refund $22.00." */
export function outcomeMessage(o: CancelOutcome, money: (minor: number) => string): string {
  if (o.status === "PENDING_APPROVAL") {
    return `${o.number} needs ${o.levels.join(" + ") || "an"} approval; the ${o.requested === 1 ? "unit is" : "units are"} held until it is decided.`;
  }
  if (o.status === "FAILED") return `${o.number} failed${o.failureReason ? `: ${o.failureReason}` : "."}`;
  const done = `${o.number}: cancelled ${o.cancelled} × ${o.sku}, refund ${money(o.refundTotal)}`;
  if (o.waitingFor.length) return `${done}. Waiting for ${o.waitingFor.join(" and ").toLowerCase()} (see Tasks).`;
  return `${done}.`;
}
