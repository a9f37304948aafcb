// How cancellation requests, their assessments and compensation tasks read on a page. Pure wording
// and arithmetic over what the server returned: what may be cancelled, who must approve and how
// much goes back are decided by the commands (lib/modules/cancellations/server) and the domain policy they
// use. Where a page needs a number the policy defines (units still cancellable), it asks the
// domain function instead of re-implementing it.
import { cancellableNow, outstanding } from "../modules/cancellations/domain/select-units.ts";
import { FULFILMENT_STAGES, type BucketCounts } from "../modules/orders/domain/buckets.ts";
import type { CancellationViewT } from "../modules/cancellations/contracts/cancellations.ts";
import type { LineQuantities } from "./line-progress.ts";

export { blockerPhrase, displayFromAssessment, displayFromRequest, type AssessmentDisplay, type MoneyParts } from "./assessment-display.ts";

export const REQUEST_STATUS_LABELS: Readonly<Record<string, string>> = {
  PENDING_APPROVAL: "Waiting for approval",
  APPROVED: "Approved",
  EXECUTING: "In progress",
  COMPLETED: "Completed",
  PARTIALLY_COMPLETED: "Partly completed",
  FAILED: "Failed",
  REJECTED: "Rejected",
  EXPIRED: "Expired",
  WITHDRAWN: "Withdrawn",
};

export function requestStatusLabel(status: string): string {
  return REQUEST_STATUS_LABELS[status] ?? status;
}

/** Compensation task types in words, e.g. RECALL_FROM_WAREHOUSE → "Recall from warehouse". */
export const TASK_TYPE_LABELS: Readonly<Record<string, string>> = {
  RELEASE_ALLOCATION: "Release allocation",
  RECALL_FROM_WAREHOUSE: "Recall from warehouse",
  RETURN_TO_STOCK: "Return to stock",
  ISSUE_REFUND: "Issue refund",
  REFUND_POINTS: "Refund points",
  NOTIFY_CUSTOMER: "Notify customer",
  CREATE_RETURN: "Create return",
};

export function taskTypeLabel(type: string): string {
  return TASK_TYPE_LABELS[type] ?? type;
}

export const TASK_STATUS_LABELS: Readonly<Record<string, string>> = {
  PENDING: "Waiting",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  FAILED: "Failed",
  CANCELLED: "Not needed",
};

export function taskStatusLabel(status: string): string {
  return TASK_STATUS_LABELS[status] ?? status;
}

export const FEASIBILITY_LABELS: Readonly<Record<string, string>> = {
  FULLY_CANCELLABLE: "Fully cancellable",
  PARTIALLY_CANCELLABLE: "Partly cancellable",
  NOT_CANCELLABLE: "Not cancellable",
  REQUIRES_MANUAL_REVIEW: "Needs manual review",
};

export function feasibilityLabel(feasibility: string): string {
  return FEASIBILITY_LABELS[feasibility] ?? feasibility;
}

/** "2 units", "1 unit". */
export function units(n: number): string {
  return `${n} ${n === 1 ? "unit" : "units"}`;
}

function toCounts(q: LineQuantities): BucketCounts {
  return {
    OPEN: q.open,
    ALLOCATED: q.allocated,
    RELEASED: q.released,
    PICKED: q.picked,
    PACKED: q.packed,
    SHIPPED: q.shipped,
    DELIVERED: q.delivered,
    CANCELLED: q.cancelled,
    RETURNED: q.returned,
  };
}

export interface LineCancellability {
  /** Units not cancelled or returned yet: the most a request may name for this line. */
  outstanding: number;
  /** Of those, units the default stage policy lets us cancel in place (not shipped yet). */
  inPlace: number;
}

/** How many units of a line a request may still name, and how many of them can be undone in place. */
export function lineCancellability(q: LineQuantities): LineCancellability {
  const counts = toCounts(q);
  return { outstanding: outstanding(counts), inPlace: cancellableNow(counts) };
}

/** "1 needs a return", "2 need a return". */
export function needReturnPhrase(n: number): string {
  return `${n} ${n === 1 ? "needs" : "need"} a return`;
}

/** A line's units still in a fulfilment stage, lower-case stage → units, in pipeline order. */
export function unitsByStage(q: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(FULFILMENT_STAGES.map((s) => s.toLowerCase()).map((s) => [s, q[s] ?? 0]));
}

/** Units per stage in pipeline order: { open: 2, packed: 1 } → "2 open, 1 packed". Keys in any case. */
export function stagePhrase(byStage: Readonly<Record<string, number>>): string {
  const lower = Object.fromEntries(Object.entries(byStage).map(([k, v]) => [k.toLowerCase(), v]));
  return FULFILMENT_STAGES.map((s) => s.toLowerCase())
    .filter((s) => (lower[s] ?? 0) > 0)
    .map((s) => `${lower[s]} ${s}`)
    .join(", ");
}

/**
 * The cancellation type a seller's request carries: a stock problem is an inventory shortage,
 * anything else the seller decides is a business rule. (Buyers always send CUSTOMER_REQUEST.)
 */
export function sellerCancellationType(reasonCode: string | undefined): "INVENTORY_SHORTAGE" | "BUSINESS_RULE" {
  return reasonCode === "OUT_OF_STOCK" ? "INVENTORY_SHORTAGE" : "BUSINESS_RULE";
}

/** Time since `fromIso` in one short unit: "just now", "12 min", "3 h", "5 d". */
export function formatAge(fromIso: string, nowMs: number): string {
  const from = new Date(fromIso).getTime();
  if (Number.isNaN(from)) return "—";
  const minutes = Math.floor(Math.max(0, nowMs - from) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

// ── Request lists ─────────────────────────────────────────────────────────────────────────────

export function requestUnits(r: Pick<CancellationViewT, "lines">): { requested: number; cancelled: number } {
  return {
    requested: r.lines.reduce((n, l) => n + l.requestedQuantity, 0),
    cancelled: r.lines.reduce((n, l) => n + l.cancelledQuantity, 0),
  };
}

/** Approval levels a request still waits for, e.g. ["MANAGER"]. */
export function pendingLevels(r: Pick<CancellationViewT, "approvals" | "status">): string[] {
  if (r.status !== "PENDING_APPROVAL") return [];
  return r.approvals.filter((a) => a.status === "PENDING").map((a) => a.level);
}

/**
 * Whether `requestedBy` (the label a request stores: an email, "… (API)" or "… (CLI)") is this
 * person. Only decides whether to offer a button; the command checks the requester itself.
 */
export function isRequestedBy(requestedBy: string, email: string): boolean {
  const who = requestedBy.toLowerCase();
  const me = email.toLowerCase();
  return who === me || who.startsWith(`${me} (`);
}
