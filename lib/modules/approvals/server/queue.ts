import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import type { ApproverLevel } from "../../../platform/auth/levels.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";
import type { PendingApprovalViewT } from "../contracts/approvals.ts";
import { signableTaskWhere } from "../domain/signing.ts";
import { subjectHandler, subjectTypes, type SubjectSummary } from "./subjects.ts";

export type PendingApprovalT = PendingApprovalViewT;

export interface PendingApprovalFilter {
  limit: number;
  offset?: number;
  /** A task id: the list continues after it. */
  afterTaskId?: string;
  /** Only tasks of this level (still only those the approver may sign). */
  level?: ApproverLevel;
  /** Only tasks on orders worth at least this much (minor units). */
  minOrderValue?: number;
  now?: Date;
}

/** "What this approver may sign" (the signing rule's where clause), on every registered kind of subject, with the list's filters. */
function queueWhere(actor: Actor, filter: Omit<PendingApprovalFilter, "limit">) {
  return {
    ...signableTaskWhere(actor, filter.now ?? new Date(), filter.level),
    subjectType: { in: subjectTypes() },
    ...(filter.minOrderValue !== undefined ? { order: { total: { gte: filter.minOrderValue } } } : {}),
  };
}

/** Each subject type's summaries of the subjects these tasks approve, keyed by `type:id`. */
async function summariesOf(db: Db, tasks: readonly { subjectType: string; subjectId: string }[]): Promise<Map<string, SubjectSummary>> {
  const byType = new Map<string, string[]>();
  for (const t of tasks) byType.set(t.subjectType, [...(byType.get(t.subjectType) ?? []), t.subjectId]);
  const out = new Map<string, SubjectSummary>();
  for (const [type, ids] of byType) {
    for (const [id, summary] of await subjectHandler(type).summaries(db, ids)) out.set(`${type}:${id}`, summary);
  }
  return out;
}

/** Pending approval tasks this approver may sign, whatever they approve: at or below their level, not past their deadline, not on their own requests. Oldest first. */
export async function listPendingApprovals(db: Db, actor: Actor, page: PendingApprovalFilter = { limit: 50 }): Promise<PendingApprovalT[]> {
  authorize(actor, "approval.decide");
  const tasks = await db.approvalTask.findMany({
    where: queueWhere(actor, page),
    include: { order: { select: { number: true, currency: true, total: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: page.limit,
    ...(page.afterTaskId ? { cursor: { id: page.afterTaskId }, skip: 1 } : { skip: page.offset ?? 0 }),
  });
  const summaries = await summariesOf(db, tasks);
  return tasks.flatMap((t) => {
    const s = summaries.get(`${t.subjectType}:${t.subjectId}`);
    if (!s) return [];
    const snapshot = (t.ruleSnapshot ?? null) as { name?: unknown } | null;
    const task = { taskId: t.id, subjectType: t.subjectType, level: t.level as ApproverLevel, rule: t.rule, reason: t.reason, escalatedFromId: t.escalatedFromId };
    const when = { createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt?.toISOString() ?? null };
    const order = { orderId: s.orderId, orderNumber: t.order.number, currency: t.order.currency, orderTotal: t.order.total };
    const subject = { label: s.label, stores: s.stores, requestId: t.subjectId, requestNumber: s.number, requestedBy: s.requestedBy, reasonCode: s.reasonCode, refundTotal: s.amount };
    return [{ ...task, ruleName: typeof snapshot?.name === "string" ? snapshot.name : null, ...when, ...order, ...subject }];
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
