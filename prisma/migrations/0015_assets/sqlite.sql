-- CreateTable
CREATE TABLE "assets" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "buyerEmail" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "asset_claims" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assetId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "assets_orderLineId_idx" ON "assets"("orderLineId");

-- CreateIndex
CREATE INDEX "assets_buyerId_createdAt_idx" ON "assets"("buyerId", "createdAt");

-- CreateIndex
CREATE INDEX "asset_claims_assetId_idx" ON "asset_claims"("assetId");

-- CreateIndex
CREATE INDEX "asset_claims_orderLineId_idx" ON "asset_claims"("orderLineId");


-- At most one in-flight order per asset (prisma/partial-indexes.sql).
CREATE UNIQUE INDEX "asset_claims_one_in_flight" ON "asset_claims"("assetId") WHERE "active";
