-- AlterTable
ALTER TABLE "orders" ADD COLUMN "parentOrderId" TEXT;

-- CreateTable
CREATE TABLE "return_orders" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "originalOrderId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "reasonText" TEXT,
    "refundMethod" TEXT NOT NULL DEFAULT 'ORIGINAL_PAYMENT',
    "requestedById" TEXT NOT NULL,
    "requestedByLabel" TEXT NOT NULL,
    "cancellationRequestId" TEXT,
    "refundTotal" INTEGER NOT NULL,
    "refundedTotal" INTEGER NOT NULL DEFAULT 0,
    "assessment" JSONB NOT NULL,
    "decidedAt" DATETIME,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "return_orders_reasonCode_fkey" FOREIGN KEY ("reasonCode") REFERENCES "reason_codes" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "return_order_lines" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "returnId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "restocked" INTEGER NOT NULL DEFAULT 0,
    "damaged" INTEGER NOT NULL DEFAULT 0,
    "merchandise" INTEGER NOT NULL,
    "tax" INTEGER NOT NULL,
    "shipping" INTEGER NOT NULL,
    "discount" INTEGER NOT NULL,
    "refundTotal" INTEGER NOT NULL,
    "refunded" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "return_order_lines_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "return_orders" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "order_relations" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromOrderId" TEXT NOT NULL,
    "toOrderId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "causeType" TEXT,
    "causeId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "return_orders_number_key" ON "return_orders"("number");

-- CreateIndex
CREATE UNIQUE INDEX "return_orders_orderId_key" ON "return_orders"("orderId");

-- CreateIndex
CREATE INDEX "return_orders_originalOrderId_createdAt_idx" ON "return_orders"("originalOrderId", "createdAt");

-- CreateIndex
CREATE INDEX "return_orders_status_createdAt_idx" ON "return_orders"("status", "createdAt");

-- CreateIndex
CREATE INDEX "return_order_lines_orderLineId_idx" ON "return_order_lines"("orderLineId");

-- CreateIndex
CREATE UNIQUE INDEX "return_order_lines_returnId_orderLineId_key" ON "return_order_lines"("returnId", "orderLineId");

-- CreateIndex
CREATE INDEX "order_relations_toOrderId_idx" ON "order_relations"("toOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "order_relations_fromOrderId_toOrderId_type_key" ON "order_relations"("fromOrderId", "toOrderId", "type");

