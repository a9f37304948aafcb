-- CreateTable
CREATE TABLE "shipments" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "carrier" TEXT,
    "trackingNumber" TEXT,
    "notes" TEXT,
    "allocatedAt" DATETIME,
    "releasedAt" DATETIME,
    "pickedAt" DATETIME,
    "packedAt" DATETIME,
    "shippedAt" DATETIME NOT NULL,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "shipments_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "shipments_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "shipment_lines" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shipmentId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "shipment_lines_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "shipments" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "shipment_lines_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "order_lines" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "shipment_packages" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shipmentId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "boxSize" TEXT NOT NULL,
    "weightGrams" INTEGER NOT NULL,
    CONSTRAINT "shipment_packages_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "shipments" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "line_allocations" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "allocatedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "settledAt" DATETIME,
    CONSTRAINT "line_allocations_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "order_lines" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "shipments_number_key" ON "shipments"("number");

-- CreateIndex
CREATE INDEX "shipments_orderId_idx" ON "shipments"("orderId");

-- CreateIndex
CREATE INDEX "shipment_lines_orderLineId_idx" ON "shipment_lines"("orderLineId");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_lines_shipmentId_orderLineId_key" ON "shipment_lines"("shipmentId", "orderLineId");

-- CreateIndex
CREATE UNIQUE INDEX "shipment_packages_shipmentId_sequence_key" ON "shipment_packages"("shipmentId", "sequence");

-- CreateIndex
CREATE INDEX "line_allocations_orderLineId_idx" ON "line_allocations"("orderLineId");

-- CreateIndex
CREATE INDEX "line_allocations_settledAt_expiresAt_idx" ON "line_allocations"("settledAt", "expiresAt");

