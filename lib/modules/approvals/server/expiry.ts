import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { ApproverLevel } from "../../../platform/auth/levels.ts";
import { expiresAt, expiryOutcome, isPastDeadline, type ExpiryOutcome } from "../domain/escalation.ts";
import { ON_EXPIRY, ON_FINAL_EXPIRY, type OnExpiry, type OnFinalExpiry } from "../domain/rules.ts";
import { inTransaction, WriteContention } from "../../../platform/db/tx.ts";
import { recordOrderCommand } from "../../orders/server/order-command.ts";
import { closePendingTasks } from "./decide.ts";
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

async function expireOne(db: Db, actor: Actor, taskId: string, subjectType: string, subjectId: string, now: Date): Promise<ExpiryOutcome["kind"] | null> {
  const handler = subjectHandler(subjectType);
  const outcome = await inTransaction(db, async (tx) => {
    const subject = await handler.lock(tx, actor, subjectId);
    const task = await tx.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    // Decided, escalated or ended meanwhile: nothing to do.
    if (task.status !== "PENDING" || !isPastDeadline(task, now)) return null;
    if (!subject.pending) return null;
    const behaviour = behaviourOf(task);
    const step = expiryOutcome(task.level as ApproverLevel, behaviour);
    const ref = { subjectType, subjectId, taskId: task.id, level: task.level, rule: task.rule };

    if (step.kind === "AUTO_APPROVE") {
      const { count } = await tx.approvalTask.updateMany({
        where: { id: task.id, status: "PENDING" },
        data: { status: "APPROVED", reviewerId: actor.userId, reviewerLabel: "system (expired: auto-approved)", comment: "Not decided in time; the rule approves on expiry", decidedAt: now },
      });
      if (count !== 1) throw new WriteContention(`approval task ${task.id}`);
      const remaining = await tx.approvalTask.count({ where: { subjectType, subjectId, status: "PENDING" } });
      await recordOrderCommand(
        tx,
        actor,
        subject.order,
        {
          action: "APPROVAL_AUTO_APPROVED",
          description: `${task.level} approval of ${subject.label} not decided in time: auto-approved by its rule`,
          data: ref,
          stores: sameForStores(subject.storeIds),
        },
        [{ type: "ApprovalTaskAutoApproved", payload: { ...ref, remaining } }],
      );
      if (remaining === 0) await handler.approved(tx, actor, subject);
      return step.kind;
    }

    const { count } = await tx.approvalTask.updateMany({
      where: { id: task.id, status: "PENDING" },
      data: { status: "EXPIRED", comment: step.kind === "ESCALATE" ? `Not decided in time; escalated to ${step.level}` : "Not decided in time", decidedAt: now },
    });
    if (count !== 1) throw new WriteContention(`approval task ${task.id}`);

    if (step.kind === "ESCALATE") {
      const next = await tx.approvalTask.create({
        data: {
          subjectType,
          subjectId,
          orderId: task.orderId,
          level: step.level,
          status: "PENDING",
          rule: task.rule,
          reason: `Escalated from ${task.level} (not decided in time): ${task.reason.replace(/^Escalated from \w+ \(not decided in time\): /, "")}`,
          requestedById: task.requestedById,
          expiresAt: expiresAt(now, behaviour.expiresAfterMinutes),
          ruleSnapshot: task.ruleSnapshot ?? undefined,
          escalatedFromId: task.id,
          createdAt: now,
        },
      });
      await recordOrderCommand(
        tx,
        actor,
        subject.order,
        {
          action: "APPROVAL_ESCALATED",
          description: `${task.level} approval of ${subject.label} not decided in time: escalated to ${step.level}`,
          data: { ...ref, escalatedTo: next.id },
          stores: sameForStores(subject.storeIds),
        },
        [
          { type: "ApprovalTaskExpired", payload: ref },
          { type: "ApprovalTaskEscalated", payload: { ...ref, newTaskId: next.id, newLevel: step.level } },
        ],
      );
      return step.kind;
    }

    // Nobody left to ask: the subject expires.
    await closePendingTasks(tx, { type: subjectType, id: subjectId }, "request expired", now, task.id);
    await recordOrderCommand(
      tx,
      actor,
      subject.order,
      { action: "APPROVAL_EXPIRED", description: `${task.level} approval of ${subject.label} not decided in time`, data: ref, stores: sameForStores(subject.storeIds) },
      [{ type: "ApprovalTaskExpired", payload: ref }],
    );
    await handler.ended(tx, actor, subject, "EXPIRED", `${task.level} approval not decided in time`);
    return step.kind;
  });
  if (outcome === "AUTO_APPROVE") {
    const still = await db.approvalTask.count({ where: { subjectType, subjectId, status: "PENDING" } });
    if (still === 0) await handler.afterCommit?.(db, actor, subjectId);
  }
  return outcome;
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
    const kind = await expireOne(db, actor, t.id, t.subjectType, t.subjectId, now);
    if (kind === "ESCALATE") counts.escalated++;
    else if (kind === "AUTO_APPROVE") counts.autoApproved++;
    else if (kind === "EXPIRE") counts.expired++;
  }
  return counts;
}
