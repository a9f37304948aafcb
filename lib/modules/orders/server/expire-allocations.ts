import type { Db, Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { systemActor } from "../../../platform/auth/system-actor.ts";
import { inTransaction, WriteContention } from "../../../platform/db/tx.ts";
import { expiredAllocatedUnits } from "../domain/allocation-expiry.ts";
import { releaseForLine } from "../../inventory/server/supply.ts";
import { lockOrder, recordOrderCommand, refreshStatuses, type LockedOrder } from "./order-command.ts";
import { activeHolds } from "./holds.ts";

type LineRow = Awaited<ReturnType<Tx["orderLine"]["findFirstOrThrow"]>>;
type Release = { line: LineRow; quantity: number };

/**
 * The periodic allocation-expiry pass: every order with allocations past their expiry has its
 * expired allocated units moved back to OPEN (inventory deallocated), one transaction per order.
 */
export async function expireAllocations(db: Db, { now = new Date(), limit = 200 }: { now?: Date; limit?: number } = {}) {
  const due = await db.lineAllocation.findMany({
    where: { settledAt: null, expiresAt: { lte: now } },
    select: { orderId: true },
    distinct: ["orderId"],
    orderBy: { orderId: "asc" },
    take: limit,
  });
  let released = 0;
  for (const { orderId } of due) released += await expireOrderAllocations(db, orderId, now);
  return { orders: due.length, released };
}

/**
 * One order's expired allocations, under the order's lock: the expired records are settled with a
 * conditional update (a second runner settles none and re-runs, finding nothing), the units they
 * still cover go back to OPEN by conditional bucket updates, with ledger rows, DEALLOCATION
 * inventory transactions, one history entry and an AllocationExpired event, actor system. Lines
 * whose allocated units a pending change holds are left as they are (their records stay unsettled).
 */
export async function expireOrderAllocations(db: Db, orderId: string, now: Date): Promise<number> {
  const actor = systemActor("Allocation expiry");
  return inTransaction(db, async (tx) => {
    const pending = await tx.lineAllocation.count({ where: { orderId, settledAt: null, expiresAt: { lte: now } } });
    if (!pending) return 0;
    const order = await lockOrder(tx, orderId, {});
    const records = await tx.lineAllocation.findMany({ where: { orderId, settledAt: null } });
    const lineIds = [...new Set(records.filter((r) => r.expiresAt <= now).map((r) => r.orderLineId))];
    const holds = await activeHolds(tx, lineIds);
    const free = lineIds.filter((id) => !holds.get(id)?.byStage.ALLOCATED);
    const lines = await tx.orderLine.findMany({ where: { id: { in: free } }, orderBy: { lineNumber: "asc" } });
    const releases = lines
      .map((line) => ({ line, quantity: expiredAllocatedUnits(line.qtyAllocated, records.filter((r) => r.orderLineId === line.id), now) }))
      .filter((r) => r.quantity > 0);
    const settle = records.filter((r) => r.expiresAt <= now && free.includes(r.orderLineId)).map((r) => r.id);
    const { count } = await tx.lineAllocation.updateMany({ where: { id: { in: settle }, settledAt: null }, data: { settledAt: now } });
    if (count !== settle.length) throw new WriteContention(`allocations of order ${orderId}`);
    if (releases.length) await releaseUnits(tx, actor, order, releases);
    return releases.reduce((n, r) => n + r.quantity, 0);
  });
}

async function releaseUnits(tx: Tx, actor: Actor, order: LockedOrder, releases: Release[]) {
  const cause = { type: "AllocationExpiry", id: `${order.id}:v${order.version}` };
  for (const { line, quantity } of releases) {
    await releaseForLine(tx, actor, line, quantity, "DEALLOCATION", cause, "ALLOCATION_EXPIRED");
    const { count } = await tx.orderLine.updateMany({
      where: { id: line.id, qtyAllocated: { gte: quantity } },
      data: { qtyAllocated: { decrement: quantity }, qtyOpen: { increment: quantity } },
    });
    if (count !== 1) throw new WriteContention(`order line ${line.id}`);
    await tx.quantityLedgerEntry.create({
      data: { orderId: order.id, orderLineId: line.id, fromBucket: "ALLOCATED", toBucket: "OPEN", quantity, reason: "ALLOCATION_EXPIRED", causeType: cause.type, causeId: cause.id, actorId: actor.userId },
    });
  }
  const statuses = await refreshStatuses(tx, order);
  const describe = (some: Release[]) => `Allocation expired: ${some.map((r) => `${r.quantity} unit(s) of ${r.line.sku}`).join(", ")} back to open`;
  const dataOf = (some: Release[]) => ({ lines: some.map((r) => ({ orderLineId: r.line.id, quantity: r.quantity, sku: r.line.sku })) });
  const storeIds = [...new Set(releases.map((r) => r.line.storeId))];
  await recordOrderCommand(
    tx,
    actor,
    order,
    {
      action: "ALLOCATION_EXPIRED",
      oldStatus: statuses.oldStatus,
      newStatus: statuses.newStatus,
      description: describe(releases),
      data: dataOf(releases),
      stores: storeIds.map((storeId) => {
        const mine = releases.filter((r) => r.line.storeId === storeId);
        return { storeId, description: describe(mine), data: dataOf(mine), ...statuses.ofStore(storeId) };
      }),
    },
    [
      { type: "AllocationExpired", payload: dataOf(releases) },
      ...(statuses.oldStatus !== statuses.newStatus ? [{ type: "OrderStatusChanged" as const, payload: { oldStatus: statuses.oldStatus, newStatus: statuses.newStatus } }] : []),
    ],
  );
}
