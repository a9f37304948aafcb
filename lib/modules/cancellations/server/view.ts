import type { Db, Prisma, Tx } from "../../../platform/db/client.ts";
import type { CancellationViewT } from "../contracts/cancellations.ts";
import { parseStoredAssessment } from "../contracts/assessment.ts";
import type { Assessment } from "../domain/assess.ts";
import { CANCELLATION_CAUSE } from "./cause.ts";

export const CANCELLATION_VIEW_INCLUDE = {
  order: { select: { number: true, version: true } },
  lines: { include: { orderLine: { select: { lineNumber: true, sku: true } } } },
} as const satisfies Prisma.CancellationRequestInclude;

type CancellationRow = Prisma.CancellationRequestGetPayload<{ include: typeof CANCELLATION_VIEW_INCLUDE }>;
/** A request with its compensation tasks and refunds (the rows whose cause it is). */
export type CancellationWithDetails = CancellationRow & {
  compensationTasks: Prisma.CompensationTaskGetPayload<object>[];
  refunds: Prisma.FinancialAdjustmentGetPayload<object>[];
  /** The return its shipped or delivered units became, if any. */
  returnId: string | null;
};

/** Adds each request's compensation tasks and refunds, oldest first, and the return it created. */
export async function withCompensation(db: Db, rows: CancellationRow[]): Promise<CancellationWithDetails[]> {
  const where = { causeType: CANCELLATION_CAUSE, causeId: { in: rows.map((r) => r.id) } };
  // Independent reads, issued together (a PostgreSQL pool answers them at once).
  const [tasks, refunds, returns] = await Promise.all([
    db.compensationTask.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.financialAdjustment.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.returnOrder.findMany({ where: { cancellationRequestId: { in: rows.map((r) => r.id) } }, select: { id: true, cancellationRequestId: true } }),
  ]);
  return rows.map((r) => ({
    ...r,
    compensationTasks: tasks.filter((t) => t.causeId === r.id),
    refunds: refunds.filter((f) => f.causeId === r.id),
    returnId: returns.find((x) => x.cancellationRequestId === r.id)?.id ?? null,
  }));
}
export type ApprovalTaskRow = Prisma.ApprovalTaskGetPayload<object>;

/** Statuses of a request that never executed: its refund per tender is still the assessed split. */
const NOT_EXECUTED = new Set(["PENDING_APPROVAL", "APPROVED", "REJECTED", "WITHDRAWN", "EXPIRED"]);

/** The API/UI shape of a cancellation request (API.md "Cancellation requests"). */
export function toCancellationView(r: CancellationWithDetails, approvals: ApprovalTaskRow[]): CancellationViewT {
  const a = parseStoredAssessment(r.assessment, r);
  const lines = [...r.lines].sort((x, y) => x.orderLine.lineNumber - y.orderLine.lineNumber);
  return {
    id: r.id,
    number: r.number,
    orderId: r.orderId,
    orderNumber: r.order.number,
    orderVersion: r.order.version,
    status: r.status,
    cancellationType: r.cancellationType,
    reasonCode: r.reasonCode,
    reasonText: r.reasonText,
    refundMethod: r.refundMethod,
    damaged: r.damaged,
    requestedBy: r.requestedByLabel,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    returnId: r.returnId,
    failureReason: r.failureReason,
    assessment: {
      feasibility: a.feasibility,
      blockers: a.blockers,
      requiredApprovals: a.requiredApprovals,
      inventory: a.inventory,
      compensation: a.compensation.map((c) => ({ type: c.type, mode: c.mode, orderLineId: c.orderLineId, stage: c.stage, quantity: c.quantity })),
    },
    lines: lines.map(lineView),
    refund: refundView(r, lines, a),
    approvals: approvals.map(approvalView),
    compensationTasks: r.compensationTasks.map(taskView),
  };
}

/** One line of the request: its units by stage and its refund. */
function lineView(l: CancellationRow["lines"][number]): CancellationViewT["lines"][number] {
  return {
    orderLineId: l.orderLineId,
    lineNumber: l.orderLine.lineNumber,
    sku: l.orderLine.sku,
    requestedQuantity: l.requestedQuantity,
    cancelledQuantity: l.cancelledQuantity,
    blockedQuantity: l.blockedQuantity,
    byStage: Object.fromEntries(Object.entries(l.byStage as Record<string, number>).map(([k, v]) => [k.toLowerCase(), v])),
    refund: { merchandise: l.merchandise, tax: l.tax, shipping: l.shipping, discount: l.discount, total: l.refundTotal },
  };
}

/** The refund: the lines' components summed; per tender, the refunds booked once executed, else the assessed split. */
function refundView(r: CancellationWithDetails, lines: CancellationRow["lines"], a: Assessment): CancellationViewT["refund"] {
  const components = lines.reduce(
    (acc, l) => ({
      merchandise: acc.merchandise + l.merchandise,
      tax: acc.tax + l.tax,
      shipping: acc.shipping + l.shipping,
      discount: acc.discount + l.discount,
      total: acc.total + l.refundTotal,
    }),
    { merchandise: 0, tax: 0, shipping: 0, discount: 0, total: 0 },
  );
  const byTender = !NOT_EXECUTED.has(r.status)
    ? r.refunds.map((f) => ({ tenderId: f.tenderId, method: f.tenderMethod, amount: f.amount, status: f.status, reference: f.processorReference }))
    : a.refund.byTender.filter((t) => t.amount > 0).map((t) => ({ tenderId: t.tenderId, method: t.method, amount: t.amount, status: null, reference: null }));
  return { total: components.total, refunded: r.refundedTotal, components, byTender };
}

/** One approval task of the request, with the name of the rule it was made by. */
function approvalView(t: ApprovalTaskRow): CancellationViewT["approvals"][number] {
  return {
    id: t.id,
    level: t.level,
    status: t.status,
    rule: t.rule,
    ruleName: ruleNameOf(t.ruleSnapshot),
    reason: t.reason,
    reviewer: t.reviewerLabel,
    comment: t.comment,
    decidedAt: t.decidedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    escalatedFromId: t.escalatedFromId,
  };
}

/** One compensation task of the request. */
function taskView(t: CancellationWithDetails["compensationTasks"][number]): CancellationViewT["compensationTasks"][number] {
  return {
    id: t.id,
    type: t.type,
    mode: t.mode,
    status: t.status,
    orderLineId: t.orderLineId,
    stage: t.stage,
    quantity: t.quantity,
    amount: t.amount,
    lastError: t.lastError,
  };
}

function ruleNameOf(snapshot: unknown): string | null {
  const name = (snapshot as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : null;
}
