// The statements of the floor, written once in PostgreSQL style (scripts/bench/sql-driver.ts turns
// them into SQLite's). Reference rows and the order setup first, then the rows one API one-unit
// cancel of an allocated unit leaves behind, each written once in its final state.
export const SETUP_SQL = {
  insertUser: `INSERT INTO "users" ("id", "email", "name", "isService") VALUES ($1, $2, $3, $4)`,
  insertStore: `INSERT INTO "stores" ("id", "code", "name") VALUES ($1, $2, $3)`,
  insertLocation: `INSERT INTO "locations" ("id", "code", "name", "type") VALUES ($1, $2, $3, $4::"LocationType")`,
  insertItem: `INSERT INTO "items" ("id", "sku", "name", "category") VALUES ($1, $2, $3, $4)`,
  insertSupply: `INSERT INTO "inventory_supply" ("id", "itemId", "locationId", "onHand", "allocated", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6)`,
  insertReasonCode: `INSERT INTO "reason_codes" ("code", "label") VALUES ($1, $2)`,
  insertOrder: `INSERT INTO "orders" ("id", "number", "externalRef", "buyerId", "buyerEmail", "customerType", "currency", "orderType", "status",
      "version", "eventSequence", "subtotal", "tax", "shipping", "discount", "total", "refunded", "createdById", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, $4, $5, 'STANDARD', $6, 'STANDARD', 'OPEN', 2, 2, $7, $8, $9, 0, $10, 0, $11, $12, $12)`,
  insertSubOrder: `INSERT INTO "sub_orders" ("id", "orderId", "storeId", "status", "subtotal", "tax", "shipping", "discount", "total", "refunded", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, 'OPEN', $4, $5, $6, 0, $7, 0, $8, $8)`,
  insertLine: `INSERT INTO "order_lines" ("id", "orderId", "subOrderId", "lineNumber", "itemId", "sku", "itemName", "category", "storeId",
      "shipFromLocationId", "quantity", "unitPrice", "taxAmount", "shippingAmount", "discountAmount", "qtyOpen", "qtyAllocated", "status", "statusCode")
    VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, 0, $10, 'ALLOCATED', '2000')`,
  insertTender: `INSERT INTO "payment_tenders" ("id", "orderId", "sequence", "method", "amount", "refunded", "reference", "createdAt")
    VALUES ($1, $2, 1, 'CARD'::"TenderMethod", $3, 0, $4, $5)`,
  insertReservation: `INSERT INTO "inventory_reservations" ("id", "supplyId", "orderId", "orderLineId", "quantity", "status", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, $4, $5, 'ACTIVE'::"ReservationStatus", $6, $6)`,
} as const;

export const CANCEL_SQL = {
  insertIdempotency: `INSERT INTO "idempotency_records" ("id", "actorId", "key", "method", "path", "requestHash", "status", "responseStatus", "responseBody", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, 'POST', $4, $5, 'COMPLETED'::"IdempotencyStatus", 201, $6::jsonb, $7, $7)`,
  bumpOrder: `UPDATE "orders" SET "version" = "version" + 1, "eventSequence" = "eventSequence" + 6, "refunded" = "refunded" + $2, "updatedAt" = $3
    WHERE "id" = $1 AND "refunded" + $2 <= "total" RETURNING "version", "eventSequence"`,
  nextNumber: `INSERT INTO "counters" ("name", "value") VALUES ('cancellation', 1) ON CONFLICT ("name") DO UPDATE SET "value" = "counters"."value" + 1 RETURNING "value"`,
  insertRequest: `INSERT INTO "cancellation_requests" ("id", "number", "orderId", "cancellationType", "reasonCode", "scopeType", "refundMethod", "damaged",
      "status", "feasibility", "requestedById", "requestedByLabel", "orderVersion", "assessment", "refundTotal", "refundedTotal",
      "decidedAt", "completedAt", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, 'CUSTOMER_REQUEST', $4, 'LINES', 'ORIGINAL_PAYMENT', false, 'COMPLETED', 'FULLY_CANCELLABLE', $5, $6, $7, $8::jsonb, $9, $9,
      $10, $10, $10, $10)`,
  insertRequestLine: `INSERT INTO "cancellation_request_lines" ("id", "requestId", "orderId", "orderLineId", "requestedQuantity", "cancelQuantity",
      "blockedQuantity", "cancelledQuantity", "byStage", "merchandise", "tax", "shipping", "discount", "refundTotal")
    VALUES ($1, $2, $3, $4, 1, 1, 0, 1, '{"ALLOCATED":1}'::jsonb, $5, $6, $7, 0, $8)`,
  insertHold: `INSERT INTO "order_line_holds" ("id", "orderId", "orderLineId", "holderType", "holderId", "holderNumber", "heldAllocated", "active", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, 'CancellationRequest', $4, $5, 1, false, $6, $6)`,
  cancelLineUnit: `UPDATE "order_lines" SET "qtyAllocated" = "qtyAllocated" - 1, "qtyCancelled" = "qtyCancelled" + 1, "refunded" = "refunded" + $2,
      "status" = 'ALLOCATED_PARTIALLY_CANCELLED', "statusCode" = '1150'
    WHERE "id" = $1 AND "qtyAllocated" >= 1 RETURNING "id"`,
  insertLedger: `INSERT INTO "quantity_ledger" ("id", "orderId", "orderLineId", "fromBucket", "toBucket", "quantity", "reason", "reference",
      "causeType", "causeId", "actorId", "createdAt")
    VALUES ($1, $2, $3, 'ALLOCATED'::"Bucket", 'CANCELLED'::"Bucket", 1, $4, $5, 'CancellationRequest', $6, $7, $8)`,
  releaseSupply: `UPDATE "inventory_supply" SET "allocated" = "allocated" - 1, "updatedAt" = $2
    WHERE "id" = $1 AND "allocated" >= 1 RETURNING "onHand", "allocated"`,
  insertInventoryTransaction: `INSERT INTO "inventory_transactions" ("id", "supplyId", "type", "onHandDelta", "allocatedDelta", "onHandAfter", "allocatedAfter",
      "reason", "orderId", "orderLineId", "causeType", "causeId", "actorId", "createdAt")
    VALUES ($1, $2, 'DEALLOCATION'::"InventoryTransactionType", 0, -1, $3, $4, 'CANCELLED', $5, $6, 'CancellationRequest', $7, $8, $9)`,
  releaseReservation: `UPDATE "inventory_reservations" SET "quantity" = "quantity" - 1, "released" = "released" + 1, "updatedAt" = $2
    WHERE "orderLineId" = $1 AND "quantity" >= 1 RETURNING "id"`,
  refundSubOrder: `UPDATE "sub_orders" SET "refunded" = "refunded" + $2, "updatedAt" = $3 WHERE "id" = $1 RETURNING "id"`,
  refundTender: `UPDATE "payment_tenders" SET "refunded" = "refunded" + $2 WHERE "id" = $1 AND "refunded" + $2 <= "amount" RETURNING "id"`,
  insertAdjustment: `INSERT INTO "financial_adjustments" ("id", "causeKey", "orderId", "causeType", "causeId", "tenderId", "tenderMethod", "type",
      "refundMethod", "amount", "processingFee", "netAmount", "status", "processorReference", "attempts", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, 'CancellationRequest', $4, $5, 'CARD', 'PARTIAL_REFUND', 'ORIGINAL_PAYMENT', $6, 0, $6, 'SUCCEEDED', $7, 1, $8, $8)`,
  insertGatewayRefund: `INSERT INTO "gateway_refunds" ("id", "idempotencyKey", "reference", "orderId", "tenderId", "amount", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  insertTask: `INSERT INTO "compensation_tasks" ("id", "causeKey", "orderId", "causeType", "causeId", "type", "mode", "status", "orderLineId", "storeId",
      "quantity", "amount", "attempts", "completedAt", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, 'CancellationRequest', $4, $5, 'AUTOMATIC', 'DONE', $6, $7, $8, $9, 1, $10, $10, $10)`,
  insertJob: `INSERT INTO "jobs" ("id", "type", "key", "payload", "status", "runAt", "attempts", "maxAttempts", "completedAt", "createdAt", "updatedAt")
    VALUES ($1, 'compensation', $2, $3::jsonb, 'DONE', $4, 1, 5, $4, $4, $4)`,
  insertJobAttempt: `INSERT INTO "job_attempts" ("id", "jobId", "attempt", "owner", "startedAt", "finishedAt", "outcome") VALUES ($1, $2, 1, 'bench', $3, $3, 'DONE')`,
  insertHistory: `INSERT INTO "order_history" ("id", "orderId", "action", "actorId", "actorLabel", "oldStatus", "newStatus", "description", "data", "createdAt")
    VALUES ($1, $2, $3, $4, $5, 'OPEN', 'OPEN', $6, $7::jsonb, $8)`,
  insertHistoryPart: `INSERT INTO "order_history_store_parts" ("id", "historyId", "orderId", "storeId", "oldStatus", "newStatus", "description", "data", "createdAt")
    VALUES ($1, $2, $3, $4, 'OPEN', 'OPEN', $5, $6::jsonb, $7)`,
  insertOutbox: `INSERT INTO "outbox_events" ("id", "type", "aggregateType", "aggregateId", "orderId", "sequence", "payload", "actorId", "correlationId", "createdAt")
    VALUES ${[0, 1, 2, 3, 4, 5].map((i) => `($${1 + i * 3}, $${2 + i * 3}, 'Order', $19, $19, $${3 + i * 3}, $20::jsonb, $21, $22, $23)`).join(", ")}`,
} as const;

/** The events one cancel writes (SPEC §9), in order. */
export const CANCEL_EVENTS = [
  "OrderCancellationRequested",
  "OrderCancellationAssessed",
  "OrderLineCancellationProcessed",
  "InventoryAdjustedForCancellation",
  "PaymentRefundProcessed",
  "CancellationCompleted",
] as const;
