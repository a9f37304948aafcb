import { formatMoney } from "../../../platform/money/money.ts";
import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import { DomainError, validationFailed } from "../../../platform/errors.ts";
import { inTransaction, WriteContention } from "../../../platform/db/tx.ts";
import { lockOrder, recordOrderCommand, refreshStatuses, type LockedOrder } from "../../orders/server/order-command.ts";
import { BUCKET_COLUMN, countsOfLine } from "../../orders/server/line-counts.ts";
import { releaseHolds } from "../../orders/server/holds.ts";
import { markAssetsReturned } from "../../orders/server/assets.ts";
import { changeSupply } from "../../inventory/server/supply.ts";
import { committedRefunds } from "../../cancellations/server/assessment.ts";
import { splitRefundAcrossTenders } from "../../cancellations/domain/tender-split.ts";
import { sameForStores } from "../../audit/server/audit.ts";
import { runCauseCompensationNow } from "../../compensation/server/compensation-job.ts";
import { recordRefundOwed } from "../../compensation/server/refund-owed.ts";
import { RETURNABLE_STAGES, receiptRefund } from "../domain/assess-return.ts";
import { checkReceipt, type Disposition } from "../domain/status.ts";
import type { ReceiveReturnInput, ReturnViewT } from "../contracts/returns.ts";
import { findReturn, getReturn, RETURN_CAUSE } from "./queries.ts";

type LineRow = Awaited<ReturnType<Tx["orderLine"]["findFirstOrThrow"]>>;
type Received = { orderLineId: string; quantity: number; disposition: Disposition; refund: number };

/** Moves received units SHIPPED/DELIVERED → RETURNED on the original line (delivered first) and restocks or writes them off. */
async function takeBack(tx: Tx, actor: Actor, order: LockedOrder, r: { id: string; number: string }, line: LineRow, quantity: number, disposition: Disposition, locationId: string) {
  let left = quantity;
  for (const stage of RETURNABLE_STAGES) {
    const take = Math.min(left, line[BUCKET_COLUMN[stage]]);
    if (!take) continue;
    const { count } = await tx.orderLine.updateMany({
      where: { id: line.id, [BUCKET_COLUMN[stage]]: { gte: take } },
      data: { [BUCKET_COLUMN[stage]]: { decrement: take }, qtyReturned: { increment: take } },
    });
    if (count !== 1) throw new WriteContention(`order line ${line.id} (${stage})`);
    await tx.quantityLedgerEntry.create({
      data: { orderId: order.id, orderLineId: line.id, fromBucket: stage, toBucket: "RETURNED", quantity: take, reason: `RETURNED:${disposition}`, reference: r.number, causeType: RETURN_CAUSE, causeId: r.id, actorId: actor.userId },
    });
    left -= take;
  }
  if (left) throw new DomainError("CONFLICT", `Line ${line.lineNumber} has no more shipped units to take back`);
  await markAssetsReturned(tx, line.id, quantity);
  if (disposition !== "RESTOCK") return;
  const supply = await tx.inventorySupply.upsert({
    where: { itemId_locationId: { itemId: line.itemId, locationId } },
    create: { itemId: line.itemId, locationId, onHand: 0, allocated: 0 },
    update: {},
  });
  await changeSupply(tx, actor, { supplyId: supply.id, onHandDelta: quantity, allocatedDelta: 0, type: "RETURN_TO_AVAILABLE", reason: "RETURNED", orderId: order.id, orderLineId: line.id, causeType: RETURN_CAUSE, causeId: r.id });
}

async function locationFor(tx: Tx, code: string | undefined, line: LineRow) {
  if (!code) return line.shipFromLocationId;
  const location = await tx.location.findUnique({ where: { code } });
  if (!location) throw validationFailed([{ path: "locationCode", message: `unknown location ${code}` }]);
  return location.id;
}

/** One receipt's checks: every line is on the return, and brings no more than it still expects (409 otherwise). */
function assertReceivable(r: Awaited<ReturnType<typeof findReturn>>, input: ReceiveReturnInput) {
  if (r.status !== "AWAITING_RECEIPT") throw new DomainError("CONFLICT", `Return ${r.number} is ${r.status.toLowerCase().replaceAll("_", " ")}, not awaiting receipt`);
  input.lines.forEach((l, i) => {
    const rl = r.lines.find((x) => x.orderLineId === l.orderLineId);
    if (!rl) throw validationFailed([{ path: `lines[${i}].orderLineId`, message: `line ${l.orderLineId} is not on return ${r.number}` }]);
    const received = input.lines.slice(0, i).filter((x) => x.orderLineId === l.orderLineId).reduce((n, x) => n + x.quantity, rl.received);
    if (checkReceipt(rl.quantity, received, l.quantity) !== "OK") {
      throw new DomainError("CONFLICT", `Return ${r.number} expects ${rl.quantity - received} more unit(s) of that line, not ${l.quantity}`, { errors: [{ path: `lines[${i}].quantity`, message: "more than expected" }] });
    }
  });
}

/**
 * Records units of a return arriving (SPEC §7): each moves to RETURNED on the original line, is
 * restocked at the receiving location or written off as damaged, and its refund — §4.5 at the
 * line's cumulative position — is owed through the compensation kernel and paid after commit.
 * All units in → RECEIVED (holds released); COMPLETED once the refunds are paid.
 */
export async function receiveReturn(db: Db, actor: Actor, returnId: string, input: ReceiveReturnInput): Promise<ReturnViewT> {
  authorize(actor, "return.receive");
  await inTransaction(db, async (tx) => {
    const found = await findReturn(tx, actor, returnId);
    const order = await lockOrder(tx, found.originalOrderId, {});
    const r = await findReturn(tx, actor, returnId);
    assertReceivable(r, input);
    const received: Received[] = [];
    for (const l of input.lines) {
      const line = await tx.orderLine.findUniqueOrThrow({ where: { id: l.orderLineId } });
      const refund = receiptRefund({ ...line, counts: countsOfLine(line) }, l.quantity);
      await takeBack(tx, actor, order, r, line, l.quantity, l.disposition, await locationFor(tx, input.locationCode, line));
      await tx.returnOrderLine.update({
        where: { returnId_orderLineId: { returnId: r.id, orderLineId: l.orderLineId } },
        data: { received: { increment: l.quantity }, refunded: { increment: refund.total }, [l.disposition === "RESTOCK" ? "restocked" : "damaged"]: { increment: l.quantity } },
      });
      received.push({ orderLineId: l.orderLineId, quantity: l.quantity, disposition: l.disposition, refund: refund.total });
    }
    await oweRefund(tx, order, r, received);
    await refreshStatuses(tx, order);
    const lines = await tx.returnOrderLine.findMany({ where: { returnId: r.id } });
    const full = lines.every((l) => l.received === l.quantity);
    if (full) {
      await tx.returnOrder.update({ where: { id: r.id }, data: { status: "RECEIVED" } });
      await releaseHolds(tx, { type: RETURN_CAUSE, id: r.id });
    }
    const stores = await tx.orderLine.findMany({ where: { id: { in: received.map((x) => x.orderLineId) } }, select: { storeId: true } });
    const ref = { returnId: r.id, number: r.number, returnOrderId: r.orderId };
    const refund = received.reduce((n, x) => n + x.refund, 0);
    await recordOrderCommand(
      tx,
      actor,
      order,
      {
        action: "RETURN_RECEIVED",
        description: `Return ${r.number}: ${received.map((x) => `${x.quantity} ${x.disposition.toLowerCase()}`).join(", ")} received, refund ${formatMoney(refund, order.currency)} owed${full ? "; all units in" : ""}`,
        data: { ...ref, lines: received, refund },
        stores: sameForStores([...new Set(stores.map((s) => s.storeId))]),
      },
      [{ type: "OrderReturnReceived", payload: { ...ref, lines: received.map(({ refund: _, ...x }) => x), refund, fullyReceived: full } }],
    );
  });
  await runCauseCompensationNow(db, { type: RETURN_CAUSE, id: returnId });
  return getReturn(db, actor, returnId);
}

/** The receipt's refund, split across the tenders at the order's cumulative refund, as one ISSUE_REFUND task. */
async function oweRefund(tx: Tx, order: LockedOrder, r: { id: string }, received: readonly Received[]) {
  const total = received.reduce((n, x) => n + x.refund, 0);
  if (total <= 0) return;
  const { tenders, total: already } = await committedRefunds(tx, order.id);
  const split = splitRefundAcrossTenders(tenders, already, total);
  const receipt = await tx.compensationTask.count({ where: { causeType: RETURN_CAUSE, causeId: r.id, type: "ISSUE_REFUND" } });
  await recordRefundOwed(tx, {
    orderId: order.id,
    cause: { type: RETURN_CAUSE, id: r.id },
    key: `${r.id}:receipt-${receipt + 1}`,
    byTender: split.map((p, i) => ({ tenderId: p.id, method: tenders[i]!.method, amount: p.amount })),
    input: { byLine: received.map((x) => ({ orderLineId: x.orderLineId, amount: x.refund })) },
  });
}
