import type { Prisma, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { deriveLineStatus } from "../domain/line-status.ts";
import { deriveAggregateStatus } from "../domain/order-status.ts";
import { countsOfLine } from "./line-counts.ts";
import { WriteContention } from "../../../platform/db/tx.ts";
import { appendEvents, recordHistory, type DomainEvent, type HistoryInput } from "../../audit/server/audit.ts";

export type LockedOrder = Prisma.OrderGetPayload<object>;

/**
 * Claims the order for one command: reads it within the actor's reach (else 404), checks a pinned
 * version (412), then bumps `version` with a compare-and-set. Every command that changes an order
 * goes through here, so two commands on one order are serialised on both engines: the loser's
 * CAS matches no row and the command is re-run on fresh data (or answers 412 if the caller pinned
 * the version it saw).
 */
export async function lockOrder(
  tx: Tx,
  orderId: string,
  reach: Prisma.OrderWhereInput,
  expectedVersion?: number,
): Promise<LockedOrder> {
  const order = await tx.order.findFirst({ where: { AND: [{ id: orderId }, reach] } });
  if (!order) throw notFound("Order");
  const mismatch = () =>
    new DomainError("VERSION_MISMATCH", `The order changed: you sent version ${expectedVersion}, it is now ${order.version}`, {
      currentVersion: order.version,
    });
  if (expectedVersion !== undefined && expectedVersion !== order.version) throw mismatch();
  const { count } = await tx.order.updateMany({
    where: { id: order.id, version: order.version },
    data: { version: { increment: 1 } },
  });
  if (count !== 1) {
    if (expectedVersion !== undefined) throw mismatch();
    throw new WriteContention(`order ${order.id}`);
  }
  return { ...order, version: order.version + 1 };
}

/**
 * Re-derives line, sub-order and order statuses from the (cached) bucket counts and stores the
 * ones that changed. Statuses are never set by hand anywhere else.
 */
export async function refreshStatuses(tx: Tx, order: LockedOrder) {
  const lines = await tx.orderLine.findMany({ where: { orderId: order.id } });
  const subOrders = await tx.subOrder.findMany({ where: { orderId: order.id } });
  for (const line of lines) {
    const s = deriveLineStatus(countsOfLine(line));
    if (s.status !== line.status || s.code !== line.statusCode) {
      await tx.orderLine.update({ where: { id: line.id }, data: { status: s.status, statusCode: s.code } });
    }
  }
  const subOrderStatuses: { id: string; storeId: string; from: string; to: string }[] = [];
  for (const sub of subOrders) {
    const status = deriveAggregateStatus(lines.filter((l) => l.subOrderId === sub.id).map(countsOfLine));
    if (status !== sub.status) await tx.subOrder.update({ where: { id: sub.id }, data: { status } });
    subOrderStatuses.push({ id: sub.id, storeId: sub.storeId, from: sub.status, to: status });
  }
  const status = deriveAggregateStatus(lines.map(countsOfLine));
  if (status !== order.status) await tx.order.update({ where: { id: order.id }, data: { status } });
  return {
    oldStatus: order.status,
    newStatus: status,
    subOrderChanges: subOrderStatuses.filter((c) => c.from !== c.to),
    /** A store's statuses before and after, for its part of the history entry. */
    ofStore(storeId: string) {
      const sub = subOrderStatuses.find((c) => c.storeId === storeId);
      return { oldStatus: sub?.from ?? null, newStatus: sub?.to ?? null };
    },
  };
}

/** Writes the command's audit entry and outbox events under the order's event sequence. */
export async function recordOrderCommand(
  tx: Tx,
  actor: Actor,
  order: LockedOrder,
  history: Omit<HistoryInput, "orderId"> | Omit<HistoryInput, "orderId">[],
  events: readonly DomainEvent[],
) {
  for (const h of Array.isArray(history) ? history : [history]) await recordHistory(tx, actor, { ...h, orderId: order.id });
  if (!events.length) return;
  // The order row is held by lockOrder, so reading and advancing its sequence here is race-free.
  const { eventSequence } = await tx.order.update({
    where: { id: order.id },
    data: { eventSequence: { increment: events.length } },
    select: { eventSequence: true },
  });
  const withVersion = events.map((e) => ({ ...e, payload: { orderId: order.id, orderVersion: order.version, ...e.payload } }) as DomainEvent);
  await appendEvents(tx, actor, { type: "Order", id: order.id, orderId: order.id }, eventSequence - events.length + 1, withVersion);
}
