// Migration 0009 on a database that has lived at 0008: the holds of request lines become
// order_line_holds rows, and compensation tasks, refunds and fallout cases take their request as
// their cause. The 0008 rows are written with plain SQL (the client speaks only the latest schema).
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../../lib/platform/db/migrate.ts";
import { createDb } from "../../lib/platform/db/client.ts";
import { activeHolds } from "../../lib/modules/orders/server/holds.ts";
import { execSql } from "../support/schema-catalog.ts";
import { createEmptyDatabase, engines, migrationsUpTo } from "../support/test-db.ts";

const T = "'2026-01-02T03:04:05.000Z'";

/** An order with two lines; CX-1 pending and holding 2 open + 1 allocated units of line 1; CX-2 executing, its refund failed and fallen out. */
const ROWS_AT_0008 = `
INSERT INTO "users" ("id", "email", "name") VALUES ('u1', 'buyer@example.test', 'Buyer');
INSERT INTO "stores" ("id", "code", "name") VALUES ('s1', 'acme', 'Acme');
INSERT INTO "reason_codes" ("code", "label") VALUES ('TEST_REASON', 'Test reason');
INSERT INTO "orders" ("id", "number", "buyerId", "buyerEmail", "currency", "status", "subtotal", "tax", "shipping", "discount", "total", "updatedAt")
  VALUES ('o1', 'ORD-1', 'u1', 'buyer@example.test', 'USD', 'OPEN', 10000, 1000, 0, 0, 11000, ${T});
INSERT INTO "sub_orders" ("id", "orderId", "storeId", "status", "subtotal", "tax", "shipping", "discount", "total", "updatedAt")
  VALUES ('so1', 'o1', 's1', 'OPEN', 10000, 1000, 0, 0, 11000, ${T});
INSERT INTO "order_lines" ("id", "orderId", "subOrderId", "lineNumber", "itemId", "sku", "itemName", "category", "storeId", "shipFromLocationId", "quantity", "unitPrice", "taxAmount", "shippingAmount", "discountAmount", "qtyOpen", "qtyAllocated", "status", "statusCode")
  VALUES ('l1', 'o1', 'so1', 1, 'i1', 'SKU-A', 'A', 'KITCHEN', 's1', 'loc1', 5, 1000, 500, 0, 0, 4, 1, 'OPEN', '1000'),
         ('l2', 'o1', 'so1', 2, 'i2', 'SKU-B', 'B', 'KITCHEN', 's1', 'loc1', 5, 1000, 500, 0, 0, 4, 0, 'OPEN', '1000');
INSERT INTO "cancellation_requests" ("id", "number", "orderId", "cancellationType", "reasonCode", "scopeType", "refundMethod", "status", "feasibility", "requestedById", "requestedByLabel", "orderVersion", "assessment", "createdAt", "updatedAt")
  VALUES ('r1', 'CX-1', 'o1', 'CUSTOMER_REQUEST', 'TEST_REASON', 'LINES', 'ORIGINAL_PAYMENT', 'PENDING_APPROVAL', 'FULLY_CANCELLABLE', 'u1', 'Buyer', 1, '{}', ${T}, ${T}),
         ('r2', 'CX-2', 'o1', 'CUSTOMER_REQUEST', 'TEST_REASON', 'LINES', 'ORIGINAL_PAYMENT', 'FAILED', 'FULLY_CANCELLABLE', 'u1', 'Buyer', 2, '{}', ${T}, ${T});
INSERT INTO "cancellation_request_lines" ("id", "requestId", "orderId", "orderLineId", "requestedQuantity", "cancelQuantity", "blockedQuantity", "cancelledQuantity", "byStage", "heldOpen", "heldAllocated", "active", "merchandise", "tax", "shipping", "discount", "refundTotal")
  VALUES ('rl1', 'r1', 'o1', 'l1', 3, 3, 0, 0, '{"OPEN":2,"ALLOCATED":1}', 2, 1, true, 3000, 300, 0, 0, 3300),
         ('rl2', 'r2', 'o1', 'l2', 1, 1, 0, 1, '{"OPEN":1}', 0, 0, false, 1000, 100, 0, 0, 1100);
INSERT INTO "compensation_tasks" ("id", "causeKey", "orderId", "cancellationRequestId", "type", "mode", "status", "amount", "lastError", "updatedAt")
  VALUES ('t2', 'r2:ISSUE_REFUND:order:-', 'o1', 'r2', 'ISSUE_REFUND', 'AUTOMATIC', 'FAILED', 1100, 'declined', ${T});
INSERT INTO "financial_adjustments" ("id", "causeKey", "orderId", "cancellationRequestId", "tenderId", "tenderMethod", "type", "refundMethod", "amount", "netAmount", "status", "updatedAt")
  VALUES ('a2', 'r2:refund:p1', 'o1', 'r2', 'p1', 'CARD', 'PARTIAL_REFUND', 'ORIGINAL_PAYMENT', 1100, 1100, 'FAILED', ${T});
INSERT INTO "fallout_cases" ("id", "number", "causeKey", "status", "orderId", "cancellationRequestId", "compensationTaskId", "reason", "context", "updatedAt")
  VALUES ('c2', 'FC-1', 'compensation-task:t2', 'OPEN', 'o1', 'r2', 't2', 'refund failed', '{}', ${T});
`;

describe.each(engines("migration 0009 carry-over on PostgreSQL"))("migration 0009 on %s", (engine) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it("carries every active hold over to order_line_holds and every request over to (causeType, causeId)", async () => {
    const empty = await createEmptyDatabase(engine);
    cleanups.push(empty.remove);
    const upTo0008 = migrationsUpTo("0008_store_scoped_audit");
    cleanups.push(() => rmSync(upTo0008, { recursive: true, force: true }));
    expect((await migrate(empty.url, upTo0008)).applied.at(-1)).toBe("0008_store_scoped_audit");
    await execSql(empty.url, ROWS_AT_0008);

    expect((await migrate(empty.url)).applied[0]).toBe("0009_line_holds_and_causes");
    const db = createDb(empty.url);
    cleanups.push(() => db.$disconnect());

    // The pending request's hold, nothing for the executed one's released line.
    const holds = await db.orderLineHold.findMany();
    expect(holds).toHaveLength(1);
    expect(holds[0]).toMatchObject({
      orderId: "o1",
      orderLineId: "l1",
      holderType: "CancellationRequest",
      holderId: "r1",
      holderNumber: "CX-1",
      heldOpen: 2,
      heldAllocated: 1,
      heldReleased: 0,
      heldPicked: 0,
      heldPacked: 0,
      heldShipped: 0,
      heldDelivered: 0,
      active: true,
    });
    const byLine = await db.$transaction((tx) => activeHolds(tx as never, ["l1", "l2"]));
    expect([...byLine.entries()]).toEqual([["l1", { holder: { type: "CancellationRequest", id: "r1", number: "CX-1" }, byStage: { OPEN: 2, ALLOCATED: 1 } }]]);

    // The request lines keep what was asked and assessed.
    expect((await db.cancellationRequestLine.findMany({ orderBy: { id: "asc" } })).map((l) => [l.id, l.requestedQuantity, l.cancelledQuantity, l.refundTotal])).toEqual([
      ["rl1", 3, 0, 3300],
      ["rl2", 1, 1, 1100],
    ]);

    const cause = { causeType: "CancellationRequest", causeId: "r2" };
    expect(await db.compensationTask.findUniqueOrThrow({ where: { id: "t2" } })).toMatchObject({ ...cause, status: "FAILED", amount: 1100, lastError: "declined" });
    expect(await db.financialAdjustment.findUniqueOrThrow({ where: { id: "a2" } })).toMatchObject({ ...cause, amount: 1100, status: "FAILED" });
    expect(await db.falloutCase.findUniqueOrThrow({ where: { id: "c2" } })).toMatchObject({ ...cause, compensationTaskId: "t2", status: "OPEN" });
    expect(await db.compensationTask.count({ where: cause })).toBe(1);
  });
});
