// The floor: the rows one API one-unit cancel of an allocated unit leaves behind, written straight
// through the database driver with raw SQL in one transaction, on the same order shape (one line
// × 10 units, allocated, reserved). No HTTP, no auth, no validation, no reads beyond RETURNING —
// what the database itself costs for those writes:
//
//   idempotency record · order (version, event sequence, refunded) · request number · request +
//   request line · line hold · line buckets and refund · ledger entry · supply release + inventory
//   transaction · reservation · sub-order and tender refund · financial adjustment + gateway refund ·
//   two compensation tasks · refund job + its attempt · four history entries (three with store
//   parts) · six outbox events. A row the API inserts and then updates is written once, as it ends.
import { randomBytes } from "node:crypto";
import type { SqlDriver, SqlTx } from "./sql-driver.ts";
import { CANCEL_EVENTS, CANCEL_SQL as SQL, SETUP_SQL } from "./floor-sql.ts";
import {
  ACTOR_EMAIL, BUYER_EMAIL, CATEGORY, CURRENCY, ITEM_NAME, LINE_QUANTITY, LINE_SHIPPING, LINE_TAX, LOCATION_CODE, ORDER_TOTAL, oneUnitRefund,
  REASON_CODE, STOCK_RECEIPT, STORE_CODE, UNIT_PRICE,
} from "./order-shape.ts";
import type { BenchOrder } from "./workload.ts";

const REF = { buyer: "bench-buyer", actor: "bench-actor", store: "bench-store", location: "bench-location", item: "bench-item", supply: "bench-supply" } as const;
const ACTOR_LABEL = `${ACTOR_EMAIL} (API)`;
const SKU = "BENCH-FLOOR";
const newId = () => randomBytes(12).toString("hex");
/** History entries of one cancel; all but the refund's carry a store part. */
const HISTORY_ACTIONS = ["CANCELLATION_REQUESTED", "CANCELLATION_EXECUTED", "REFUND_ISSUED", "CANCELLATION_COMPLETED"] as const;

/** The store, location, item, stock (all of it allocated to the orders), users and reason code. */
export async function seedReferenceData(driver: SqlDriver, orders: number): Promise<void> {
  const now = new Date();
  await driver.transaction(async (tx) => {
    await tx.query(SETUP_SQL.insertUser, [REF.buyer, BUYER_EMAIL, "buyer", false]);
    await tx.query(SETUP_SQL.insertUser, [REF.actor, ACTOR_EMAIL, "integration", true]);
    await tx.query(SETUP_SQL.insertStore, [REF.store, STORE_CODE, "Acme"]);
    await tx.query(SETUP_SQL.insertLocation, [REF.location, LOCATION_CODE, "East DC", "DC"]);
    await tx.query(SETUP_SQL.insertItem, [REF.item, SKU, ITEM_NAME, CATEGORY]);
    await tx.query(SETUP_SQL.insertSupply, [REF.supply, REF.item, REF.location, STOCK_RECEIPT, orders * LINE_QUANTITY, now]);
    await tx.query(SETUP_SQL.insertReasonCode, [REASON_CODE, "Customer changed their mind"]);
  });
}

/** What the floor keeps per order beyond the walk's counters. */
export interface FloorOrder extends BenchOrder {
  subOrderId: string;
  tenderId: string;
}

/** One order as intake + allocation leave it: line of 10 allocated, tender, reservation (not timed). */
export async function floorOrder(driver: SqlDriver, index: number): Promise<FloorOrder> {
  const ids = { order: newId(), subOrder: newId(), line: newId(), tender: newId() };
  const subtotal = LINE_QUANTITY * UNIT_PRICE;
  const now = new Date();
  await driver.transaction(async (tx) => {
    await tx.query(SETUP_SQL.insertOrder, [ids.order, `CM-F${ids.order.slice(0, 10)}`, `bench-${ids.order}`, REF.buyer, BUYER_EMAIL, CURRENCY, subtotal, LINE_TAX, LINE_SHIPPING, ORDER_TOTAL, REF.actor, now]);
    await tx.query(SETUP_SQL.insertSubOrder, [ids.subOrder, ids.order, REF.store, subtotal, LINE_TAX, LINE_SHIPPING, ORDER_TOTAL, now]);
    await tx.query(SETUP_SQL.insertLine, [ids.line, ids.order, ids.subOrder, REF.item, SKU, ITEM_NAME, CATEGORY, REF.store, REF.location, LINE_QUANTITY, UNIT_PRICE, LINE_TAX, LINE_SHIPPING]);
    await tx.query(SETUP_SQL.insertTender, [ids.tender, ids.order, ORDER_TOTAL, `bench-card-${index}`, now]);
    await tx.query(SETUP_SQL.insertReservation, [newId(), REF.supply, ids.order, ids.line, LINE_QUANTITY, now]);
  });
  return { id: ids.order, lineId: ids.line, subOrderId: ids.subOrder, tenderId: ids.tender, ok: 0, unknown: 0, inFlight: false, note: "" };
}

/** A conditional UPDATE … RETURNING must have matched exactly one row. */
async function one(tx: SqlTx, sql: string, params: Parameters<SqlTx["query"]>[1], what: string) {
  const rows = await tx.query(sql, params);
  if (rows.length !== 1) throw new Error(`${what}: the conditional update matched ${rows.length} rows`);
  return rows[0]!;
}

interface CancelContext {
  tx: SqlTx;
  order: FloorOrder;
  requestId: string;
  number: string;
  refund: ReturnType<typeof oneUnitRefund>;
  now: Date;
}

/** Units, inventory and money: line, ledger, supply, reservation, sub-order, tender, adjustment, gateway refund. */
async function writeEffects({ tx, order, requestId, number, refund, now }: CancelContext) {
  await one(tx, SQL.cancelLineUnit, [order.lineId, refund.total], "line");
  await tx.query(SQL.insertLedger, [newId(), order.id, order.lineId, `CANCELLED:${REASON_CODE}`, number, requestId, REF.actor, now]);
  const supply = await one(tx, SQL.releaseSupply, [REF.supply, now], "supply");
  await tx.query(SQL.insertInventoryTransaction, [newId(), REF.supply, Number(supply.onHand), Number(supply.allocated), order.id, order.lineId, requestId, REF.actor, now]);
  await one(tx, SQL.releaseReservation, [order.lineId, now], "reservation");
  await one(tx, SQL.refundSubOrder, [order.subOrderId, refund.total, now], "sub-order");
  await one(tx, SQL.refundTender, [order.tenderId, refund.total], "tender");
  const reference = `bench_${newId()}`;
  await tx.query(SQL.insertAdjustment, [newId(), `${requestId}:refund:${order.tenderId}`, order.id, requestId, order.tenderId, refund.total, reference, now]);
  await tx.query(SQL.insertGatewayRefund, [newId(), `${requestId}:${order.tenderId}`, reference, order.id, order.tenderId, refund.total, now]);
}

/** Tasks, job, history and outbox. */
async function writeRecords({ tx, order, requestId, number, refund, now }: CancelContext, eventSequence: number) {
  await tx.query(SQL.insertTask, [newId(), `${requestId}:release:${order.lineId}`, order.id, requestId, "RELEASE_ALLOCATION", order.lineId, REF.store, 1, null, now]);
  await tx.query(SQL.insertTask, [newId(), `${requestId}:refund`, order.id, requestId, "ISSUE_REFUND", null, null, null, refund.total, now]);
  const jobId = newId();
  await tx.query(SQL.insertJob, [jobId, `compensation:${requestId}`, JSON.stringify({ cancellationRequestId: requestId }), now]);
  await tx.query(SQL.insertJobAttempt, [newId(), jobId, now]);
  for (const action of HISTORY_ACTIONS) {
    const historyId = newId();
    const data = JSON.stringify({ cancellationRequestId: requestId, number, refund: refund.total });
    await tx.query(SQL.insertHistory, [historyId, order.id, action, REF.actor, ACTOR_LABEL, `${action} ${number}`, data, now]);
    if (action !== "REFUND_ISSUED") await tx.query(SQL.insertHistoryPart, [newId(), historyId, order.id, REF.store, `${action} ${number}`, data, now]);
  }
  const events = CANCEL_EVENTS.flatMap((type, i) => [newId(), type, eventSequence - CANCEL_EVENTS.length + 1 + i]);
  await tx.query(SQL.insertOutbox, [...events, order.id, JSON.stringify({ cancellationRequestId: requestId, number }), REF.actor, `bench-${requestId}`, now]);
}

/** One one-unit cancel of an allocated unit of `order`, in one transaction. */
export async function floorCancel(driver: SqlDriver, order: FloorOrder): Promise<void> {
  const refund = oneUnitRefund(order.ok);
  const requestId = newId();
  const now = new Date();
  await driver.transaction(async (tx) => {
    const response = JSON.stringify({ id: requestId, status: "COMPLETED", refund: { total: refund.total } });
    await tx.query(SQL.insertIdempotency, [newId(), REF.actor, newId(), `/api/v1/orders/${order.id}/cancellation-requests`, newId(), response, now]);
    const { version, eventSequence } = await one(tx, SQL.bumpOrder, [order.id, refund.total, now], "order");
    const { value } = await one(tx, SQL.nextNumber, [], "counter");
    const number = `CX-${String(value).padStart(6, "0")}`;
    const assessment = JSON.stringify({ feasibility: "FULLY_CANCELLABLE", blockers: [], requiredApprovals: [], refund: { total: refund.total } });
    await tx.query(SQL.insertRequest, [requestId, number, order.id, REASON_CODE, REF.actor, ACTOR_LABEL, Number(version) - 1, assessment, refund.total, now]);
    await tx.query(SQL.insertRequestLine, [newId(), requestId, order.id, order.lineId, refund.merchandise, refund.tax, refund.shipping, refund.total]);
    await tx.query(SQL.insertHold, [newId(), order.id, order.lineId, requestId, number, now]);
    const context = { tx, order, requestId, number, refund, now };
    await writeEffects(context);
    await writeRecords(context, Number(eventSequence));
  });
}
