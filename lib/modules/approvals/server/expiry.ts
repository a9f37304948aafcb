import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { ApproverLevel } from "../../../platform/auth/levels.ts";
import { expiresAt, expiryOutcome, isPastDeadline, type ExpiryOutcome } from "../domain/escalation.ts";
import { ON_EXPIRY, ON_FINAL_EXPIRY, type OnExpiry, type OnFinalExpiry } from "../domain/rules.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { recordOrderCommand } from "../../orders/server/order-command.ts";
import { approveTasks, decideTasks, endSubject, type OpenSubject } from "./decision-steps.ts";
import { subjectHandler } from "./subjects.ts";
import { systemActor } from "../../../platform/auth/system-actor.ts";
import { sameForStores } from "../../audit/server/audit.ts";

export interface ExpiryCounts {
  /** Tasks past their deadline that were looked at. */
  examined: number;
  escalated: number;
  autoApproved: number;
  /** Tasks whose subject expired (nobody left to escalate to). */
  expired: number;
}

type TaskRow = Awaited<ReturnType<Tx["approvalTask"]["findFirstOrThrow"]>>;

/** The expiry behaviour the task was created with (its rule snapshot); tasks without one escalate. */
function behaviourOf(task: TaskRow): { onExpiry: OnExpiry; onFinalExpiry: OnFinalExpiry; expiresAfterMinutes: number | null } {
  const snap = (task.ruleSnapshot ?? {}) as { onExpiry?: unknown; onFinalExpiry?: unknown; expiresAfterMinutes?: unknown };
  return {
    onExpiry: (ON_EXPIRY as readonly unknown[]).includes(snap.onExpiry) ? (snap.onExpiry as OnExpiry) : "ESCALATE",
    onFinalExpiry: (ON_FINAL_EXPIRY as readonly unknown[]).includes(snap.onFinalExpiry) ? (snap.onFinalExpiry as OnFinalExpiry) : "EXPIRE",
    expiresAfterMinutes: typeof snap.expiresAfterMinutes === "number" ? snap.expiresAfterMinutes : null,
  };
}

/** The rule approves on expiry: the system signs the task through the same steps as an approver; returns how many are still pending. */
function autoApprove(tx: Tx, actor: Actor, subject: OpenSubject, task: TaskRow, now: Date): Promise<number> {
  const ref = refOf(subject, task);
  const outcome = { reviewer: { id: actor.userId, label: "system (expired: auto-approved)" }, comment: "Not decided in time; the rule approves on expiry", now };
  return approveTasks(tx, actor, subject, [task.id], outcome, (remaining) =>
    recordOrderCommand(
      tx,
      actor,
      subject.locked.order,
      {
        action: "APPROVAL_AUTO_APPROVED",
        description: `${task.level} approval of ${subject.locked.label} not decided in time: auto-approved by its rule`,
        data: ref,
        stores: sameForStores(subject.locked.storeIds),
      },
      [{ type: "ApprovalTaskAutoApproved", payload: { ...ref, remaining } }],
    ),
  );
}

/** The task expires and a pending task one level up replaces it. */
async function escalate(tx: Tx, actor: Actor, subject: OpenSubject, task: TaskRow, level: ApproverLevel, now: Date) {
  const ref = refOf(subject, task);
  await decideTasks(tx, [task.id], { status: "EXPIRED", comment: `Not decided in time; escalated to ${level}`, now });
  const next = await tx.approvalTask.create({
    data: {
      subjectType: subject.type,
      subjectId: subject.locked.id,
      orderId: task.orderId,
      level,
      status: "PENDING",
      rule: task.rule,
      reason: `Escalated from ${task.level} (not decided in time): ${task.reason.replace(/^Escalated from \w+ \(not decided in time\): /, "")}`,
      requestedById: task.requestedById,
      expiresAt: expiresAt(now, behaviourOf(task).expiresAfterMinutes),
      ruleSnapshot: task.ruleSnapshot ?? undefined,
      escalatedFromId: task.id,
      createdAt: now,
    },
  });
  await recordOrderCommand(
    tx,
    actor,
    subject.locked.order,
    {
      action: "APPROVAL_ESCALATED",
      description: `${task.level} approval of ${subject.locked.label} not decided in time: escalated to ${level}`,
      data: { ...ref, escalatedTo: next.id },
      stores: sameForStores(subject.locked.storeIds),
    },
    [
      { type: "ApprovalTaskExpired", payload: ref },
      { type: "ApprovalTaskEscalated", payload: { ...ref, newTaskId: next.id, newLevel: level } },
    ],
  );
}

/** Nobody left to ask: the task expires and the subject ends, through the same step as a rejection. */
async function expireSubject(tx: Tx, actor: Actor, subject: OpenSubject, task: TaskRow, now: Date) {
  const ref = refOf(subject, task);
  await decideTasks(tx, [task.id], { status: "EXPIRED", comment: "Not decided in time", now });
  await endSubject(tx, actor, subject, task, { outcome: "EXPIRED", comment: `${task.level} approval not decided in time`, now }, () =>
    recordOrderCommand(
      tx,
      actor,
      subject.locked.order,
      { action: "APPROVAL_EXPIRED", description: `${task.level} approval of ${subject.locked.label} not decided in time`, data: ref, stores: sameForStores(subject.locked.storeIds) },
      [{ type: "ApprovalTaskExpired", payload: ref }],
    ),
  );
}

function refOf(subject: OpenSubject, task: TaskRow) {
  return { subjectType: subject.type, subjectId: subject.locked.id, taskId: task.id, level: task.level as ApproverLevel, rule: task.rule };
}

/** One task past its deadline, in its own transaction under its order's lock; null when it was decided or ended meanwhile. */
async function expireOne(db: Db, actor: Actor, due: { id: string; subjectType: string; subjectId: string }, now: Date): Promise<ExpiryOutcome["kind"] | null> {
  const handler = subjectHandler(due.subjectType);
  const done = await inTransaction(db, async (tx) => {
    const locked = await handler.lock(tx, actor, { id: due.subjectId });
    const task = await tx.approvalTask.findUniqueOrThrow({ where: { id: due.id } });
    if (task.status !== "PENDING" || !isPastDeadline(task, now) || !locked.pending) return null;
    const subject: OpenSubject = { type: due.subjectType, handler, locked };
    const step = expiryOutcome(task.level as ApproverLevel, behaviourOf(task));
    if (step.kind === "AUTO_APPROVE") return { kind: step.kind, remaining: await autoApprove(tx, actor, subject, task, now) };
    if (step.kind === "ESCALATE") await escalate(tx, actor, subject, task, step.level, now);
    else await expireSubject(tx, actor, subject, task, now);
    return { kind: step.kind, remaining: null };
  });
  if (done?.remaining === 0) await handler.afterCommit?.(db, actor, due.subjectId, {});
  return done?.kind ?? null;
}

/**
 * Expires PENDING approval tasks whose deadline has passed (time is injected so tests and the job
 * runner decide what "now" is): each becomes EXPIRED and is replaced by a PENDING task one level up
 * (`escalatedFromId` links them), or is approved by the system, or — at the top level with nothing
 * to escalate to — ends its subject, as the task's rule says. Each task is handled in its own
 * transaction under its order's lock, audited in the order history and emitted to the outbox; safe
 * to run from several instances at once (a task already handled is skipped).
 */
export async function expireApprovalTasks(db: Db, options: { now?: Date; limit?: number } = {}): Promise<ExpiryCounts> {
  const now = options.now ?? new Date();
  const due = await db.approvalTask.findMany({
    where: { status: "PENDING", expiresAt: { lte: now } },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 200,
    select: { id: true, subjectType: true, subjectId: true },
  });
  const counts: ExpiryCounts = { examined: due.length, escalated: 0, autoApproved: 0, expired: 0 };
  const actor = systemActor("Countermand approvals");
  for (const t of due) {
    const kind = await expireOne(db, actor, t, now);
    if (kind === "ESCALATE") counts.escalated++;
    else if (kind === "AUTO_APPROVE") counts.autoApproved++;
    else if (kind === "EXPIRE") counts.expired++;
  }
  return counts;
}
