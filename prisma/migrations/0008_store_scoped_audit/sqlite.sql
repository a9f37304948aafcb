-- CreateTable
CREATE TABLE "order_history_store_parts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "historyId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "oldStatus" TEXT,
    "newStatus" TEXT,
    "description" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "order_history_store_parts_historyId_fkey" FOREIGN KEY ("historyId") REFERENCES "order_history" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_order_notes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "subOrderId" TEXT,
    "authorId" TEXT NOT NULL,
    "authorLabel" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "order_notes_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "order_notes_subOrderId_fkey" FOREIGN KEY ("subOrderId") REFERENCES "sub_orders" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_order_notes" ("authorId", "authorLabel", "body", "createdAt", "id", "notifyCustomer", "orderId", "subOrderId", "visibility") SELECT "authorId", "authorLabel", "body", "createdAt", "id", "notifyCustomer", "orderId", "subOrderId", "visibility" FROM "order_notes";
DROP TABLE "order_notes";
ALTER TABLE "new_order_notes" RENAME TO "order_notes";
CREATE INDEX "order_notes_orderId_createdAt_idx" ON "order_notes"("orderId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "order_history_store_parts_orderId_storeId_createdAt_idx" ON "order_history_store_parts"("orderId", "storeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "order_history_store_parts_historyId_storeId_key" ON "order_history_store_parts"("historyId", "storeId");

