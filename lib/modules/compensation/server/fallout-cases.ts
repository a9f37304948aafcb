import type { Db, Prisma, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel, authorize } from "../../../platform/auth/actor.ts";
import type { FalloutCaseViewT, FalloutStatus } from "../contracts/fallout.ts";
import { MANUAL_TASK_DUE_MS } from "../domain/settlement.ts";
import { DomainError, notFound, validationFailed } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand, type LockedOrder } from "../../orders/server/order-command.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";
import { causeHandler, causeOf, settleCause } from "./causes.ts";
import { bookManualRefund } from "./refunds.ts";
import { closeCompensationJob, requeueCompensationJob } from "./compensation-job.ts";
import { runJobsNow } from "../../../platform/jobs/run-now.ts";
import type { PaymentGateway } from "../../payments/server/gateway.ts";
import { domainEvent } from "../../audit/server/audit.ts";
import type { EventPayloadInput } from "../../audit/contracts/events.ts";
import { taskStoreParts } from "./task-fallout.ts";
import { falloutViews, type CaseRow } from "./fallout-views.ts";

const STATUS_FILTER: Record<string, Prisma.FalloutCaseWhereInput> = {
  ACTIVE: { status: { in: ["OPEN", "IN_REPAIR"] } },
  OPEN: { status: "OPEN" },
  IN_REPAIR: { status: "IN_REPAIR" },
  RESOLVED: { status: "RESOLVED" },
  ABANDONED: { status: "ABANDONED" },
  ALL: {},
};

/** The fallout queue, oldest first. */
export async function listFalloutCases(db: Db, actor: Actor, input: { status: keyof typeof STATUS_FILTER; limit: number; cursor?: string; orderId?: string }) {
  authorize(actor, "fallout.work");
  const cursorId = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await db.falloutCase.findMany({
    where: { AND: [STATUS_FILTER[input.status] ?? {}, input.orderId ? { orderId: input.orderId } : {}] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return { items: await falloutViews(db, page, false), nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!.id) : null };
}

export async function getFalloutCase(db: Db, actor: Actor, caseId: string): Promise<FalloutCaseViewT> {
  authorize(actor, "fallout.work");
  const row = await db.falloutCase.findUnique({ where: { id: caseId } });
  if (!row) throw notFound("Fallout case");
  return (await falloutViews(db, [row], true))[0]!;
}

/** Reads the case for a repair command: unknown → 404, already settled → 409; locks its order. */
async function openCase(tx: Tx, caseId: string, action: string, expectedVersion: number | undefined): Promise<{ row: CaseRow; order: LockedOrder }> {
  const row = await tx.falloutCase.findUnique({ where: { id: caseId } });
  if (!row) throw notFound("Fallout case");
  const order = await lockOrder(tx, row.orderId, {}, expectedVersion);
  const current = await tx.falloutCase.findUniqueOrThrow({ where: { id: caseId } });
  if (current.status === "RESOLVED" || current.status === "ABANDONED") {
    throw new DomainError("CONFLICT", `Fallout case ${current.number} is ${current.status.toLowerCase()}; it cannot be ${action}`);
  }
  return { row: current, order };
}

type CaseEventType = "FalloutCaseRetried" | "FalloutCaseResolved" | "FalloutCaseAbandoned";
type CaseEventExtra<K extends CaseEventType> = Omit<EventPayloadInput<K>, "falloutCaseId" | "number" | "compensationTaskId">;

async function audit<K extends CaseEventType>(tx: Tx, actor: Actor, order: LockedOrder, row: CaseRow, action: string, description: string, type: K, extra: CaseEventExtra<K>) {
  const ref = { falloutCaseId: row.id, number: row.number, compensationTaskId: row.compensationTaskId };
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action,
      description,
      data: { falloutCaseId: row.id, compensationTaskId: row.compensationTaskId, ...causeHandler(row.causeType).ref(row.causeId), ...extra },
      stores: await taskStoreParts(tx, row.compensationTaskId),
    },
    // Callers are checked against CaseEventExtra<K>; TypeScript cannot merge the generic halves, appendEvents validates the whole.
    [domainEvent(type, { ...ref, ...extra } as unknown as EventPayloadInput<K>)],
  );
  await settleCause(tx, actor, order, causeOf(row));
}

/**
 * OPS tries again: an automatic task gets a fresh round of attempts and runs at once (whatever
 * still fails is retried by the runner and, exhausted, reopens this case); a manual task goes back
 * to the seller/warehouse with a new due date. The case is IN_REPAIR meanwhile.
 */
export async function retryFalloutCase(db: Db, actor: Actor, caseId: string, options: { now?: Date; gateway?: PaymentGateway; expectedVersion?: number } = {}) {
  authorize(actor, "fallout.work");
  const now = options.now ?? new Date();
  const jobKey = await inTransaction(db, async (tx) => {
    const { row, order } = await openCase(tx, caseId, "retried", options.expectedVersion);
    const task = row.compensationTaskId ? await tx.compensationTask.findUnique({ where: { id: row.compensationTaskId } }) : null;
    if (!task) throw new DomainError("CONFLICT", `Fallout case ${row.number} has no task to retry; resolve or abandon it`);
    let key: string | null = null;
    if (task.status === "DONE" || task.status === "CANCELLED") throw new DomainError("CONFLICT", `The task is already ${task.status.toLowerCase()}; resolve the case instead`);
    if (task.mode === "AUTOMATIC") {
      await tx.compensationTask.update({ where: { id: task.id }, data: { status: "PENDING" } });
      key = await requeueCompensationJob(tx, task.id, now);
    } else {
      await tx.compensationTask.update({ where: { id: task.id }, data: { status: "PENDING", dueAt: new Date(now.getTime() + MANUAL_TASK_DUE_MS) } });
    }
    await tx.falloutCase.update({ where: { id: row.id }, data: { status: "IN_REPAIR" } });
    await audit(tx, actor, order, row, "FALLOUT_RETRIED", `Fallout case ${row.number}: ${actorLabel(actor)} retries ${task.type.toLowerCase().replaceAll("_", " ")}`, "FalloutCaseRetried", {});
    return key;
  });
  if (jobKey) await runJobsNow(db, [jobKey], { gateway: options.gateway, now: () => now });
  return getFalloutCase(db, actor, caseId);
}

/**
 * OPS repaired it by hand, with evidence: the task is DONE (a refund is booked as paid with a
 * manual reference) and the request resumes — COMPLETED when nothing else is open.
 */
export async function resolveFalloutCase(db: Db, actor: Actor, caseId: string, input: { evidence: string }, options: { now?: Date; expectedVersion?: number } = {}) {
  authorize(actor, "fallout.work");
  if (!input.evidence?.trim()) throw validationFailed([{ path: "evidence", message: "describe what was done to repair it (evidence is required)" }], "Evidence is required");
  const now = options.now ?? new Date();
  await inTransaction(db, async (tx) => {
    const { row, order } = await openCase(tx, caseId, "resolved", options.expectedVersion);
    const task = row.compensationTaskId ? await tx.compensationTask.findUnique({ where: { id: row.compensationTaskId } }) : null;
    let refunded = 0;
    if (task && task.status !== "DONE" && task.status !== "CANCELLED") {
      if (task.type === "ISSUE_REFUND") {
        refunded = await bookManualRefund(tx, order, task, { text: input.evidence, by: actor.userId, reference: `manual:${row.number}` });
      } else {
        await tx.compensationTask.update({
          where: { id: task.id },
          data: { status: "DONE", evidence: input.evidence, completedById: actor.userId, completedAt: now, lastError: null, output: { resolvedBy: actorLabel(actor), falloutCase: row.number } },
        });
      }
      await closeCompensationJob(tx, task.id, "DONE", "resolved by OPS", now);
    }
    await tx.falloutCase.update({
      where: { id: row.id },
      data: { status: "RESOLVED", evidence: input.evidence, resolution: "resolved manually", resolvedById: actor.userId, resolvedByLabel: actorLabel(actor), resolvedAt: now },
    });
    await audit(tx, actor, order, row, "FALLOUT_RESOLVED", `Fallout case ${row.number} resolved by ${actorLabel(actor)}: ${input.evidence}`, "FalloutCaseResolved", {
      evidence: input.evidence,
      ...(refunded ? { refundedManually: refunded } : {}),
    });
  });
  return getFalloutCase(db, actor, caseId);
}

/** OPS gives up on the step, with a reason: the task is cancelled and its change (e.g. the cancellation request) ends PARTIALLY_COMPLETED. */
export async function abandonFalloutCase(db: Db, actor: Actor, caseId: string, input: { reason: string }, options: { now?: Date; expectedVersion?: number } = {}) {
  authorize(actor, "fallout.work");
  if (!input.reason?.trim()) throw validationFailed([{ path: "reason", message: "a reason is required to abandon" }], "A reason is required");
  const now = options.now ?? new Date();
  await inTransaction(db, async (tx) => {
    const { row, order } = await openCase(tx, caseId, "abandoned", options.expectedVersion);
    const task = row.compensationTaskId ? await tx.compensationTask.findUnique({ where: { id: row.compensationTaskId } }) : null;
    if (task && task.status !== "DONE" && task.status !== "CANCELLED") {
      await tx.compensationTask.update({
        where: { id: task.id },
        data: { status: "CANCELLED", lastError: `abandoned: ${input.reason}`, completedById: actor.userId, completedAt: now, output: { abandoned: true, reason: input.reason, falloutCase: row.number } },
      });
      await closeCompensationJob(tx, task.id, "FAILED", `abandoned: ${input.reason}`, now);
    }
    await tx.falloutCase.update({
      where: { id: row.id },
      data: { status: "ABANDONED", resolution: input.reason, resolvedById: actor.userId, resolvedByLabel: actorLabel(actor), resolvedAt: now },
    });
    await audit(tx, actor, order, row, "FALLOUT_ABANDONED", `Fallout case ${row.number} abandoned by ${actorLabel(actor)}: ${input.reason}`, "FalloutCaseAbandoned", { reason: input.reason });
  });
  return getFalloutCase(db, actor, caseId);
}
