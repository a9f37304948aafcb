import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel, authorize } from "../../../platform/auth/actor.ts";
import { notFound, validationFailed } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { recordOrderCommand } from "../../orders/server/order-command.ts";
import { sameForStores, type DomainEvent } from "../../audit/server/audit.ts";
import type { ApproverLevel } from "../../../platform/auth/levels.ts";
import { signableTasks } from "../domain/signing.ts";
import { subjectHandler, type AfterCommitOptions, type ApprovalSubjectHandler, type SubjectRef } from "./subjects.ts";
import { approveTasks, decideTasks, endSubject, type OpenSubject } from "./decision-steps.ts";

export type Decision = "APPROVE" | "REJECT";

export interface DecisionInput {
  decision: Decision;
  /** Required to reject. */
  comment?: string | null;
  /** Only this task (else every task the approver may sign; a rejection takes the first). */
  taskId?: string;
}

export interface DecisionOptions extends AfterCommitOptions {
  now?: Date;
  /** The order version the caller saw (If-Match): another is a 412. */
  expectedVersion?: number;
}

export interface DecisionResult {
  status: "APPROVED" | "REJECTED";
  subjectType: string;
  subjectId: string;
  /** The tasks this decision signed. */
  taskIds: string[];
  /** The subject's status after the decision (e.g. PENDING_APPROVAL, COMPLETED, REJECTED). */
  subjectStatus: string;
  remaining: number;
}

type TaskRow = Awaited<ReturnType<Tx["approvalTask"]["findFirstOrThrow"]>>;

/** What one decision writes to the order's history and outbox: the same action for every subject, the event its handler names. */
function recordDecision(tx: Tx, actor: Actor, subject: OpenSubject, signed: readonly TaskRow[], decision: Decision, comment: string | null, remaining: number) {
  const { locked, handler } = subject;
  const levels = signed.map((t) => t.level);
  const ref = { subjectType: subject.type, subjectId: locked.id, taskIds: signed.map((t) => t.id) };
  const description =
    decision === "APPROVE"
      ? `${levels.join(" + ")} approval of ${locked.label} signed${remaining ? `; ${remaining} approval(s) still pending` : ""}`
      : `${levels.join(" + ")} approval of ${locked.label} rejected: ${comment}`;
  const event = decision === "APPROVE" ? handler.decisionEvents.approved : handler.decisionEvents.rejected;
  return recordOrderCommand(
    tx,
    actor,
    locked.order,
    { action: decision === "APPROVE" ? "APPROVAL_SIGNED" : "APPROVAL_REJECTED", description, data: { ...ref, levels, comment }, stores: sameForStores(locked.storeIds) },
    [{ type: event, payload: { ...ref, levels: levels as ApproverLevel[], remaining, comment } } as DomainEvent],
  );
}

/** Under the subject's lock: applies the signing rule, signs, records, and lets the subject proceed or end. Returns how many tasks are still pending. */
async function decideLocked(tx: Tx, actor: Actor, handler: ApprovalSubjectHandler, ref: SubjectRef, input: DecisionInput, comment: string | null, options: DecisionOptions) {
  const now = options.now ?? new Date();
  const locked = await handler.lock(tx, actor, { id: ref.id, orderId: ref.orderId }, options.expectedVersion);
  const tasks = await tx.approvalTask.findMany({ where: { subjectType: ref.type, subjectId: locked.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (input.taskId !== undefined && !tasks.some((t) => t.id === input.taskId)) throw notFound("Approval task");
  const verdict = signableTasks({ label: locked.label, subjectPending: locked.pending, subjectStatus: locked.status, tasks, signer: actor, requestedById: locked.requestedById, now, taskId: input.taskId });
  if (!verdict.ok) throw verdict.error;
  const subject: OpenSubject = { type: ref.type, handler, locked };
  const reviewer = { id: actor.userId, label: actorLabel(actor) };
  if (input.decision === "APPROVE") {
    const signed = verdict.tasks;
    const ids = signed.map((t) => t.id);
    const remaining = await approveTasks(tx, actor, subject, ids, { reviewer, comment, now }, (left) => recordDecision(tx, actor, subject, signed, "APPROVE", comment, left));
    return { taskIds: ids, remaining };
  }
  const task = verdict.tasks[0]!;
  await decideTasks(tx, [task.id], { status: "REJECTED", reviewer, comment, now });
  await endSubject(tx, actor, subject, task, { outcome: "REJECTED", comment: comment!, now }, () => recordDecision(tx, actor, subject, [task], "REJECT", comment, 0));
  return { taskIds: [task.id], remaining: 0 };
}

/**
 * The one decision command for every approval subject. Locks the subject through its handler
 * (out of reach = 404, a stale If-Match = 412), applies the signing rule (signing.ts: decided or
 * expired = 409, own request or level too low = 403), then APPROVE signs every task the approver
 * may sign (or only `taskId`) and the last approval lets the subject proceed; REJECT needs a
 * comment, signs one task and ends the subject. One history action (APPROVAL_SIGNED or
 * APPROVAL_REJECTED) and the subject's own event per decision; after commit the handler's
 * follow-up work runs (a cancellation's refund).
 */
export async function decideApproval(db: Db, actor: Actor, ref: SubjectRef, input: DecisionInput, options: DecisionOptions = {}): Promise<DecisionResult> {
  authorize(actor, "approval.decide");
  const comment = input.comment?.trim() || null;
  if (input.decision === "REJECT" && !comment) throw validationFailed([{ path: "comment", message: "a comment is required to reject" }]);
  const handler = subjectHandler(ref.type);
  const result = await inTransaction(db, (tx) => decideLocked(tx, actor, handler, ref, input, comment, options));
  if (input.decision === "APPROVE" && result.remaining === 0) await handler.afterCommit?.(db, actor, ref.id, { gateway: options.gateway });
  const status = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
  return { status, subjectType: ref.type, subjectId: ref.id, ...result, subjectStatus: await handler.statusOf(db, ref.id) };
}

/** Decides one task by its id, whatever it approves: `decideApproval` on the task's subject, for that task only. */
export async function decideApprovalTask(db: Db, actor: Actor, taskId: string, input: { decision: Decision; comment?: string | null }, options: { now?: Date } = {}) {
  authorize(actor, "approval.decide");
  const task = await db.approvalTask.findUnique({ where: { id: taskId }, select: { subjectType: true, subjectId: true } });
  if (!task) throw notFound("Approval task");
  const result = await decideApproval(db, actor, { type: task.subjectType, id: task.subjectId }, { ...input, taskId }, options);
  return { ...result, taskId };
}
