import type { Db } from "../../db/client.ts";
import type { Actor } from "../../auth/actor.ts";
import { authorize } from "../../auth/actor.ts";
import { APPROVER_LEVELS, approverLevelRank, type ApproverLevel } from "../../auth/permissions.ts";
import { CANCELLATION_SUBJECT } from "./queries.ts";

export interface PendingApprovalT {
  taskId: string;
  level: ApproverLevel;
  rule: string;
  reason: string;
  createdAt: string;
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

/** Pending approval tasks this approver may sign: at or below their level, not on their own requests. Oldest first. */
export async function listPendingApprovals(db: Db, actor: Actor, page: { limit: number; offset?: number } = { limit: 50 }): Promise<PendingApprovalT[]> {
  authorize(actor, "approval.decide");
  const levels = APPROVER_LEVELS.filter((l) => approverLevelRank(l) <= approverLevelRank(actor.approverLevel));
  const tasks = await db.approvalTask.findMany({
    where: { subjectType: CANCELLATION_SUBJECT, status: "PENDING", level: { in: [...levels] }, requestedById: { not: actor.userId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: page.limit,
    skip: page.offset ?? 0,
  });
  const requests = await db.cancellationRequest.findMany({
    where: { id: { in: tasks.map((t) => t.subjectId) } },
    include: { order: { select: { number: true, currency: true, total: true } } },
  });
  const byId = new Map(requests.map((r) => [r.id, r]));
  return tasks.flatMap((t) => {
    const r = byId.get(t.subjectId);
    if (!r) return [];
    return [
      {
        taskId: t.id,
        level: t.level as ApproverLevel,
        rule: t.rule,
        reason: t.reason,
        createdAt: t.createdAt.toISOString(),
        orderId: r.orderId,
        orderNumber: r.order.number,
        currency: r.order.currency,
        orderTotal: r.order.total,
        requestId: r.id,
        requestNumber: r.number,
        requestedBy: r.requestedByLabel,
        reasonCode: r.reasonCode,
        refundTotal: r.refundTotal,
      },
    ];
  });
}
