import type { Db, Prisma } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { APPROVER_LEVELS, approverLevelRank, type ApproverLevel } from "../../../platform/auth/levels.ts";
import { CANCELLATION_SUBJECT } from "./queries.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";

export interface PendingApprovalT {
  taskId: string;
  subjectType: string;
  level: ApproverLevel;
  rule: string;
  /** The causing rule's name as it was when the task was created. */
  ruleName: string | null;
  reason: string;
  createdAt: string;
  expiresAt: string | null;
  /** Set when the task replaced an expired one at a lower level. */
  escalatedFromId: string | null;
  orderId: string;
  orderNumber: string;
  currency: string;
  orderTotal: number;
  requestId: string;
  requestNumber: string;
  requestedBy: string;
  reasonCode: string;
  refundTotal: number;
}

export interface PendingApprovalFilter {
  limit: number;
  offset?: number;
  /** A task id: the list continues after it. */
  afterTaskId?: string;
  /** Only tasks of this level (still only those the approver may sign). */
  level?: ApproverLevel;
  /** Only tasks on orders worth at least this much (minor units). */
  minOrderValue?: number;
}

/** The where clause of "what this approver may sign": pending, at or below their level, never their own request. */
function signableWhere(actor: Actor, filter: PendingApprovalFilter): Prisma.ApprovalTaskWhereInput {
  const maySign = APPROVER_LEVELS.filter((l) => approverLevelRank(l) <= approverLevelRank(actor.approverLevel));
  const levels = filter.level ? maySign.filter((l) => l === filter.level) : maySign;
  return {
    subjectType: CANCELLATION_SUBJECT,
    status: "PENDING",
    level: { in: [...levels] },
    requestedById: { not: actor.userId },
    ...(filter.minOrderValue !== undefined ? { order: { total: { gte: filter.minOrderValue } } } : {}),
  };
}

/** How many tasks the approver may sign with these filters (for the queue's page count). */
export async function countPendingApprovals(db: Db, actor: Actor, filter: Omit<PendingApprovalFilter, "limit" | "offset"> = {}): Promise<number> {
  authorize(actor, "approval.decide");
  return db.approvalTask.count({ where: signableWhere(actor, { limit: 0, ...filter }) });
}

/** Pending approval tasks this approver may sign: at or below their level, not on their own requests. Oldest first. */
export async function listPendingApprovals(db: Db, actor: Actor, page: PendingApprovalFilter = { limit: 50 }): Promise<PendingApprovalT[]> {
  authorize(actor, "approval.decide");
  const tasks = await db.approvalTask.findMany({
    where: signableWhere(actor, page),
    include: { order: { select: { number: true, currency: true, total: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: page.limit,
    ...(page.afterTaskId ? { cursor: { id: page.afterTaskId }, skip: 1 } : { skip: page.offset ?? 0 }),
  });
  const requests = await db.cancellationRequest.findMany({ where: { id: { in: tasks.map((t) => t.subjectId) } } });
  const byId = new Map(requests.map((r) => [r.id, r]));
  return tasks.flatMap((t) => {
    const r = byId.get(t.subjectId);
    if (!r) return [];
    const snapshot = (t.ruleSnapshot ?? null) as { name?: unknown } | null;
    return [
      {
        taskId: t.id,
        subjectType: t.subjectType,
        level: t.level as ApproverLevel,
        rule: t.rule,
        ruleName: typeof snapshot?.name === "string" ? snapshot.name : null,
        reason: t.reason,
        createdAt: t.createdAt.toISOString(),
        expiresAt: t.expiresAt?.toISOString() ?? null,
        escalatedFromId: t.escalatedFromId,
        orderId: r.orderId,
        orderNumber: t.order.number,
        currency: t.order.currency,
        orderTotal: t.order.total,
        requestId: r.id,
        requestNumber: r.number,
        requestedBy: r.requestedByLabel,
        reasonCode: r.reasonCode,
        refundTotal: r.refundTotal,
      },
    ];
  });
}

/** GET /api/v1/approvals: one page of what the caller may sign, with an opaque cursor. */
export async function listPendingApprovalPage(
  db: Db,
  actor: Actor,
  query: { level?: ApproverLevel; minOrderValue?: number; limit: number; cursor?: string },
): Promise<{ items: PendingApprovalT[]; nextCursor: string | null }> {
  const afterTaskId = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listPendingApprovals(db, actor, { level: query.level, minOrderValue: query.minOrderValue, limit: query.limit + 1, afterTaskId });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(items.at(-1)!.taskId) : null };
}
