import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel, authorize } from "../../../platform/auth/actor.ts";
import type { ApproverLevel } from "../../../platform/auth/levels.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import { canSign } from "../domain/signing.ts";
import { isPastDeadline } from "../domain/escalation.ts";
import { inTransaction, WriteContention } from "../../../platform/db/tx.ts";
import { recordOrderCommand } from "../../orders/server/order-command.ts";
import { subjectHandler } from "./subjects.ts";
import { sameForStores } from "../../audit/server/audit.ts";

export type Decision = "APPROVE" | "REJECT";

export interface DecisionResult {
  taskId: string;
  status: "APPROVED" | "REJECTED";
  subjectType: string;
  subjectId: string;
  /** The subject's status after the decision (e.g. PENDING_APPROVAL, COMPLETED, REJECTED). */
  subjectStatus: string;
  remaining: number;
}

type TaskRow = Awaited<ReturnType<Tx["approvalTask"]["findFirstOrThrow"]>>;

/** Why this approver may not decide this task now (checked before anything is written). */
export function assertDecidable(task: TaskRow, actor: Actor, subjectPending: boolean, now: Date) {
  if (task.status !== "PENDING" || !subjectPending) {
    throw new DomainError("CONFLICT", `This approval is already ${task.status.toLowerCase()}; it can no longer be decided`, { taskStatus: task.status });
  }
  if (isPastDeadline(task, now)) {
    throw new DomainError("CONFLICT", "This approval expired; it can no longer be decided", { taskStatus: "EXPIRED", expiresAt: task.expiresAt?.toISOString() });
  }
  if (task.requestedById === actor.userId) throw new DomainError("FORBIDDEN", "You cannot decide on your own request");
  if (!canSign(actor.approverLevel, task.level as ApproverLevel)) {
    throw new DomainError("FORBIDDEN", `This approval needs ${task.level}; your level is ${actor.approverLevel ?? "none"}`);
  }
}

/** Compare-and-set on the task: of two approvers signing at once exactly one write lands. */
export async function signTask(tx: Tx, actor: Actor, taskId: string, status: "APPROVED" | "REJECTED", comment: string | null, now: Date) {
  const { count } = await tx.approvalTask.updateMany({
    where: { id: taskId, status: "PENDING" },
    data: { status, reviewerId: actor.userId, reviewerLabel: actorLabel(actor), comment, decidedAt: now },
  });
  if (count !== 1) throw new WriteContention(`approval task ${taskId}`);
}

/** Closes a subject's pending tasks (but `exceptId`) when it ends: they can no longer matter. */
export async function closePendingTasks(tx: Tx, subject: { type: string; id: string }, why: string, now: Date, exceptId?: string) {
  await tx.approvalTask.updateMany({
    where: { subjectType: subject.type, subjectId: subject.id, status: "PENDING", ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { status: "EXPIRED", comment: why, decidedAt: now },
  });
}

/**
 * Approves or rejects one approval task, whatever it approves. The requester never signs their
 * own request; an approver signs only at or below their level; a decided or expired task is a 409;
 * a rejection needs a comment. The last approval lets the subject proceed, one rejection ends it.
 */
export async function decideApprovalTask(
  db: Db,
  actor: Actor,
  taskId: string,
  input: { decision: Decision; comment?: string | null },
  options: { now?: Date } = {},
): Promise<DecisionResult> {
  authorize(actor, "approval.decide");
  const comment = input.comment?.trim() || null;
  if (input.decision === "REJECT" && !comment) throw validationFailed([{ path: "comment", message: "a comment is required to reject" }]);
  const status = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
  const found = await db.approvalTask.findUnique({ where: { id: taskId } });
  if (!found) throw notFound("Approval task");
  const handler = subjectHandler(found.subjectType);
  const result = await inTransaction(db, async (tx) => {
    const now = options.now ?? new Date();
    const subject = await handler.lock(tx, actor, found.subjectId);
    const task = await tx.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    assertDecidable(task, actor, subject.pending, now);
    await signTask(tx, actor, task.id, status, comment, now);
    const ref = { type: task.subjectType, id: task.subjectId };
    if (status === "REJECTED") {
      await closePendingTasks(tx, ref, "request rejected", now, task.id);
      await handler.ended(tx, actor, subject, "REJECTED", comment!, task.level as ApproverLevel);
      return { remaining: 0 };
    }
    const remaining = await tx.approvalTask.count({ where: { subjectType: ref.type, subjectId: ref.id, status: "PENDING" } });
    await recordOrderCommand(
      tx,
      actor,
      subject.order,
      {
        action: "APPROVAL_SIGNED",
        description: `${task.level} approval of ${subject.label} signed${remaining ? `; ${remaining} approval(s) still pending` : ""}`,
        data: { subjectType: ref.type, subjectId: ref.id, taskId: task.id, rule: task.rule, comment },
        stores: sameForStores(subject.storeIds),
      },
      [{ type: "ApprovalTaskApproved", payload: { subjectType: ref.type, subjectId: ref.id, taskId: task.id, level: task.level, rule: task.rule, remaining } }],
    );
    if (remaining === 0) await handler.approved(tx, actor, subject);
    return { remaining };
  });
  if (status === "APPROVED" && result.remaining === 0) await handler.afterCommit?.(db, actor, found.subjectId);
  const subjectStatus = await handler.statusOf(db, found.subjectId);
  return { taskId, status, subjectType: found.subjectType, subjectId: found.subjectId, subjectStatus, remaining: result.remaining };
}
