import type { Db, Prisma } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { actorLabel, authorize } from "../../../platform/auth/actor.ts";
import type { CompensationTaskViewT } from "../contracts/tasks.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { inTransaction } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand } from "../../orders/server/order-command.ts";
import { causeHandler, causeOf, settleCause } from "./causes.ts";
import { describeCauses, legacyCancellationId } from "./cause-views.ts";
import { openFalloutForTask, resolveCaseOfTask } from "./task-fallout.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";
import { compensationTaskWhere } from "../../orders/server/scope.ts";
import { sameForStores } from "../../audit/server/audit.ts";

/** Tasks a seller works are their stores' tasks; OPS sees all (scope.ts). Out of reach = not found. */
const taskReach = compensationTaskWhere;

const STATUS_FILTER: Record<string, Prisma.CompensationTaskWhereInput> = {
  OPEN: { status: { in: ["PENDING", "IN_PROGRESS"] } },
  PENDING: { status: "PENDING" },
  DONE: { status: "DONE" },
  FAILED: { status: "FAILED" },
  ALL: {},
};

type TaskRow = Prisma.CompensationTaskGetPayload<object>;

async function toViews(db: Db, rows: TaskRow[]): Promise<CompensationTaskViewT[]> {
  const orders = await db.order.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.orderId))] } }, select: { id: true, number: true, version: true } });
  const causes = await describeCauses(db, rows);
  const stores = await db.store.findMany({ select: { id: true, code: true } });
  const lines = await db.orderLine.findMany({ where: { id: { in: rows.map((r) => r.orderLineId).filter((x): x is string => !!x) } }, select: { id: true, sku: true } });
  const name = <T extends { id: string }>(list: T[], id: string | null, key: keyof T) => (id ? ((list.find((x) => x.id === id)?.[key] as string | undefined) ?? null) : null);
  return rows.map((t) => ({
    id: t.id,
    type: t.type,
    mode: t.mode,
    status: t.status,
    orderId: t.orderId,
    orderNumber: name(orders, t.orderId, "number") ?? "",
    orderVersion: orders.find((o) => o.id === t.orderId)?.version ?? 0,
    cancellationRequestId: legacyCancellationId(t),
    cancellationNumber: legacyCancellationId(t) ? (causes.get(`${t.causeType}:${t.causeId}`)?.number ?? null) : null,
    storeCode: name(stores, t.storeId, "code"),
    orderLineId: t.orderLineId,
    sku: name(lines, t.orderLineId, "sku"),
    stage: t.stage,
    quantity: t.quantity,
    evidence: t.evidence,
    lastError: t.lastError,
    createdAt: t.createdAt.toISOString(),
    completedAt: t.completedAt?.toISOString() ?? null,
  }));
}

/** Compensation tasks the actor may act on, oldest first (a work queue). */
export async function listCompensationTasks(
  db: Db,
  actor: Actor,
  input: { status: "OPEN" | "PENDING" | "DONE" | "FAILED" | "ALL"; storeCode?: string; limit: number; cursor?: string; orderId?: string },
) {
  authorize(actor, "compensation.work");
  const where: Prisma.CompensationTaskWhereInput = {
    AND: [
      taskReach(actor),
      STATUS_FILTER[input.status]!,
      input.storeCode ? { storeId: (await db.store.findUnique({ where: { code: input.storeCode } }))?.id ?? "__none__" } : {},
      input.orderId ? { orderId: input.orderId } : {},
    ],
  };
  const cursorId = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await db.compensationTask.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return { items: await toViews(db, page), nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!.id) : null };
}

async function finishManualTask(
  db: Db,
  actor: Actor,
  taskId: string,
  outcome: { status: "DONE"; evidence: string } | { status: "FAILED"; reason: string },
  expectedVersion: number | undefined,
) {
  authorize(actor, "compensation.work");
  await inTransaction(db, async (tx) => {
    const task = await tx.compensationTask.findFirst({ where: { AND: [{ id: taskId }, taskReach(actor)] } });
    if (!task) throw notFound("Compensation task");
    const order = await lockOrder(tx, task.orderId, {}, expectedVersion);
    const current = await tx.compensationTask.findUniqueOrThrow({ where: { id: task.id } });
    if (current.mode !== "MANUAL") throw new DomainError("CONFLICT", `${current.type} is an automatic task; it cannot be confirmed by hand`);
    if (current.status !== "PENDING") throw new DomainError("CONFLICT", `This task is ${current.status.toLowerCase()}, not open`);
    const { count } = await tx.compensationTask.updateMany({
      where: { id: task.id, status: "PENDING" },
      data:
        outcome.status === "DONE"
          ? { status: "DONE", evidence: outcome.evidence, completedById: actor.userId, completedAt: new Date(), output: { confirmedBy: actorLabel(actor) } }
          : { status: "FAILED", lastError: outcome.reason, completedById: actor.userId, attempts: { increment: 1 } },
    });
    if (count !== 1) throw new DomainError("CONFLICT", "This task was just completed by someone else");
    const label = current.type.toLowerCase().replaceAll("_", " ");
    const ref = causeHandler(task.causeType).ref(task.causeId);
    await recordOrderCommand(
      tx,
      actor,
      order,
      {
        action: outcome.status === "DONE" ? "COMPENSATION_TASK_COMPLETED" : "COMPENSATION_TASK_FAILED",
        description:
          outcome.status === "DONE"
            ? `${label} confirmed (${current.quantity ?? ""} unit(s)): ${outcome.evidence}`
            : `${label} failed: ${outcome.reason}`,
        data: { compensationTaskId: task.id, ...ref },
        stores: sameForStores(task.storeId ? [task.storeId] : []),
      },
      [
        {
          type: outcome.status === "DONE" ? "CompensationTaskCompleted" : "CompensationTaskFailed",
          payload: { compensationTaskId: task.id, taskType: current.type, ...ref },
        },
      ],
    );
    // A failed manual step falls out to OPS at once; a confirmed one settles its case, if it had one.
    if (outcome.status === "FAILED") await openFalloutForTask(tx, actor, order, task.id, `${label} failed: ${outcome.reason}`, new Date());
    else await resolveCaseOfTask(tx, actor, order, task.id, `${label} confirmed by ${actorLabel(actor)}: ${outcome.evidence}`, new Date());
    await settleCause(tx, actor, order, causeOf(task));
  });
  const row = await db.compensationTask.findUniqueOrThrow({ where: { id: taskId } });
  return (await toViews(db, [row]))[0]!;
}

/** A seller or warehouse confirms a manual step (recall from warehouse, return to stock) with evidence. */
export function completeCompensationTask(db: Db, actor: Actor, taskId: string, input: { evidence: string }, options: { expectedVersion?: number } = {}) {
  return finishManualTask(db, actor, taskId, { status: "DONE", evidence: input.evidence }, options.expectedVersion);
}

/** A manual step could not be done: its change (e.g. the cancellation request) shows FAILED with the reason and a fallout case opens for OPS. */
export function failCompensationTask(db: Db, actor: Actor, taskId: string, input: { reason: string }, options: { expectedVersion?: number } = {}) {
  return finishManualTask(db, actor, taskId, { status: "FAILED", reason: input.reason }, options.expectedVersion);
}
