import type { Db } from "../../../platform/db/client.ts";
import { countsEqual, emptyCounts, type Bucket, type BucketCounts } from "../../orders/domain/buckets.ts";
import { countsOfLine } from "../../orders/server/line-counts.ts";
import { REFUNDS_ONLY } from "../../compensation/server/refunds.ts";

export interface LedgerMismatch {
  orderLineId: string;
  cached: BucketCounts;
  ledger: BucketCounts;
}

/** Proves the bucket counts cached on lines equal the sums of the append-only quantity ledger. */
export async function findQuantityLedgerMismatches(db: Db, where: { orderId?: string } = {}): Promise<LedgerMismatch[]> {
  const lines = await db.orderLine.findMany({ where });
  const into = await db.quantityLedgerEntry.groupBy({ by: ["orderLineId", "toBucket"], where, _sum: { quantity: true } });
  const outOf = await db.quantityLedgerEntry.groupBy({ by: ["orderLineId", "fromBucket"], where, _sum: { quantity: true } });
  const ledger = new Map<string, BucketCounts>();
  const get = (id: string) => ledger.get(id) ?? ledger.set(id, emptyCounts()).get(id)!;
  for (const r of into) get(r.orderLineId)[r.toBucket as Bucket] += r._sum.quantity ?? 0;
  for (const r of outOf) if (r.fromBucket) get(r.orderLineId)[r.fromBucket as Bucket] -= r._sum.quantity ?? 0;
  return lines
    .map((l) => ({ orderLineId: l.id, cached: countsOfLine(l), ledger: ledger.get(l.id) ?? emptyCounts() }))
    .filter((m) => !countsEqual(m.cached, m.ledger));
}

export interface InventoryMismatch {
  supplyId: string;
  problem: string;
}

/**
 * Inventory invariants: 0 ≤ allocated ≤ onHand; allocated equals what active reservations hold;
 * onHand and allocated equal the sums of the supply's inventory transactions.
 */
export async function findInventoryMismatches(db: Db): Promise<InventoryMismatch[]> {
  const supplies = await db.inventorySupply.findMany();
  const held = await db.inventoryReservation.groupBy({ by: ["supplyId"], _sum: { quantity: true } });
  const moved = await db.inventoryTransaction.groupBy({ by: ["supplyId"], _sum: { onHandDelta: true, allocatedDelta: true } });
  const heldBy = new Map(held.map((h) => [h.supplyId, h._sum.quantity ?? 0]));
  const movedBy = new Map(moved.map((m) => [m.supplyId, m._sum]));
  const problems: InventoryMismatch[] = [];
  for (const s of supplies) {
    if (s.allocated < 0 || s.allocated > s.onHand) problems.push({ supplyId: s.id, problem: `allocated ${s.allocated} outside 0..onHand ${s.onHand}` });
    if ((heldBy.get(s.id) ?? 0) !== s.allocated)
      problems.push({ supplyId: s.id, problem: `allocated ${s.allocated} ≠ reservations ${heldBy.get(s.id) ?? 0}` });
    const m = movedBy.get(s.id);
    if ((m?.onHandDelta ?? 0) !== s.onHand || (m?.allocatedDelta ?? 0) !== s.allocated)
      problems.push({ supplyId: s.id, problem: `balances ${s.onHand}/${s.allocated} ≠ transaction sums ${m?.onHandDelta ?? 0}/${m?.allocatedDelta ?? 0}` });
  }
  return problems;
}


export interface MoneyMismatch {
  orderId: string;
  problem: string;
}

/**
 * Money invariants: no tender refunded beyond what it paid; an order's refunded total equals its
 * tenders' refunded amounts and the refunds that actually succeeded at the gateway; what the order
 * charged (its total, amendments' charges included) is what its tenders paid.
 */
export async function findMoneyMismatches(db: Db): Promise<MoneyMismatch[]> {
  const orders = await db.order.findMany({ select: { id: true, total: true, refunded: true, payments: { select: { id: true, amount: true, refunded: true } } } });
  const succeeded = await db.financialAdjustment.groupBy({ by: ["orderId"], where: { status: "SUCCEEDED", ...REFUNDS_ONLY }, _sum: { amount: true } });
  const paidBack = new Map(succeeded.map((s) => [s.orderId, s._sum.amount ?? 0]));
  const problems: MoneyMismatch[] = [];
  for (const o of orders) {
    const tenders = o.payments.reduce((n, p) => n + p.refunded, 0);
    if (o.refunded > o.total) problems.push({ orderId: o.id, problem: `refunded ${o.refunded} > paid ${o.total}` });
    for (const p of o.payments) if (p.refunded > p.amount) problems.push({ orderId: o.id, problem: `tender ${p.id} refunded ${p.refunded} > ${p.amount}` });
    const paid = o.payments.reduce((n, p) => n + p.amount, 0);
    if (o.payments.length && paid !== o.total) problems.push({ orderId: o.id, problem: `order total ${o.total} ≠ tenders paid ${paid}` });
    if (tenders !== o.refunded) problems.push({ orderId: o.id, problem: `order refunded ${o.refunded} ≠ tenders ${tenders}` });
    if ((paidBack.get(o.id) ?? 0) !== o.refunded) problems.push({ orderId: o.id, problem: `order refunded ${o.refunded} ≠ succeeded refunds ${paidBack.get(o.id) ?? 0}` });
  }
  return problems;
}
