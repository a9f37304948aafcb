-- AlterTable
ALTER TABLE "reason_codes" ADD COLUMN     "buyerVisible" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "reason_code_changes" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reason_code_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "reason_code_changes_code_createdAt_idx" ON "reason_code_changes"("code", "createdAt");


-- Reasons a buyer gives for their own order stay offered to buyers; internal ones (fraud, stock, warehouse) do not.
UPDATE "reason_codes" SET "buyerVisible" = true WHERE "code" IN ('CUSTOMER_CHANGED_MIND', 'DUPLICATE_ORDER', 'LATE_DELIVERY', 'CUSTOMER_ADDRESS_CORRECTION', 'CUSTOMER_REQUEST', 'DAMAGED_ON_ARRIVAL', 'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'NO_LONGER_NEEDED', 'ADD_ITEMS');
