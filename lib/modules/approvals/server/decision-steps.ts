// The steps every decision on approval tasks is made of, whoever decides: an approver
// (decide.ts) or the expiry job's auto-approval and final expiry (expiry.ts). All run inside the
// transaction that holds the subject's order.
import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { ApproverLevel } from "../../../platform/auth/levels.ts";
import { WriteContention } from "../../../platform/db/tx.ts";
import type { ApprovalSubjectHandler, LockedSubject } from "./subjects.ts";

/** A subject locked for a decision, with its type and handler. */
export interface OpenSubject {
  type: string;
  handler: ApprovalSubjectHandler;
  locked: LockedSubject;
}

/** How a task ends: who decided it (none for an expiry) and why. */
export interface TaskOutcome {
  status: "APPROVED" | "REJECTED" | "EXPIRED";
  reviewer?: { id: string; label: string };
  comment: string | null;
  now: Date;
}

/** Compare-and-set on each task: of two deciders at once exactly one write lands, the other re-runs and finds it decided. */
export async function decideTasks(tx: Tx, taskIds: readonly string[], outcome: TaskOutcome): Promise<void> {
  for (const id of taskIds) {
    const { count } = await tx.approvalTask.updateMany({
      where: { id, status: "PENDING" },
      data: {
        status: outcome.status,
        ...(outcome.reviewer ? { reviewerId: outcome.reviewer.id, reviewerLabel: outcome.reviewer.label } : {}),
        comment: outcome.comment,
        decidedAt: outcome.now,
      },
    });
    if (count !== 1) throw new WriteContention(`approval task ${id}`);
  }
}

/** Closes a subject's pending tasks (but `exceptId`) when it ends: they can no longer matter. */
export async function closePendingTasks(tx: Tx, subject: { type: string; id: string }, why: string, now: Date, exceptId?: string) {
  await tx.approvalTask.updateMany({
    where: { subjectType: subject.type, subjectId: subject.id, status: "PENDING", ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { status: "EXPIRED", comment: why, decidedAt: now },
  });
}

/**
 * Approves these tasks, then `record`s the decision with the number still pending; when none is
 * left the subject proceeds. Returns that number.
 */
export async function approveTasks(
  tx: Tx,
  actor: Actor,
  subject: OpenSubject,
  taskIds: readonly string[],
  outcome: Omit<TaskOutcome, "status">,
  record: (remaining: number) => Promise<void>,
): Promise<number> {
  await decideTasks(tx, taskIds, { ...outcome, status: "APPROVED" });
  const remaining = await tx.approvalTask.count({ where: { subjectType: subject.type, subjectId: subject.locked.id, status: "PENDING" } });
  await record(remaining);
  if (remaining === 0) await subject.handler.approved(tx, actor, subject.locked);
  return remaining;
}

/**
 * The subject ends (rejected, or expired with nobody left to ask): its other pending tasks are
 * closed, the decision is `record`ed, then the subject's handler ends it.
 */
export async function endSubject(
  tx: Tx,
  actor: Actor,
  subject: OpenSubject,
  task: { id: string; level: string },
  end: { outcome: "REJECTED" | "EXPIRED"; comment: string; now: Date },
  record: () => Promise<void>,
): Promise<void> {
  const why = end.outcome === "REJECTED" ? "request rejected" : "request expired";
  await closePendingTasks(tx, { type: subject.type, id: subject.locked.id }, why, end.now, task.id);
  await record();
  const level = end.outcome === "REJECTED" ? (task.level as ApproverLevel) : undefined;
  await subject.handler.ended(tx, actor, subject.locked, end.outcome, end.comment, level);
}
