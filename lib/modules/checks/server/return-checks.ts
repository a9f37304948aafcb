import type { Db } from "../../../platform/db/client.ts";
import { REFUNDS_ONLY } from "../../compensation/server/refunds.ts";

/** What a check of returns, linked refunds or assets found wrong, on which order and object. */
export interface ReturnCheckFinding {
  kind: "RETURNS" | "LINKED_REFUNDS" | "ASSETS";
  orderId: string;
  objectType: "OrderLine" | "ReturnOrder" | "PaymentTender" | "FinancialAdjustment" | "Asset" | "AssetClaim";
  objectId: string;
  detail: string;
}

type Sums = Map<string, number>;
const add = (m: Sums, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);

/** Per line, the units the quantity ledger moved into (`to`) and out of (`from`) one bucket. */
async function ledgerFlows(db: Db, bucket: "RETURNED" | "DELIVERED") {
  const into = await db.quantityLedgerEntry.groupBy({ by: ["orderLineId"], where: { toBucket: bucket }, _sum: { quantity: true } });
  const outOf = await db.quantityLedgerEntry.groupBy({ by: ["orderLineId"], where: { fromBucket: bucket }, _sum: { quantity: true } });
  return {
    into: new Map(into.map((r) => [r.orderLineId, r._sum.quantity ?? 0])) as Sums,
    outOf: new Map(outOf.map((r) => [r.orderLineId, r._sum.quantity ?? 0])) as Sums,
  };
}

/**
 * Returns against the ledger (SPEC §7): per original line, the units its returns received equal the
 * RETURNED units of its quantity ledger; no return line received more than it expects, or less once
 * its return is COMPLETED; a return never refunded more than it owes.
 */
export async function findReturnMismatches(db: Db): Promise<ReturnCheckFinding[]> {
  const findings: ReturnCheckFinding[] = [];
  const returns = await db.returnOrder.findMany({ select: { id: true, number: true, status: true, originalOrderId: true, refundTotal: true, refundedTotal: true, lines: true } });
  const received: Sums = new Map();
  const orderOfLine = new Map<string, string>();
  for (const r of returns) {
    const at = { kind: "RETURNS" as const, orderId: r.originalOrderId, objectType: "ReturnOrder" as const, objectId: r.id };
    if (r.refundedTotal > r.refundTotal) findings.push({ ...at, detail: `return ${r.number} refunded ${r.refundedTotal} > owed ${r.refundTotal}` });
    for (const l of r.lines) {
      add(received, l.orderLineId, l.received);
      orderOfLine.set(l.orderLineId, r.originalOrderId);
      if (l.received > l.quantity) findings.push({ ...at, detail: `return ${r.number} received ${l.received} of line ${l.orderLineId}, beyond the ${l.quantity} expected` });
      else if (r.status === "COMPLETED" && l.received < l.quantity) findings.push({ ...at, detail: `return ${r.number} is COMPLETED with ${l.quantity - l.received} unit(s) of line ${l.orderLineId} not received` });
      if (l.restocked + l.damaged !== l.received) findings.push({ ...at, detail: `return ${r.number} line ${l.orderLineId}: restocked ${l.restocked} + damaged ${l.damaged} ≠ received ${l.received}` });
    }
  }
  const { into, outOf } = await ledgerFlows(db, "RETURNED");
  const lineIds = [...new Set([...received.keys(), ...into.keys()])];
  const unknown = lineIds.filter((id) => !orderOfLine.has(id));
  for (const l of await db.orderLine.findMany({ where: { id: { in: unknown } }, select: { id: true, orderId: true } })) orderOfLine.set(l.id, l.orderId);
  for (const id of lineIds) {
    const ledger = (into.get(id) ?? 0) - (outOf.get(id) ?? 0);
    const got = received.get(id) ?? 0;
    if (ledger !== got) findings.push({ kind: "RETURNS", orderId: orderOfLine.get(id) ?? "", objectType: "OrderLine", objectId: id, detail: `returns received ${got} unit(s) of line ${id} but its ledger has ${ledger} RETURNED` });
  }
  return findings;
}

/**
 * Refunds never exceed payments across an order and the orders linked to it: returns, goodwill
 * credits, cancellations and amendments all refund the original order's tenders, so per tender the
 * refunds that succeeded (charges excluded) are within what it paid and equal what it shows refunded,
 * and every refund is booked on the order whose tender it pays back.
 */
export async function findLinkedRefundMismatches(db: Db): Promise<ReturnCheckFinding[]> {
  const findings: ReturnCheckFinding[] = [];
  const tenders = new Map((await db.paymentTender.findMany({ select: { id: true, orderId: true, amount: true, refunded: true } })).map((t) => [t.id, t]));
  const refunds = await db.financialAdjustment.findMany({ where: { ...REFUNDS_ONLY }, select: { id: true, orderId: true, tenderId: true, amount: true, status: true, causeType: true } });
  const succeeded: Sums = new Map();
  for (const a of refunds) {
    const tender = tenders.get(a.tenderId);
    if (!tender || tender.orderId !== a.orderId) {
      findings.push({ kind: "LINKED_REFUNDS", orderId: a.orderId, objectType: "FinancialAdjustment", objectId: a.id, detail: `${a.causeType} refund ${a.id} pays back tender ${a.tenderId}, which is not a payment of order ${a.orderId}` });
      continue;
    }
    if (a.status === "SUCCEEDED") add(succeeded, a.tenderId, a.amount);
  }
  for (const [id, t] of tenders) {
    const paidBack = succeeded.get(id) ?? 0;
    const at = { kind: "LINKED_REFUNDS" as const, orderId: t.orderId, objectType: "PaymentTender" as const, objectId: id };
    if (paidBack > t.amount) findings.push({ ...at, detail: `tender ${id}: refunds ${paidBack} across the order and its linked orders > paid ${t.amount}` });
    if (paidBack !== t.refunded) findings.push({ ...at, detail: `tender ${id} shows ${t.refunded} refunded ≠ succeeded refunds ${paidBack}` });
  }
  return findings;
}

/**
 * Assets against delivered units (SPEC §7): per line of an asset-tracked item, one asset per unit
 * ever delivered, ACTIVE while the unit is delivered and not returned, RETURNED once returned; a
 * claim (an order in flight on the asset) only on an ACTIVE asset, and only while the claiming line
 * is neither delivered nor ended.
 */
export async function findAssetMismatches(db: Db): Promise<ReturnCheckFinding[]> {
  const findings: ReturnCheckFinding[] = [];
  const lines = await db.orderLine.findMany({ where: { itemId: { in: (await db.item.findMany({ where: { assetTracked: true }, select: { id: true } })).map((i) => i.id) } }, select: { id: true, orderId: true } });
  const byLine = await db.asset.groupBy({ by: ["orderLineId", "status"], where: { orderLineId: { in: lines.map((l) => l.id) } }, _count: { _all: true } });
  const count = (lineId: string, statuses: string[]) => byLine.filter((a) => a.orderLineId === lineId && statuses.includes(a.status)).reduce((n, a) => n + a._count._all, 0);
  const { into, outOf } = await ledgerFlows(db, "DELIVERED");
  for (const l of lines) {
    const everDelivered = into.get(l.id) ?? 0;
    const held = everDelivered - (outOf.get(l.id) ?? 0);
    const at = { kind: "ASSETS" as const, orderId: l.orderId, objectType: "OrderLine" as const, objectId: l.id };
    const all = count(l.id, ["ACTIVE", "REPLACED", "RETURNED"]);
    if (all !== everDelivered) findings.push({ ...at, detail: `line ${l.id}: ${all} asset(s) for ${everDelivered} unit(s) delivered` });
    const active = count(l.id, ["ACTIVE", "REPLACED"]);
    if (active !== held) findings.push({ ...at, detail: `line ${l.id}: ${active} asset(s) in service for ${held} delivered unit(s) not returned` });
  }
  findings.push(...(await findStaleClaims(db)));
  return findings;
}

/** Active claims on an asset no longer ACTIVE, or of a line already delivered or with nothing left to deliver. */
async function findStaleClaims(db: Db): Promise<ReturnCheckFinding[]> {
  const claims = await db.assetClaim.findMany({ where: { active: true } });
  if (!claims.length) return [];
  const assets = new Map((await db.asset.findMany({ where: { id: { in: claims.map((c) => c.assetId) } }, select: { id: true, status: true, orderId: true } })).map((a) => [a.id, a]));
  const lines = new Map((await db.orderLine.findMany({ where: { id: { in: claims.map((c) => c.orderLineId) } } })).map((l) => [l.id, l]));
  const findings: ReturnCheckFinding[] = [];
  for (const c of claims) {
    const asset = assets.get(c.assetId);
    const line = lines.get(c.orderLineId);
    const at = { kind: "ASSETS" as const, orderId: c.orderId, objectType: "AssetClaim" as const, objectId: c.id };
    if (asset?.status !== "ACTIVE") findings.push({ ...at, detail: `order ${c.orderId} is in flight on asset ${c.assetId}, which is ${asset?.status.toLowerCase() ?? "missing"}` });
    const left = line ? line.qtyOpen + line.qtyAllocated + line.qtyReleased + line.qtyPicked + line.qtyPacked + line.qtyShipped : 0;
    if (!line || line.qtyDelivered > 0 || line.qtyReturned > 0 || left <= 0) {
      findings.push({ ...at, detail: `asset ${c.assetId} is still claimed by order ${c.orderId}, whose line ${c.orderLineId} is delivered or ended` });
    }
  }
  return findings;
}

/** Every check of returns, linked refunds and assets, as `npm run check` and reconciliation run them. */
export async function findReturnAndAssetMismatches(db: Db): Promise<ReturnCheckFinding[]> {
  return [...(await findReturnMismatches(db)), ...(await findLinkedRefundMismatches(db)), ...(await findAssetMismatches(db))];
}
