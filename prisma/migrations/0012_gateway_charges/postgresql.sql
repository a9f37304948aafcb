-- CreateTable
CREATE TABLE "gateway_charges" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "tenderId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_charges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "gateway_charges_idempotencyKey_key" ON "gateway_charges"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_charges_reference_key" ON "gateway_charges"("reference");

-- CreateIndex
CREATE INDEX "gateway_charges_orderId_idx" ON "gateway_charges"("orderId");

