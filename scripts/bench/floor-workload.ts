// The floor: the rows the API writes for each operation, written straight through the database
// driver with raw SQL, one transaction per operation, against a freshly migrated database. No HTTP,
// no auth, no validation, no reads beyond RETURNING — what the database itself costs.
//
//   intake        order + sub-order + line + opening ledger entry + tender + history + outbox event
//   allocate      order version bump, conditional line bucket move, conditional supply update,
//                 inventory transaction, ledger entry
//   cancel-open   order version bump, request + request line, conditional line bucket move,
//                 ledger entry, financial adjustment
//   cancel-mixed  the same with two ledger entries (OPEN and ALLOCATED), plus the allocated unit's
//                 supply release and its inventory transaction
import { randomBytes } from "node:crypto";
import type { Operation, OrderState, Workload } from "./runner.ts";
import type { Param, SqlDriver, SqlTx } from "./sql-driver.ts";
import {
  ACTOR_EMAIL,
  ALLOCATE_QUANTITY,
  BUYER_EMAIL,
  CANCEL_OPEN_QUANTITY,
  CATEGORY,
  CURRENCY,
  ITEM_NAME,
  LINE_QUANTITY,
  LINE_TAX,
  LOCATION_CODE,
  ORDER_TOTAL,
  REASON_CODE,
  SKU,
  STOCK_RECEIPT,
  STORE_CODE,
  UNIT_PRICE,
  refundFor,
} from "./order-shape.ts";

/** Ids of the reference rows `seedReferenceData` creates. */
const REF = {
  buyer: "bench-buyer",
  actor: "bench-actor",
  store: "bench-store",
  location: "bench-location",
  item: "bench-item",
  supply: "bench-supply",
} as const;
const ACTOR_LABEL = `${ACTOR_EMAIL} (API)`;

const newId = () => randomBytes(12).toString("hex");

const SQL = {
  insertUser: `INSERT INTO "users" ("id", "email", "name", "isService") VALUES ($1, $2, $3, $4)`,
  insertStore: `INSERT INTO "stores" ("id", "code", "name") VALUES ($1, $2, $3)`,
  insertLocation: `INSERT INTO "locations" ("id", "code", "name", "type") VALUES ($1, $2, $3, $4::"LocationType")`,
  insertItem: `INSERT INTO "items" ("id", "sku", "name", "category") VALUES ($1, $2, $3, $4)`,
  insertSupply: `INSERT INTO "inventory_supply" ("id", "itemId", "locationId", "onHand", "allocated", "updatedAt") VALUES ($1, $2, $3, $4, 0, $5)`,
  insertReasonCode: `INSERT INTO "reason_codes" ("code", "label") VALUES ($1, $2)`,

  insertOrder: `INSERT INTO "orders" ("id", "number", "externalRef", "buyerId", "buyerEmail", "customerType", "currency", "orderType", "status",
      "version", "eventSequence", "subtotal", "tax", "shipping", "discount", "total", "refunded", "createdById", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, $4, $5, 'STANDARD', $6, 'STANDARD', 'OPEN', 1, 1, $7, $8, 0, 0, $9, 0, $10, $11, $11)`,
  insertSubOrder: `INSERT INTO "sub_orders" ("id", "orderId", "storeId", "status", "subtotal", "tax", "shipping", "discount", "total", "refunded", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, 'OPEN', $4, $5, 0, 0, $6, 0, $7, $7)`,
  insertLine: `INSERT INTO "order_lines" ("id", "orderId", "subOrderId", "lineNumber", "itemId", "sku", "itemName", "category", "storeId",
      "shipFromLocationId", "quantity", "unitPrice", "taxAmount", "shippingAmount", "discountAmount", "qtyOpen", "status", "statusCode")
    VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, 0, $10, 'OPEN', '1000')`,
  insertLedger: `INSERT INTO "quantity_ledger" ("id", "orderId", "orderLineId", "fromBucket", "toBucket", "quantity", "reason", "reference",
      "causeType", "causeId", "actorId", "createdAt")
    VALUES ($1, $2, $3, $4::"Bucket", $5::"Bucket", $6, $7, $8, $9, $10, $11, $12)`,
  insertTender: `INSERT INTO "payment_tenders" ("id", "orderId", "sequence", "method", "amount", "refunded", "reference", "createdAt")
    VALUES ($1, $2, 1, $3::"TenderMethod", $4, 0, $5, $6)`,
  insertHistory: `INSERT INTO "order_history" ("id", "orderId", "action", "actorId", "actorLabel", "oldStatus", "newStatus", "description", "data", "createdAt")
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
  insertOutbox: `INSERT INTO "outbox_events" ("id", "type", "aggregateType", "aggregateId", "orderId", "sequence", "payload", "actorId", "correlationId", "createdAt")
    VALUES ($1, $2, 'Order', $3, $3, $4, $5::jsonb, $6, $7, $8)`,

  bumpOrderVersion: `UPDATE "orders" SET "version" = "version" + 1, "updatedAt" = $2 WHERE "id" = $1 RETURNING "version"`,
  allocateLine: `UPDATE "order_lines" SET "qtyOpen" = "qtyOpen" - $2, "qtyAllocated" = "qtyAllocated" + $2, "status" = $3, "statusCode" = $4
    WHERE "id" = $1 AND "qtyOpen" >= $2 RETURNING "id"`,
  reserveSupply: `UPDATE "inventory_supply" SET "allocated" = "allocated" + $2, "updatedAt" = $3
    WHERE "id" = $1 AND "onHand" >= "allocated" + $2 RETURNING "onHand", "allocated"`,
  releaseSupply: `UPDATE "inventory_supply" SET "allocated" = "allocated" - $2, "updatedAt" = $3
    WHERE "id" = $1 AND "allocated" >= $2 RETURNING "onHand", "allocated"`,
  insertInventoryTransaction: `INSERT INTO "inventory_transactions" ("id", "supplyId", "type", "onHandDelta", "allocatedDelta", "onHandAfter", "allocatedAfter",
      "reason", "orderId", "orderLineId", "causeType", "causeId", "actorId", "createdAt")
    VALUES ($1, $2, $3::"InventoryTransactionType", 0, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,

  insertCancellation: `INSERT INTO "cancellation_requests" ("id", "number", "orderId", "cancellationType", "reasonCode", "scopeType", "refundMethod", "damaged",
      "status", "feasibility", "requestedById", "requestedByLabel", "orderVersion", "assessment", "refundTotal", "refundedTotal",
      "decidedAt", "completedAt", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, 'CUSTOMER_REQUEST', $4, 'LINES', 'ORIGINAL_PAYMENT', $5, 'COMPLETED', 'FULLY_CANCELLABLE', $6, $7, $8, $9::jsonb, $10, $10,
      $11, $11, $11, $11)`,
  insertCancellationLine: `INSERT INTO "cancellation_request_lines" ("id", "requestId", "orderId", "orderLineId", "requestedQuantity", "cancelQuantity",
      "blockedQuantity", "cancelledQuantity", "byStage", "merchandise", "tax", "shipping", "discount", "refundTotal")
    VALUES ($1, $2, $3, $4, $5, $5, 0, $5, $6::jsonb, $7, $8, 0, 0, $9)`,
  cancelLineUnits: `UPDATE "order_lines" SET "qtyOpen" = "qtyOpen" - $2, "qtyAllocated" = "qtyAllocated" - $3, "qtyCancelled" = "qtyCancelled" + $4,
      "status" = $5, "statusCode" = $6
    WHERE "id" = $1 AND "qtyOpen" >= $2 AND "qtyAllocated" >= $3 RETURNING "id"`,
  insertFinancialAdjustment: `INSERT INTO "financial_adjustments" ("id", "causeKey", "orderId", "causeType", "causeId", "tenderId", "tenderMethod", "type",
      "refundMethod", "amount", "processingFee", "netAmount", "status", "processorReference", "attempts", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, 'CancellationRequest', $4, $5, 'CARD', 'PARTIAL_REFUND', 'ORIGINAL_PAYMENT', $6, 0, $6, 'SUCCEEDED', $7, 1, $8, $8)`,
} as const;

/** The store, location, item, stock, users and reason code the orders refer to. */
export async function seedReferenceData(driver: SqlDriver): Promise<void> {
  const now = new Date();
  await driver.transaction(async (tx) => {
    await tx.query(SQL.insertUser, [REF.buyer, BUYER_EMAIL, "buyer", false]);
    await tx.query(SQL.insertUser, [REF.actor, ACTOR_EMAIL, "integration", true]);
    await tx.query(SQL.insertStore, [REF.store, STORE_CODE, "Acme"]);
    await tx.query(SQL.insertLocation, [REF.location, LOCATION_CODE, "East DC", "DC"]);
    await tx.query(SQL.insertItem, [REF.item, SKU, ITEM_NAME, CATEGORY]);
    await tx.query(SQL.insertSupply, [REF.supply, REF.item, REF.location, STOCK_RECEIPT, now]);
    await tx.query(SQL.insertReasonCode, [REASON_CODE, "Customer changed their mind"]);
  });
}

/** A conditional UPDATE … RETURNING must have matched exactly one row. */
async function updateOne(tx: SqlTx, sql: string, params: Param[], what: string) {
  const rows = await tx.query(sql, params);
  if (rows.length !== 1) throw new Error(`${what}: the conditional update matched ${rows.length} rows`);
  return rows[0]!;
}

interface LedgerMove {
  orderId: string;
  lineId: string;
  from: string | null;
  to: string;
  quantity: number;
  reason: string;
  reference: string | null;
  causeType: string;
  causeId: string;
}

function insertLedger(tx: SqlTx, m: LedgerMove, now: Date) {
  return tx.query(SQL.insertLedger, [newId(), m.orderId, m.lineId, m.from, m.to, m.quantity, m.reason, m.reference, m.causeType, m.causeId, REF.actor, now]);
}

/** Changes the bench supply's allocation and appends the matching inventory transaction. */
async function moveAllocation(tx: SqlTx, order: { orderId: string; lineId: string }, delta: number, type: string, cause: { type: string; id: string }, now: Date) {
  const sql = delta > 0 ? SQL.reserveSupply : SQL.releaseSupply;
  const after = await updateOne(tx, sql, [REF.supply, Math.abs(delta), now], `supply ${type}`);
  await tx.query(SQL.insertInventoryTransaction, [
    newId(),
    REF.supply,
    type,
    delta,
    Number(after.onHand),
    Number(after.allocated),
    delta > 0 ? null : "CANCELLED",
    order.orderId,
    order.lineId,
    cause.type,
    cause.id,
    REF.actor,
    now,
  ]);
}

function requireRefs(order: OrderState) {
  const { orderId, lineId, refs } = order;
  if (!orderId || !lineId || !refs?.tenderId) throw new Error(`order ${order.index} has not been taken in`);
  return { orderId, lineId, tenderId: refs.tenderId };
}

/** Units a cancellation takes from each bucket, and the line status it leaves behind. */
interface CancelShape {
  open: number;
  allocated: number;
  status: string;
  statusCode: string;
}

// 6 units: allocate 4 → 2 open, 4 allocated ("ALLOCATING"); cancel 1 open → 1 open, 4 allocated,
// 1 cancelled (still "ALLOCATING"); cancel 1 open + 1 allocated → 3 allocated, 3 cancelled.
const CANCEL_OPEN: CancelShape = { open: CANCEL_OPEN_QUANTITY, allocated: 0, status: "ALLOCATING", statusCode: "1125" };
const CANCEL_MIXED: CancelShape = { open: 1, allocated: 1, status: "ALLOCATED_PARTIALLY_CANCELLED", statusCode: "1150" };

export class FloorWorkload implements Workload {
  constructor(private readonly driver: SqlDriver) {}

  run(op: Operation, order: OrderState): Promise<void> {
    switch (op) {
      case "intake":
        return this.intake(order);
      case "allocate":
        return this.allocate(order);
      case "cancel-open":
        return this.cancel(order, CANCEL_OPEN);
      case "cancel-mixed":
        return this.cancel(order, CANCEL_MIXED);
    }
  }

  private async intake(order: OrderState): Promise<void> {
    const ids = { order: newId(), subOrder: newId(), line: newId(), tender: newId() };
    const number = `CM-B${ids.order.slice(0, 10)}`;
    const subtotal = LINE_QUANTITY * UNIT_PRICE;
    const now = new Date();
    await this.driver.transaction(async (tx) => {
      await tx.query(SQL.insertOrder, [ids.order, number, `bench-${ids.order}`, REF.buyer, BUYER_EMAIL, CURRENCY, subtotal, LINE_TAX, ORDER_TOTAL, REF.actor, now]);
      await tx.query(SQL.insertSubOrder, [ids.subOrder, ids.order, REF.store, subtotal, LINE_TAX, ORDER_TOTAL, now]);
      await tx.query(SQL.insertLine, [ids.line, ids.order, ids.subOrder, REF.item, SKU, ITEM_NAME, CATEGORY, REF.store, REF.location, LINE_QUANTITY, UNIT_PRICE, LINE_TAX]);
      await insertLedger(
        tx,
        { orderId: ids.order, lineId: ids.line, from: null, to: "OPEN", quantity: LINE_QUANTITY, reason: "ORDER_PLACED", reference: null, causeType: "Order", causeId: ids.order },
        now,
      );
      await tx.query(SQL.insertTender, [ids.tender, ids.order, "CARD", ORDER_TOTAL, `bench-card-${order.index}`, now]);
      await tx.query(SQL.insertHistory, [
        newId(),
        ids.order,
        "ORDER_CREATED",
        REF.actor,
        ACTOR_LABEL,
        null,
        "OPEN",
        `Order ${number} placed: 1 line(s), total ${ORDER_TOTAL}`,
        JSON.stringify({ externalRef: `bench-${ids.order}`, total: ORDER_TOTAL, lines: 1 }),
        now,
      ]);
      const payload = { orderId: ids.order, orderNumber: number, orderVersion: 1, buyerEmail: BUYER_EMAIL, currency: CURRENCY, total: ORDER_TOTAL };
      await tx.query(SQL.insertOutbox, [newId(), "OrderCreated", ids.order, 1, JSON.stringify(payload), REF.actor, `bench-${order.index}`, now]);
    });
    order.orderId = ids.order;
    order.lineId = ids.line;
    order.refs = { tenderId: ids.tender };
  }

  private async allocate(order: OrderState): Promise<void> {
    const ids = requireRefs(order);
    const now = new Date();
    await this.driver.transaction(async (tx) => {
      const { version } = await updateOne(tx, SQL.bumpOrderVersion, [ids.orderId, now], "order version");
      const cause = { type: "FulfillmentEvent", id: `${ids.orderId}:v${Number(version)}` };
      await updateOne(tx, SQL.allocateLine, [ids.lineId, ALLOCATE_QUANTITY, "ALLOCATING", "1125"], "line allocation");
      await moveAllocation(tx, ids, ALLOCATE_QUANTITY, "ALLOCATE", cause, now);
      await insertLedger(
        tx,
        { ...ids, from: "OPEN", to: "ALLOCATED", quantity: ALLOCATE_QUANTITY, reason: "FULFILLMENT_ALLOCATE", reference: null, causeType: cause.type, causeId: cause.id },
        now,
      );
    });
  }

  private async cancel(order: OrderState, shape: CancelShape): Promise<void> {
    const ids = requireRefs(order);
    const quantity = shape.open + shape.allocated;
    const refund = refundFor(quantity);
    const requestId = newId();
    const number = `CX-B${requestId.slice(0, 10)}`;
    const byStage = { ...(shape.open ? { OPEN: shape.open } : {}), ...(shape.allocated ? { ALLOCATED: shape.allocated } : {}) };
    const cause = { type: "CancellationRequest", id: requestId };
    const now = new Date();
    await this.driver.transaction(async (tx) => {
      const { version } = await updateOne(tx, SQL.bumpOrderVersion, [ids.orderId, now], "order version");
      const assessment = { feasibility: "FULLY_CANCELLABLE", blockers: [], requiredApprovals: [], refund: { total: refund.total } };
      await tx.query(SQL.insertCancellation, [requestId, number, ids.orderId, REASON_CODE, false, REF.actor, ACTOR_LABEL, Number(version) - 1, JSON.stringify(assessment), refund.total, now]);
      await tx.query(SQL.insertCancellationLine, [newId(), requestId, ids.orderId, ids.lineId, quantity, JSON.stringify(byStage), refund.merchandise, refund.tax, refund.total]);
      await updateOne(tx, SQL.cancelLineUnits, [ids.lineId, shape.open, shape.allocated, quantity, shape.status, shape.statusCode], "line cancellation");
      for (const [from, units] of Object.entries(byStage)) {
        await insertLedger(
          tx,
          { ...ids, from, to: "CANCELLED", quantity: units, reason: `CANCELLED:${REASON_CODE}`, reference: number, causeType: cause.type, causeId: cause.id },
          now,
        );
      }
      if (shape.allocated) await moveAllocation(tx, ids, -shape.allocated, "DEALLOCATION", cause, now);
      await tx.query(SQL.insertFinancialAdjustment, [newId(), `${requestId}:refund:${ids.tenderId}`, ids.orderId, requestId, ids.tenderId, refund.total, `bench_${newId()}`, now]);
    });
  }
}
