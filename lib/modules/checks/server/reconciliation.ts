import type { Db } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { authorize } from "../../../platform/auth/actor.ts";
import type { ReconciliationFindingT, ReconciliationReportT } from "../../compensation/contracts/fallout.ts";
import { findInventoryMismatches, findMoneyMismatches, findQuantityLedgerMismatches } from "./consistency.ts";
import { findPointsMismatches } from "../../points/server/check-points.ts";
import { findReturnAndAssetMismatches } from "./return-checks.ts";
import { compensationJobKey } from "../../compensation/server/compensation-job.ts";
import { causeWhere } from "../../compensation/server/causes.ts";
import { cancellationCause } from "../../cancellations/server/cause.ts";
import { findDisabledWebhooks } from "../../webhooks/server/webhook-checks.ts";

export interface ReconciliationOptions {
  now?: Date;
  /** A request EXECUTING this long with nothing left that could move it is stuck. */
  stuckAfterMs?: number;
  /** An outbox row whose delivery was attempted but not done this long after it was written. */
  outboxAfterMs?: number;
}

export const RECONCILIATION_CHECKS = [
  { check: "STUCK_REQUEST", label: "Requests stuck in EXECUTING with no runnable task" },
  { check: "QUANTITY_LEDGER", label: "Line quantity caches ≠ quantity ledger sums" },
  { check: "INVENTORY", label: "Inventory allocated ≠ open allocations, or balances ≠ inventory ledger" },
  { check: "MONEY", label: "Refunded > paid, or refunded totals disagree" },
  { check: "POINTS", label: "Points running totals ≠ points ledger" },
  { check: "RETURNS", label: "Units received on returns ≠ RETURNED in the line's ledger, or a receipt beyond or short of what a return expects" },
  { check: "LINKED_REFUNDS", label: "Refunds of an order and its linked orders > what a tender paid, or booked on another order's tender" },
  { check: "ASSETS", label: "Assets ≠ delivered units not returned, or an order in flight on an asset it should have freed" },
  { check: "GATEWAY", label: "Refunds made at the payment processor but not booked (split brain)" },
  { check: "OUTBOX", label: "Outbox events undelivered past the threshold" },
  { check: "WEBHOOKS", label: "Webhook endpoints disabled by the dispatcher (410 Gone, or failing for a day)" },
] as const;

/**
 * Everything inconsistent, each with a link to the object. Reuses the invariant checks of
 * `npm run check` and adds the ones about work in flight; on healthy data the list is empty.
 */
export async function reconcile(db: Db, options: ReconciliationOptions = {}): Promise<ReconciliationReportT> {
  const now = options.now ?? new Date();
  const stuckBefore = new Date(now.getTime() - (options.stuckAfterMs ?? 30 * 60_000));
  const outboxBefore = new Date(now.getTime() - (options.outboxAfterMs ?? 60 * 60_000));
  const findings: ReconciliationFindingT[] = [
    ...(await findStuckRequests(db, stuckBefore)),
    ...(await findInvariantBreaches(db)),
    ...(await findUnbookedGatewayRefunds(db)),
    ...(await findUndeliveredOutbox(db, outboxBefore)),
    ...(await findDisabledWebhooks(db)).map((w) => ({ check: "WEBHOOKS", objectType: "WebhookEndpoint", objectId: w.endpointId, label: w.url, href: `/ops/webhooks/${w.endpointId}`, problem: w.problem })),
  ];
  return {
    checkedAt: now.toISOString(),
    checks: RECONCILIATION_CHECKS.map((c) => ({ ...c, findings: findings.filter((f) => f.check === c.check).length })),
    findings,
  };
}

/** Requests EXECUTING since before `stuckBefore` with no manual task waiting and no job left to run. */
async function findStuckRequests(db: Db, stuckBefore: Date): Promise<ReconciliationFindingT[]> {
  const findings: ReconciliationFindingT[] = [];
  const executing = await db.cancellationRequest.findMany({
    where: { status: "EXECUTING", updatedAt: { lt: stuckBefore } },
    select: { id: true, number: true, orderId: true },
  });
  for (const r of executing) {
    const tasks = await db.compensationTask.findMany({ where: causeWhere(cancellationCause(r.id)), select: { id: true, mode: true, status: true } });
    const waitingOnPerson = tasks.some((t) => t.mode === "MANUAL" && t.status === "PENDING");
    const automatic = tasks.filter((t) => t.mode === "AUTOMATIC" && (t.status === "PENDING" || t.status === "IN_PROGRESS")).map((t) => compensationJobKey(t.id));
    const runnable = automatic.length ? await db.job.count({ where: { key: { in: automatic }, status: { in: ["READY", "RUNNING"] } } }) : 0;
    if (waitingOnPerson || runnable) continue;
    findings.push({
      check: "STUCK_REQUEST",
      objectType: "CancellationRequest",
      objectId: r.id,
      label: r.number,
      href: `/seller/orders/${r.orderId}`,
      problem: `EXECUTING since before ${stuckBefore.toISOString()} and no task can move it`,
    });
  }
  return findings;
}

/** The invariant checks of `npm run check`: quantity ledger, inventory, money, points, returns, linked refunds and assets. */
async function findInvariantBreaches(db: Db): Promise<ReconciliationFindingT[]> {
  const findings: ReconciliationFindingT[] = [];
  const lines = await findQuantityLedgerMismatches(db);
  const lineOrders = new Map((await db.orderLine.findMany({ where: { id: { in: lines.map((l) => l.orderLineId) } }, select: { id: true, orderId: true } })).map((l) => [l.id, l.orderId]));
  for (const m of lines) {
    findings.push({
      check: "QUANTITY_LEDGER",
      objectType: "OrderLine",
      objectId: m.orderLineId,
      label: m.orderLineId,
      href: `/seller/orders/${lineOrders.get(m.orderLineId) ?? ""}`,
      problem: `cached ${JSON.stringify(m.cached)} ≠ ledger ${JSON.stringify(m.ledger)}`,
    });
  }
  for (const m of await findInventoryMismatches(db)) {
    findings.push({ check: "INVENTORY", objectType: "InventorySupply", objectId: m.supplyId, label: m.supplyId, href: `/api/v1/inventory`, problem: m.problem });
  }
  for (const m of await findMoneyMismatches(db)) {
    findings.push({ check: "MONEY", objectType: "Order", objectId: m.orderId, label: m.orderId, href: `/seller/orders/${m.orderId}`, problem: m.problem });
  }
  for (const m of await findPointsMismatches(db)) {
    findings.push({ check: "POINTS", objectType: "PointsTransaction", objectId: m.transactionId, label: m.transactionId, href: `/api/v1/points/withdrawals/${m.transactionId}`, problem: m.problem });
  }
  for (const m of await findReturnAndAssetMismatches(db)) {
    findings.push({ check: m.kind, objectType: m.objectType, objectId: m.objectId, label: m.objectId, href: `/seller/orders/${m.orderId}`, problem: m.detail });
  }
  return findings;
}

/**
 * The processor's own ledger (built-in gateway) against ours: a refund it made that we have not
 * booked, with no job left that will ask again (e.g. a timeout whose retries ran out).
 */
async function findUnbookedGatewayRefunds(db: Db): Promise<ReconciliationFindingT[]> {
  const findings: ReconciliationFindingT[] = [];
  const atGateway = await db.gatewayRefund.findMany({ select: { idempotencyKey: true, orderId: true, amount: true, reference: true } });
  if (!atGateway.length) return findings;
  const booked = await db.financialAdjustment.findMany({
    where: { causeKey: { in: atGateway.map((g) => g.idempotencyKey) } },
    select: { causeKey: true, status: true, causeType: true, causeId: true },
  });
  const unbooked = atGateway.filter((g) => booked.find((b) => b.causeKey === g.idempotencyKey)?.status !== "SUCCEEDED");
  for (const g of unbooked) {
    const adj = booked.find((b) => b.causeKey === g.idempotencyKey);
    const tasks = adj ? await db.compensationTask.findMany({ where: { causeType: adj.causeType, causeId: adj.causeId, type: "ISSUE_REFUND" }, select: { id: true } }) : [];
    const pending = tasks.length ? await db.job.count({ where: { key: { in: tasks.map((t) => compensationJobKey(t.id)) }, status: { in: ["READY", "RUNNING"] } } }) : 0;
    if (pending) continue;
    findings.push({
      check: "GATEWAY",
      objectType: "Order",
      objectId: g.orderId,
      label: g.reference,
      href: `/seller/orders/${g.orderId}`,
      problem: `processor refunded ${g.amount} (${g.reference}) but the refund is ${adj ? adj.status.toLowerCase() : "unknown"} here`,
    });
  }
  return findings;
}

/** Outbox rows a delivery has tried but not done since before `outboxBefore`; before a relay is configured nothing is attempted. */
async function findUndeliveredOutbox(db: Db, outboxBefore: Date): Promise<ReconciliationFindingT[]> {
  const undelivered = await db.outboxEvent.findMany({
    where: { deliveredAt: null, attempts: { gt: 0 }, createdAt: { lt: outboxBefore } },
    select: { id: true, type: true, orderId: true, attempts: true, createdAt: true },
    take: 500,
  });
  return undelivered.map((e) => ({
    check: "OUTBOX",
    objectType: "OutboxEvent",
    objectId: e.id,
    label: e.type,
    href: e.orderId ? `/seller/orders/${e.orderId}` : "/ops/reconciliation",
    problem: `not delivered after ${e.attempts} attempt(s) since ${e.createdAt.toISOString()}`,
  }));
}

/** The OPS page and API: the report as of now. */
export function getReconciliationReport(db: Db, actor: Actor, options: ReconciliationOptions = {}) {
  authorize(actor, "reconciliation.read");
  return reconcile(db, options);
}
