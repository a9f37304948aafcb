-- CreateEnum
CREATE TYPE "PointsDeductionOrder" AS ENUM ('FIFO', 'EARLIEST_EXPIRY');

-- CreateEnum
CREATE TYPE "PointsTransactionType" AS ENUM ('DEPOSIT', 'WITHDRAWAL');

-- CreateTable
CREATE TABLE "points_accounts" (
    "id" TEXT NOT NULL,
    "ownerEmail" TEXT NOT NULL,
    "ownerId" TEXT,
    "deductionOrder" "PointsDeductionOrder" NOT NULL DEFAULT 'FIFO',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "points_transactions" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "type" "PointsTransactionType" NOT NULL,
    "programId" TEXT,
    "points" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "sourceTransactionId" TEXT,
    "cancellationId" TEXT,
    "refundsDepositId" TEXT,
    "remaining" INTEGER NOT NULL DEFAULT 0,
    "pointsCanceled" INTEGER NOT NULL DEFAULT 0,
    "pointsCancelable" INTEGER NOT NULL DEFAULT 0,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "points_allocations" (
    "id" TEXT NOT NULL,
    "withdrawalId" TEXT NOT NULL,
    "depositId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "pointsWithdrawn" INTEGER NOT NULL,
    "pointsCanceled" INTEGER NOT NULL DEFAULT 0,
    "pointsCancelable" INTEGER NOT NULL,

    CONSTRAINT "points_allocations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "points_cancellations" (
    "id" TEXT NOT NULL,
    "withdrawalId" TEXT NOT NULL,
    "sourceTransactionId" TEXT NOT NULL,
    "pointsRefunded" INTEGER NOT NULL,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "tenderId" TEXT,
    "tenderAmount" INTEGER,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_cancellations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "points_accounts_ownerEmail_key" ON "points_accounts"("ownerEmail");

-- CreateIndex
CREATE INDEX "points_transactions_accountId_type_effectiveAt_idx" ON "points_transactions"("accountId", "type", "effectiveAt");

-- CreateIndex
CREATE INDEX "points_transactions_cancellationId_idx" ON "points_transactions"("cancellationId");

-- CreateIndex
CREATE INDEX "points_allocations_depositId_idx" ON "points_allocations"("depositId");

-- CreateIndex
CREATE UNIQUE INDEX "points_allocations_withdrawalId_position_key" ON "points_allocations"("withdrawalId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "points_allocations_withdrawalId_depositId_key" ON "points_allocations"("withdrawalId", "depositId");

-- CreateIndex
CREATE INDEX "points_cancellations_tenderId_idx" ON "points_cancellations"("tenderId");

-- CreateIndex
CREATE UNIQUE INDEX "points_cancellations_withdrawalId_sourceTransactionId_key" ON "points_cancellations"("withdrawalId", "sourceTransactionId");

-- CreateIndex
CREATE UNIQUE INDEX "payment_tenders_pointsWithdrawTransactionId_key" ON "payment_tenders"("pointsWithdrawTransactionId");

-- AddForeignKey
ALTER TABLE "points_transactions" ADD CONSTRAINT "points_transactions_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "points_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_allocations" ADD CONSTRAINT "points_allocations_withdrawalId_fkey" FOREIGN KEY ("withdrawalId") REFERENCES "points_transactions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_allocations" ADD CONSTRAINT "points_allocations_depositId_fkey" FOREIGN KEY ("depositId") REFERENCES "points_transactions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_cancellations" ADD CONSTRAINT "points_cancellations_withdrawalId_fkey" FOREIGN KEY ("withdrawalId") REFERENCES "points_transactions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

