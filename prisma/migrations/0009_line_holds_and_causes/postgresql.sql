-- Line holds become a table owned by orders (any holder type), and compensation tasks, financial
-- adjustments and fallout cases are keyed by their cause (causeType, causeId) instead of a
-- cancellation request id. Existing rows are carried over: every active hold of a cancellation
-- request line becomes an order_line_holds row; every cause becomes ("CancellationRequest", id).
-- A row without a request (none is ever written so) takes its order as the cause.

-- DropForeignKey
ALTER TABLE "compensation_tasks" DROP CONSTRAINT "compensation_tasks_cancellationRequestId_fkey";

-- DropForeignKey
ALTER TABLE "financial_adjustments" DROP CONSTRAINT "financial_adjustments_cancellationRequestId_fkey";

-- DropIndex
DROP INDEX "cancellation_request_lines_orderLineId_active_idx";

-- CreateTable
CREATE TABLE "order_line_holds" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "order_line_holds_pkey" PRIMARY KEY ("id")
);

-- Carry every active hold of a cancellation request over, before the request-line columns go.
INSERT INTO "order_line_holds" ("id", "orderId", "orderLineId", "holderType", "holderId", "holderNumber", "heldOpen", "heldAllocated", "heldReleased", "heldPicked", "heldPacked", "active", "createdAt", "updatedAt")
SELECT 'hold_' || l."id", l."orderId", l."orderLineId", 'CancellationRequest', l."requestId", r."number", l."heldOpen", l."heldAllocated", l."heldReleased", l."heldPicked", l."heldPacked", true, r."createdAt", r."updatedAt"
FROM "cancellation_request_lines" l JOIN "cancellation_requests" r ON r."id" = l."requestId"
WHERE l."active";

-- AlterTable
ALTER TABLE "cancellation_request_lines" DROP COLUMN "active",
DROP COLUMN "heldAllocated",
DROP COLUMN "heldOpen",
DROP COLUMN "heldPacked",
DROP COLUMN "heldPicked",
DROP COLUMN "heldReleased";

-- AlterTable (filled from the request before the old column goes)
ALTER TABLE "compensation_tasks" ADD COLUMN "causeId" TEXT, ADD COLUMN "causeType" TEXT;
UPDATE "compensation_tasks" SET "causeType" = CASE WHEN "cancellationRequestId" IS NULL THEN 'Order' ELSE 'CancellationRequest' END, "causeId" = COALESCE("cancellationRequestId", "orderId");
ALTER TABLE "compensation_tasks" ALTER COLUMN "causeId" SET NOT NULL, ALTER COLUMN "causeType" SET NOT NULL, DROP COLUMN "cancellationRequestId";

-- AlterTable (filled from the request before the old column goes)
ALTER TABLE "financial_adjustments" ADD COLUMN "causeId" TEXT, ADD COLUMN "causeType" TEXT;
UPDATE "financial_adjustments" SET "causeType" = CASE WHEN "cancellationRequestId" IS NULL THEN 'Order' ELSE 'CancellationRequest' END, "causeId" = COALESCE("cancellationRequestId", "orderId");
ALTER TABLE "financial_adjustments" ALTER COLUMN "causeId" SET NOT NULL, ALTER COLUMN "causeType" SET NOT NULL, DROP COLUMN "cancellationRequestId";

-- AlterTable (filled from the request before the old column goes)
ALTER TABLE "fallout_cases" ADD COLUMN "causeId" TEXT, ADD COLUMN "causeType" TEXT;
UPDATE "fallout_cases" SET "causeType" = CASE WHEN "cancellationRequestId" IS NULL THEN 'Order' ELSE 'CancellationRequest' END, "causeId" = COALESCE("cancellationRequestId", "orderId");
ALTER TABLE "fallout_cases" ALTER COLUMN "causeId" SET NOT NULL, ALTER COLUMN "causeType" SET NOT NULL, DROP COLUMN "cancellationRequestId";

-- CreateIndex
CREATE INDEX "order_line_holds_orderLineId_active_idx" ON "order_line_holds"("orderLineId", "active");

-- CreateIndex
CREATE INDEX "order_line_holds_orderId_idx" ON "order_line_holds"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "order_line_holds_holderType_holderId_orderLineId_key" ON "order_line_holds"("holderType", "holderId", "orderLineId");

-- CreateIndex
CREATE INDEX "cancellation_request_lines_orderLineId_idx" ON "cancellation_request_lines"("orderLineId");

-- CreateIndex
CREATE INDEX "compensation_tasks_causeType_causeId_idx" ON "compensation_tasks"("causeType", "causeId");

-- CreateIndex
CREATE INDEX "financial_adjustments_causeType_causeId_idx" ON "financial_adjustments"("causeType", "causeId");

-- CreateIndex
CREATE INDEX "fallout_cases_causeType_causeId_idx" ON "fallout_cases"("causeType", "causeId");

-- AddForeignKey
ALTER TABLE "order_line_holds" ADD CONSTRAINT "order_line_holds_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "order_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

