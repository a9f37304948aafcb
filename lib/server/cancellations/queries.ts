import type { Db, Tx } from "../../db/client.ts";
import type { Actor } from "../../auth/actor.ts";
import { authorize } from "../../auth/actor.ts";
import type { CancellationViewT } from "../../contracts/cancellations.ts";
import { notFound } from "../../domain/errors.ts";
import { orderReadWhere } from "../orders/scope.ts";
import { CANCELLATION_VIEW_INCLUDE, toCancellationView } from "./view.ts";
import { decodeCursor, encodeCursor } from "../pagination.ts";

export const CANCELLATION_SUBJECT = "CANCELLATION";

/** Reads a request as stored, without authorization: for commands that already checked reach. */
export async function loadCancellationView(db: Db | Tx, requestId: string): Promise<CancellationViewT> {
  const r = await db.cancellationRequest.findUniqueOrThrow({ where: { id: requestId }, include: CANCELLATION_VIEW_INCLUDE });
  const approvals = await db.approvalTask.findMany({ where: { subjectType: CANCELLATION_SUBJECT, subjectId: r.id }, orderBy: { createdAt: "asc" } });
  return toCancellationView(r, approvals);
}

/** One request of an order the actor can see; 404 otherwise. */
export async function getCancellationRequest(db: Db, actor: Actor, orderId: string, requestId: string): Promise<CancellationViewT> {
  authorize(actor, "order.read");
  const r = await db.cancellationRequest.findFirst({ where: { id: requestId, orderId, order: orderReadWhere(actor) }, select: { id: true } });
  if (!r) throw notFound("Cancellation request");
  return loadCancellationView(db, r.id);
}

/** The requests of an order, newest first. */
export async function listCancellationRequests(db: Db, actor: Actor, orderId: string, page: { limit: number; cursor?: string }) {
  authorize(actor, "order.read");
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, orderReadWhere(actor)] }, select: { id: true } });
  if (!order) throw notFound("Order");
  const cursorId = page.cursor ? decodeCursor(page.cursor) : undefined;
  const rows = await db.cancellationRequest.findMany({
    where: { orderId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
    include: CANCELLATION_VIEW_INCLUDE,
  });
  const slice = rows.slice(0, page.limit);
  const approvals = await db.approvalTask.findMany({
    where: { subjectType: CANCELLATION_SUBJECT, subjectId: { in: slice.map((r) => r.id) } },
    orderBy: { createdAt: "asc" },
  });
  return {
    items: slice.map((r) => toCancellationView(r, approvals.filter((a) => a.subjectId === r.id))),
    nextCursor: rows.length > page.limit ? encodeCursor(slice[slice.length - 1]!.id) : null,
  };
}
