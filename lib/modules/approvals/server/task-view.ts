import type { Prisma } from "../../../platform/db/client.ts";

type TaskRow = Prisma.ApprovalTaskGetPayload<object>;

/** An approval task as a subject's view lists it (amendments, returns). */
export function approvalTaskView(t: TaskRow) {
  return {
    id: t.id,
    level: t.level,
    status: t.status,
    rule: t.rule,
    reason: t.reason,
    reviewer: t.reviewerLabel,
    comment: t.comment,
    decidedAt: t.decidedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  };
}
