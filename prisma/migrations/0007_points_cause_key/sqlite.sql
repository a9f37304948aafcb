-- DropIndex
DROP INDEX "points_cancellations_withdrawalId_sourceTransactionId_key";

-- AlterTable
ALTER TABLE "points_cancellations" ADD COLUMN "causeKey" TEXT;

-- Backfill: a cancellation made for an order's POINTS tender takes the cause key of the refund
-- (financial adjustment) it paid, so a refund retried after this migration finds it.
UPDATE "points_cancellations" SET "causeKey" = (
  SELECT fa."causeKey" FROM "financial_adjustments" fa
  WHERE fa."tenderId" = "points_cancellations"."tenderId"
    AND (fa."cancellationRequestId" = "points_cancellations"."sourceTransactionId" OR fa."causeKey" = "points_cancellations"."sourceTransactionId")
  ORDER BY fa."causeKey"
  LIMIT 1
) WHERE "tenderId" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "points_cancellations_causeKey_key" ON "points_cancellations"("causeKey");

-- CreateIndex
CREATE INDEX "points_cancellations_withdrawalId_sourceTransactionId_idx" ON "points_cancellations"("withdrawalId", "sourceTransactionId");

