-- Line holds become a table owned by orders (any holder type), and compensation tasks, financial
-- adjustments and fallout cases are keyed by their cause (causeType, causeId) instead of a
-- cancellation request id. Existing rows are carried over: every active hold of a cancellation
-- request line becomes an order_line_holds row; every cause becomes ("CancellationRequest", id).
-- A row without a request (none is ever written so) takes its order as the cause.

-- CreateTable
CREATE TABLE "order_line_holds" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "holderType" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "holderNumber" TEXT NOT NULL,
    "heldOpen" INTEGER NOT NULL DEFAULT 0,
    "heldAllocated" INTEGER NOT NULL DEFAULT 0,
    "heldReleased" INTEGER NOT NULL DEFAULT 0,
    "heldPicked" INTEGER NOT NULL DEFAULT 0,
    "heldPacked" INTEGER NOT NULL DEFAULT 0,
    "heldShipped" INTEGER NOT NULL DEFAULT 0,
    "heldDelivered" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "order_line_holds_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "order_lines" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Carry every active hold of a cancellation request over, before the request-line columns go.
INSERT INTO "order_line_holds" ("id", "orderId", "orderLineId", "holderType", "holderId", "holderNumber", "heldOpen", "heldAllocated", "heldReleased", "heldPicked", "heldPacked", "active", "createdAt", "updatedAt")
SELECT 'hold_' || l."id", l."orderId", l."orderLineId", 'CancellationRequest', l."requestId", r."number", l."heldOpen", l."heldAllocated", l."heldReleased", l."heldPicked", l."heldPacked", true, r."createdAt", r."updatedAt"
FROM "cancellation_request_lines" l JOIN "cancellation_requests" r ON r."id" = l."requestId"
WHERE l."active";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_cancellation_request_lines" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "requestedQuantity" INTEGER NOT NULL,
    "cancelQuantity" INTEGER NOT NULL,
    "blockedQuantity" INTEGER NOT NULL,
    "cancelledQuantity" INTEGER NOT NULL DEFAULT 0,
    "byStage" JSONB NOT NULL,
    "merchandise" INTEGER NOT NULL,
    "tax" INTEGER NOT NULL,
    "shipping" INTEGER NOT NULL,
    "discount" INTEGER NOT NULL,
    "refundTotal" INTEGER NOT NULL,
    CONSTRAINT "cancellation_request_lines_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "cancellation_requests" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "cancellation_request_lines_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "order_lines" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_cancellation_request_lines" ("blockedQuantity", "byStage", "cancelQuantity", "cancelledQuantity", "discount", "id", "merchandise", "orderId", "orderLineId", "refundTotal", "requestId", "requestedQuantity", "shipping", "tax") SELECT "blockedQuantity", "byStage", "cancelQuantity", "cancelledQuantity", "discount", "id", "merchandise", "orderId", "orderLineId", "refundTotal", "requestId", "requestedQuantity", "shipping", "tax" FROM "cancellation_request_lines";
DROP TABLE "cancellation_request_lines";
ALTER TABLE "new_cancellation_request_lines" RENAME TO "cancellation_request_lines";
CREATE INDEX "cancellation_request_lines_orderLineId_idx" ON "cancellation_request_lines"("orderLineId");
CREATE UNIQUE INDEX "cancellation_request_lines_requestId_orderLineId_key" ON "cancellation_request_lines"("requestId", "orderLineId");
CREATE TABLE "new_compensation_tasks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "causeKey" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "causeType" TEXT NOT NULL,
    "causeId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "orderLineId" TEXT,
    "storeId" TEXT,
    "stage" TEXT,
    "quantity" INTEGER,
    "amount" INTEGER,
    "input" JSONB,
    "output" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "evidence" TEXT,
    "completedById" TEXT,
    "completedAt" DATETIME,
    "reversibility" TEXT NOT NULL DEFAULT 'AUTOMATIC',
    "externalEffect" TEXT NOT NULL DEFAULT 'NONE',
    "dueAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_compensation_tasks" ("amount", "attempts", "causeKey", "completedAt", "completedById", "createdAt", "dueAt", "evidence", "externalEffect", "id", "input", "lastError", "mode", "orderId", "orderLineId", "output", "quantity", "reversibility", "stage", "status", "storeId", "type", "updatedAt", "causeType", "causeId") SELECT "amount", "attempts", "causeKey", "completedAt", "completedById", "createdAt", "dueAt", "evidence", "externalEffect", "id", "input", "lastError", "mode", "orderId", "orderLineId", "output", "quantity", "reversibility", "stage", "status", "storeId", "type", "updatedAt", CASE WHEN "cancellationRequestId" IS NULL THEN 'Order' ELSE 'CancellationRequest' END, COALESCE("cancellationRequestId", "orderId") FROM "compensation_tasks";
DROP TABLE "compensation_tasks";
ALTER TABLE "new_compensation_tasks" RENAME TO "compensation_tasks";
CREATE UNIQUE INDEX "compensation_tasks_causeKey_key" ON "compensation_tasks"("causeKey");
CREATE INDEX "compensation_tasks_causeType_causeId_idx" ON "compensation_tasks"("causeType", "causeId");
CREATE INDEX "compensation_tasks_mode_status_dueAt_idx" ON "compensation_tasks"("mode", "status", "dueAt");
CREATE INDEX "compensation_tasks_status_mode_createdAt_idx" ON "compensation_tasks"("status", "mode", "createdAt");
CREATE INDEX "compensation_tasks_orderId_idx" ON "compensation_tasks"("orderId");
CREATE INDEX "compensation_tasks_storeId_status_idx" ON "compensation_tasks"("storeId", "status");
CREATE TABLE "new_financial_adjustments" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "causeKey" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "causeType" TEXT NOT NULL,
    "causeId" TEXT NOT NULL,
    "tenderId" TEXT NOT NULL,
    "tenderMethod" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "refundMethod" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "processingFee" INTEGER NOT NULL DEFAULT 0,
    "netAmount" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "processorReference" TEXT,
    "failureReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_financial_adjustments" ("amount", "attempts", "causeKey", "createdAt", "failureReason", "id", "netAmount", "orderId", "processingFee", "processorReference", "refundMethod", "status", "tenderId", "tenderMethod", "type", "updatedAt", "causeType", "causeId") SELECT "amount", "attempts", "causeKey", "createdAt", "failureReason", "id", "netAmount", "orderId", "processingFee", "processorReference", "refundMethod", "status", "tenderId", "tenderMethod", "type", "updatedAt", CASE WHEN "cancellationRequestId" IS NULL THEN 'Order' ELSE 'CancellationRequest' END, COALESCE("cancellationRequestId", "orderId") FROM "financial_adjustments";
DROP TABLE "financial_adjustments";
ALTER TABLE "new_financial_adjustments" RENAME TO "financial_adjustments";
CREATE UNIQUE INDEX "financial_adjustments_causeKey_key" ON "financial_adjustments"("causeKey");
CREATE INDEX "financial_adjustments_causeType_causeId_idx" ON "financial_adjustments"("causeType", "causeId");
CREATE INDEX "financial_adjustments_orderId_idx" ON "financial_adjustments"("orderId");
CREATE TABLE "new_fallout_cases" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "causeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "causeType" TEXT NOT NULL,
    "causeId" TEXT NOT NULL,
    "compensationTaskId" TEXT,
    "reason" TEXT NOT NULL,
    "context" JSONB NOT NULL,
    "evidence" TEXT,
    "resolution" TEXT,
    "resolvedById" TEXT,
    "resolvedByLabel" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_fallout_cases" ("causeKey", "compensationTaskId", "context", "createdAt", "evidence", "id", "number", "orderId", "reason", "resolution", "resolvedAt", "resolvedById", "resolvedByLabel", "status", "updatedAt", "causeType", "causeId") SELECT "causeKey", "compensationTaskId", "context", "createdAt", "evidence", "id", "number", "orderId", "reason", "resolution", "resolvedAt", "resolvedById", "resolvedByLabel", "status", "updatedAt", CASE WHEN "cancellationRequestId" IS NULL THEN 'Order' ELSE 'CancellationRequest' END, COALESCE("cancellationRequestId", "orderId") FROM "fallout_cases";
DROP TABLE "fallout_cases";
ALTER TABLE "new_fallout_cases" RENAME TO "fallout_cases";
CREATE UNIQUE INDEX "fallout_cases_number_key" ON "fallout_cases"("number");
CREATE UNIQUE INDEX "fallout_cases_causeKey_key" ON "fallout_cases"("causeKey");
CREATE INDEX "fallout_cases_status_createdAt_idx" ON "fallout_cases"("status", "createdAt");
CREATE INDEX "fallout_cases_orderId_idx" ON "fallout_cases"("orderId");
CREATE INDEX "fallout_cases_causeType_causeId_idx" ON "fallout_cases"("causeType", "causeId");
CREATE INDEX "fallout_cases_compensationTaskId_idx" ON "fallout_cases"("compensationTaskId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "order_line_holds_orderLineId_active_idx" ON "order_line_holds"("orderLineId", "active");

-- CreateIndex
CREATE INDEX "order_line_holds_orderId_idx" ON "order_line_holds"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "order_line_holds_holderType_holderId_orderLineId_key" ON "order_line_holds"("holderType", "holderId", "orderLineId");

