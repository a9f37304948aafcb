import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Prisma } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { decodeCursor, encodeCursor } from "../../../platform/db/pagination.ts";
import { orderScopeOf } from "../../orders/server/order-scope.ts";
import type { StoreSet } from "../../orders/server/scope.ts";
import type { AmendmentViewT } from "../contracts/amendments.ts";
import { parseStoredAmendmentAssessment } from "../contracts/stored-assessment.ts";
import type { AmendmentStatus } from "../domain/status.ts";
import { approvalTaskView } from "../../approvals/server/task-view.ts";

/** What the approval engine calls an amendment; what line holds call it. */
export const AMENDMENT_SUBJECT = "AMENDMENT";
export const AMENDMENT_HOLDER = "AmendmentRequest";
/** Compensation tasks, charges and refunds of an amendment are keyed by this cause type (the holder type). */
export const AMENDMENT_CAUSE = AMENDMENT_HOLDER;

type AmendmentRow = Awaited<ReturnType<Tx["amendmentRequest"]["findUniqueOrThrow"]>>;
type TaskRow = Awaited<ReturnType<Tx["approvalTask"]["findFirstOrThrow"]>>;

/** Amendments of a store's part: those that reach one of its stores (others are 404). */
export function amendmentWhere(stores: StoreSet): Prisma.AmendmentRequestWhereInput {
  return stores === "all" ? {} : { stores: { some: { storeId: { in: [...stores] } } } };
}

export function toAmendmentView(r: AmendmentRow, approvals: readonly TaskRow[]): AmendmentViewT {
  const stored = parseStoredAmendmentAssessment(r.assessment, r);
  return {
    ...stored,
    id: r.id,
    number: r.number,
    orderId: r.orderId,
    status: r.status as AmendmentStatus,
    reasonCode: r.reasonCode,
    reasonText: r.reasonText,
    requestedBy: r.requestedByLabel,
    createdAt: r.createdAt.toISOString(),
    orderVersion: r.orderVersion,
    approvals: approvals.map(approvalTaskView),
    cancellationRequestId: r.cancellationRequestId,
    appliedAt: r.appliedAt?.toISOString() ?? null,
    failureReason: r.failureReason,
  };
}

/** A store's reader sees no split across the order's payments (they cover other stores' lines too). */
export function forStores<V extends Pick<AmendmentViewT, "impact">>(view: V, stores: StoreSet): V {
  return stores === "all" ? view : { ...view, impact: { ...view.impact, byTender: [] } };
}

async function viewsOf(db: Db | Tx, rows: AmendmentRow[], stores: StoreSet) {
  const approvals = await db.approvalTask.findMany({
    where: { subjectType: AMENDMENT_SUBJECT, subjectId: { in: rows.map((r) => r.id) } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => forStores(toAmendmentView(r, approvals.filter((a) => a.subjectId === r.id)), stores));
}

/** One amendment as the actor sees it (404 when the order or the amendment is out of their reach). */
export async function getAmendmentRequest(db: Db | Tx, actor: Actor, orderId: string, requestId: string): Promise<AmendmentViewT> {
  authorize(actor, "order.read");
  return amendmentViewFor(db, actor, orderId, requestId);
}

/** The amendment as the actor sees it, for the answer of a command that already checked its permission. */
export async function amendmentViewFor(db: Db | Tx, actor: Actor, orderId: string, requestId: string): Promise<AmendmentViewT> {
  const scope = await orderScopeOf(db, actor, orderId, "Amendment request");
  const row = await db.amendmentRequest.findFirst({ where: { id: requestId, orderId, ...amendmentWhere(scope.stores) } });
  if (!row) throw notFound("Amendment request");
  const [view] = await viewsOf(db, [row], scope.stores);
  return view!;
}

/** The amendments of an order the actor sees, newest first. */
export async function listAmendmentRequests(db: Db, actor: Actor, orderId: string, page: { limit: number; cursor?: string }) {
  authorize(actor, "order.read");
  const scope = await orderScopeOf(db, actor, orderId);
  const cursorId = page.cursor ? decodeCursor(page.cursor) : undefined;
  const rows = await db.amendmentRequest.findMany({
    where: { orderId, ...amendmentWhere(scope.stores) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    ...(cursorId ? { cursor: { id: cursorId }, skip: 1 } : {}),
  });
  const slice = rows.slice(0, page.limit);
  return { items: await viewsOf(db, slice, scope.stores), nextCursor: rows.length > page.limit ? encodeCursor(slice[slice.length - 1]!.id) : null };
}

/** The amendment, locked by the caller's order lock: 404 when out of reach. */
export async function findAmendment(tx: Tx, stores: StoreSet, orderId: string, requestId: string): Promise<AmendmentRow> {
  const row = await tx.amendmentRequest.findFirst({ where: { id: requestId, orderId, ...amendmentWhere(stores) } });
  if (!row) throw notFound("Amendment request");
  return row;
}

export function notActive(number: string, status: string, what: string) {
  return new DomainError("CONFLICT", `Amendment ${number} is ${status.toLowerCase().replaceAll("_", " ")}; ${what}`, { requestStatus: status });
}
