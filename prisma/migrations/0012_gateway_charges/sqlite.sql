-- CreateTable
CREATE TABLE "gateway_charges" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "tenderId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "gateway_charges_idempotencyKey_key" ON "gateway_charges"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_charges_reference_key" ON "gateway_charges"("reference");

-- CreateIndex
CREATE INDEX "gateway_charges_orderId_idx" ON "gateway_charges"("orderId");

