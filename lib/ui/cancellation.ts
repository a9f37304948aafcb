// How cancellation requests, their assessments and compensation tasks read on a page. Pure wording
// and arithmetic over what the server returned: what may be cancelled, who must approve and how
// much goes back are decided by the commands (lib/modules/cancellations/server) and the domain policy they
// use. Where a page needs a number the policy defines (units still cancellable), it asks the
// domain function instead of re-implementing it.
import type { Assessment } from "../modules/cancellations/domain/assess.ts";
import { cancellableNow, outstanding } from "../modules/cancellations/domain/select-units.ts";
import { FULFILMENT_STAGES, type BucketCounts } from "../modules/orders/domain/buckets.ts";
import type { CancellationViewT } from "../modules/cancellations/contracts/cancellations.ts";
import type { LineQuantities } from "./line-progress.ts";

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

// ── Assessments: the preview (domain Assessment) and a stored request show the same way ─────────

export interface MoneyParts {
  merchandise: number;
  tax: number;
  shipping: number;
  discount: number;
  total: number;
}

export interface AssessmentDisplay {
  feasibility: string;
  lines: {
    orderLineId: string;
    lineNumber: number;
    sku: string;
    /** Units cancelled in place (planned, or done for an executed request). */
    cancelQuantity: number;
    /** Units that need a return instead. */
    blocked: number;
    /** Lower-case stage → units cancelled in place from it. */
    byStage: Record<string, number>;
    refund: MoneyParts;
  }[];
  blockers: { orderLineId: string; sku: string; stage: string; quantity: number }[];
  approvals: { level: string; reason: string; status: string | null; reviewer: string | null; comment: string | null }[];
  compensation: { type: string; mode: string; orderLineId: string | null; sku: string | null; stage: string | null; quantity: number }[];
  refund: MoneyParts & { byTender: { method: string; amount: number; status: string | null }[] };
}

const lowerKeys = (r: Readonly<Record<string, number | undefined>>) =>
  Object.fromEntries(Object.entries(r).flatMap(([k, v]) => (v ? [[k.toLowerCase(), v]] : [])));

const sum = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);

/** A preview (what would happen if the request were made now). */
export function displayFromAssessment(a: Assessment): AssessmentDisplay {
  const skuOf = new Map(a.lines.map((l) => [l.orderLineId, l.sku]));
  return {
    feasibility: a.feasibility,
    lines: a.lines.map((l) => ({
      orderLineId: l.orderLineId,
      lineNumber: l.lineNumber,
      sku: l.sku,
      cancelQuantity: l.cancelQuantity,
      blocked: l.blocked,
      byStage: lowerKeys(l.byStage),
      refund: l.refund,
    })),
    blockers: a.blockers.map((b) => ({ orderLineId: b.orderLineId, sku: skuOf.get(b.orderLineId) ?? "", stage: b.stage, quantity: b.quantity })),
    approvals: a.requiredApprovals.map((r) => ({ level: r.level, reason: r.reason, status: null, reviewer: null, comment: null })),
    compensation: a.compensation.map((c) => ({
      type: c.type,
      mode: c.mode,
      orderLineId: c.orderLineId,
      sku: c.orderLineId ? (skuOf.get(c.orderLineId) ?? null) : null,
      stage: c.stage,
      quantity: c.quantity,
    })),
    refund: {
      merchandise: a.refund.merchandise,
      tax: a.refund.tax,
      shipping: a.refund.shipping,
      discount: a.refund.discount,
      total: a.refund.total,
      byTender: a.refund.byTender.filter((t) => t.amount > 0).map((t) => ({ method: t.method, amount: t.amount, status: null })),
    },
  };
}

/** A stored request: its assessment as made, its approvals, and (once executed) its actual refunds. */
export function displayFromRequest(r: CancellationViewT): AssessmentDisplay {
  const skuOf = new Map(r.lines.map((l) => [l.orderLineId, l.sku]));
  return {
    feasibility: r.assessment.feasibility,
    lines: r.lines.map((l) => {
      const byStage = lowerKeys(l.byStage);
      return {
        orderLineId: l.orderLineId,
        lineNumber: l.lineNumber,
        sku: l.sku,
        cancelQuantity: l.cancelledQuantity > 0 ? l.cancelledQuantity : sum(byStage),
        blocked: l.blockedQuantity,
        byStage,
        refund: l.refund,
      };
    }),
    blockers: r.assessment.blockers.map((b) => ({ orderLineId: b.orderLineId, sku: skuOf.get(b.orderLineId) ?? "", stage: b.stage, quantity: b.quantity })),
    approvals: r.approvals.length
      ? r.approvals.map((a) => ({ level: a.level, reason: a.reason, status: a.status, reviewer: a.reviewer, comment: a.comment }))
      : r.assessment.requiredApprovals.map((a) => ({ level: a.level, reason: a.reason, status: null, reviewer: null, comment: null })),
    compensation: r.assessment.compensation.map((c) => ({ ...c, sku: c.orderLineId ? (skuOf.get(c.orderLineId) ?? null) : null })),
    refund: { ...r.refund.components, byTender: r.refund.byTender.map((t) => ({ method: t.method, amount: t.amount, status: t.status })) },
  };
}

/** "2 shipped units of SKU-MUG need a return". */
export function blockerPhrase(b: { sku: string; stage: string; quantity: number }): string {
  const what = `${b.quantity} ${b.stage.toLowerCase()} ${b.quantity === 1 ? "unit" : "units"}${b.sku ? ` of ${b.sku}` : ""}`;
  return `${what} ${b.quantity === 1 ? "needs" : "need"} a return`;
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

// ── What a seller's "Cancel units" produced ──────────────────────────────────────────────────

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
