-- CreateTable
CREATE TABLE "order_history_store_parts" (
    "id" TEXT NOT NULL,
    "historyId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "oldStatus" TEXT,
    "newStatus" TEXT,
    "description" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_history_store_parts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "order_history_store_parts_orderId_storeId_createdAt_idx" ON "order_history_store_parts"("orderId", "storeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "order_history_store_parts_historyId_storeId_key" ON "order_history_store_parts"("historyId", "storeId");

-- AddForeignKey
ALTER TABLE "order_history_store_parts" ADD CONSTRAINT "order_history_store_parts_historyId_fkey" FOREIGN KEY ("historyId") REFERENCES "order_history"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_notes" ADD CONSTRAINT "order_notes_subOrderId_fkey" FOREIGN KEY ("subOrderId") REFERENCES "sub_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

