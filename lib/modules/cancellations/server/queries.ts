import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import type { CancellationViewT } from "../contracts/cancellations.ts";
import { notFound } from "../../../platform/errors.ts";
import { cancellationRequestWhere, scopeCancellationView } from "../../orders/server/scope.ts";
import { orderScopeOf } from "../../orders/server/order-scope.ts";
import { CANCELLATION_VIEW_INCLUDE, toCancellationView, withCompensation } from "./view.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";

export const CANCELLATION_SUBJECT = "CANCELLATION";

/** The store of each of these order lines. */
export async function lineStores(db: Db | Tx, orderLineIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.orderLine.findMany({ where: { id: { in: [...orderLineIds] } }, select: { id: true, storeId: true } });
  return new Map(rows.map((l) => [l.id, l.storeId]));
}

/** The stores whose lines a request holds: the stores its history entries concern. */
export async function requestStoreIds(db: Db | Tx, requestId: string): Promise<string[]> {
  const lines = await db.cancellationRequestLine.findMany({ where: { requestId }, select: { orderLine: { select: { storeId: true } } } });
  return [...new Set(lines.map((l) => l.orderLine.storeId))];
}

/** Reads a request as stored, without authorization: for commands that already checked reach. */
export async function loadCancellationView(db: Db, requestId: string, lineIds: "all" | ReadonlySet<string> = "all"): Promise<CancellationViewT> {
  const [request, approvals] = await Promise.all([
    db.cancellationRequest.findUniqueOrThrow({ where: { id: requestId }, include: CANCELLATION_VIEW_INCLUDE }),
    db.approvalTask.findMany({ where: { subjectType: CANCELLATION_SUBJECT, subjectId: requestId }, orderBy: { createdAt: "asc" } }),
  ]);
  const [r] = await withCompensation(db, [request]);
  return scopeCancellationView(toCancellationView(r!, approvals), lineIds);
}

/** A request as the actor sees it, for the answer of a command that just changed it. */
export async function cancellationViewFor(db: Db, actor: Actor, orderId: string, requestId: string): Promise<CancellationViewT> {
  const [{ lineIds }, view] = await Promise.all([orderScopeOf(db, actor, orderId), loadCancellationView(db, requestId)]);
  return scopeCancellationView(view, lineIds);
}

/** One request of an order the actor can see, as their part of the order shows it; 404 otherwise. */
export async function getCancellationRequest(db: Db, actor: Actor, orderId: string, requestId: string): Promise<CancellationViewT> {
  authorize(actor, "order.read");
  const scope = await orderScopeOf(db, actor, orderId, "Cancellation request");
  const r = await db.cancellationRequest.findFirst({ where: { id: requestId, orderId, ...cancellationRequestWhere(scope.stores) }, select: { id: true } });
  if (!r) throw notFound("Cancellation request");
  return loadCancellationView(db, r.id, scope.lineIds);
}

/** The requests of an order the actor sees, newest first (a seller: those touching their lines). */
export async function listCancellationRequests(db: Db, actor: Actor, orderId: string, page: { limit: number; cursor?: string }) {
  authorize(actor, "order.read");
  const scope = await orderScopeOf(db, actor, orderId);
  const cursorId = page.cursor ? decodeCursor(page.cursor) : undefined;
  const rows = await db.cancellationRequest.findMany({
    where: { orderId, ...cancellationRequestWhere(scope.stores) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
    include: CANCELLATION_VIEW_INCLUDE,
  });
  const slice = await withCompensation(db, rows.slice(0, page.limit));
  const approvals = await db.approvalTask.findMany({
    where: { subjectType: CANCELLATION_SUBJECT, subjectId: { in: slice.map((r) => r.id) } },
    orderBy: { createdAt: "asc" },
  });
  return {
    items: slice.map((r) => scopeCancellationView(toCancellationView(r, approvals.filter((a) => a.subjectId === r.id)), scope.lineIds)),
    nextCursor: rows.length > page.limit ? encodeCursor(slice[slice.length - 1]!.id) : null,
  };
}
