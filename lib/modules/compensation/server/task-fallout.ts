import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { nextNumber } from "../../../platform/db/numbers.ts";
import { recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { causeHandler, causeOf, causeWhere } from "./causes.ts";

/** The store a task belongs to (none for order-wide work such as the refund), as history parts. */
export async function taskStoreParts(tx: Tx, taskId: string | null) {
  const task = taskId ? await tx.compensationTask.findUnique({ where: { id: taskId }, select: { storeId: true } }) : null;
  return sameForStores(task?.storeId ? [task.storeId] : []);
}

/** One case per compensation task: a task that falls out again reopens its case. */
export const taskCauseKey = (taskId: string) => `compensation-task:${taskId}`;

/**
 * Opens (or reopens) the fallout case of a compensation task inside the caller's transaction, with
 * the order locked: the full context — the task with its input/output snapshots, its attempts and
 * the failure — is stored on the case. Returns the case id.
 */
export async function openFalloutForTask(tx: Tx, actor: Actor, order: LockedOrder, taskId: string, reason: string, now: Date) {
  const task = await tx.compensationTask.findUniqueOrThrow({ where: { id: taskId } });
  const ref = causeHandler(task.causeType).ref(task.causeId);
  const adjustments = await tx.financialAdjustment.findMany({
    where: causeWhere(causeOf(task)),
    select: { tenderMethod: true, amount: true, status: true, failureReason: true, attempts: true, causeKey: true },
  });
  const context = JSON.parse(
    JSON.stringify({
      task: {
        type: task.type,
        mode: task.mode,
        status: task.status,
        reversibility: task.reversibility,
        externalEffect: task.externalEffect,
        stage: task.stage,
        quantity: task.quantity,
        amount: task.amount,
        input: task.input,
        output: task.output,
        attempts: task.attempts,
        lastError: task.lastError,
        dueAt: task.dueAt,
      },
      refunds: adjustments,
      openedAt: now,
    }),
  );
  const causeKey = taskCauseKey(taskId);
  const existing = await tx.falloutCase.findUnique({ where: { causeKey } });
  let caseId: string;
  let number: string;
  if (existing) {
    if (existing.status === "RESOLVED" || existing.status === "ABANDONED") return existing.id;
    await tx.falloutCase.update({ where: { id: existing.id }, data: { status: "OPEN", reason, context } });
    caseId = existing.id;
    number = existing.number;
  } else {
    number = await nextNumber(tx, "fallout", "FC-");
    const row = await tx.falloutCase.create({
      data: { number, causeKey, status: "OPEN", orderId: task.orderId, causeType: task.causeType, causeId: task.causeId, compensationTaskId: task.id, reason, context },
    });
    caseId = row.id;
  }
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: existing ? "FALLOUT_REOPENED" : "FALLOUT_OPENED",
      description: `Fallout case ${number} ${existing ? "reopened" : "opened"} for ${task.type.toLowerCase().replaceAll("_", " ")}: ${reason}`,
      data: { falloutCaseId: caseId, compensationTaskId: task.id, ...ref },
      stores: sameForStores(task.storeId ? [task.storeId] : []),
    },
    [{ type: "FalloutCaseOpened", payload: { falloutCaseId: caseId, number, compensationTaskId: task.id, ...ref, reason } }],
  );
  return caseId;
}

/** The task got done (by a retry or a late confirmation): its open case, if any, is resolved with that. */
export async function resolveCaseOfTask(tx: Tx, actor: Actor, order: LockedOrder, taskId: string, resolution: string, now: Date) {
  const open = await tx.falloutCase.findFirst({ where: { causeKey: taskCauseKey(taskId), status: { in: ["OPEN", "IN_REPAIR"] } } });
  if (!open) return;
  const { count } = await tx.falloutCase.updateMany({
    where: { id: open.id, status: { in: ["OPEN", "IN_REPAIR"] } },
    data: { status: "RESOLVED", resolution, evidence: resolution, resolvedById: actor.userId, resolvedByLabel: actor.email, resolvedAt: now },
  });
  if (count !== 1) return;
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: "FALLOUT_RESOLVED",
      description: `Fallout case ${open.number} resolved: ${resolution}`,
      data: { falloutCaseId: open.id, compensationTaskId: taskId },
      stores: await taskStoreParts(tx, taskId),
    },
    [{ type: "FalloutCaseResolved", payload: { falloutCaseId: open.id, number: open.number, compensationTaskId: taskId, resolution } }],
  );
}
