-- CreateTable
CREATE TABLE "reason_code_changes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" INTEGER
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_reason_codes" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "appliesTo" TEXT NOT NULL DEFAULT 'CANCELLATION',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "buyerVisible" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_reason_codes" ("active", "appliesTo", "code", "createdAt", "label", "sortOrder") SELECT "active", "appliesTo", "code", "createdAt", "label", "sortOrder" FROM "reason_codes";
DROP TABLE "reason_codes";
ALTER TABLE "new_reason_codes" RENAME TO "reason_codes";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "reason_code_changes_code_createdAt_idx" ON "reason_code_changes"("code", "createdAt");


-- Reasons a buyer gives for their own order stay offered to buyers; internal ones (fraud, stock, warehouse) do not.
UPDATE "reason_codes" SET "buyerVisible" = true WHERE "code" IN ('CUSTOMER_CHANGED_MIND', 'DUPLICATE_ORDER', 'LATE_DELIVERY', 'CUSTOMER_ADDRESS_CORRECTION', 'CUSTOMER_REQUEST', 'DAMAGED_ON_ARRIVAL', 'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'NO_LONGER_NEEDED', 'ADD_ITEMS');
