-- CreateTable
CREATE TABLE "approval_rules" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "level" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "autoApprove" JSONB,
    "onExpiry" TEXT NOT NULL DEFAULT 'ESCALATE',
    "onFinalExpiry" TEXT NOT NULL DEFAULT 'EXPIRE',
    "expiresAfterMinutes" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "approval_rule_changes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_approval_tasks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "reviewerId" TEXT,
    "reviewerLabel" TEXT,
    "comment" TEXT,
    "decidedAt" DATETIME,
    "expiresAt" DATETIME,
    "ruleSnapshot" JSONB,
    "escalatedFromId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "approval_tasks_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_approval_tasks" ("comment", "createdAt", "decidedAt", "expiresAt", "id", "level", "orderId", "reason", "requestedById", "reviewerId", "reviewerLabel", "rule", "status", "subjectId", "subjectType", "updatedAt") SELECT "comment", "createdAt", "decidedAt", "expiresAt", "id", "level", "orderId", "reason", "requestedById", "reviewerId", "reviewerLabel", "rule", "status", "subjectId", "subjectType", "updatedAt" FROM "approval_tasks";
DROP TABLE "approval_tasks";
ALTER TABLE "new_approval_tasks" RENAME TO "approval_tasks";
CREATE INDEX "approval_tasks_status_level_createdAt_idx" ON "approval_tasks"("status", "level", "createdAt");
CREATE INDEX "approval_tasks_status_expiresAt_idx" ON "approval_tasks"("status", "expiresAt");
CREATE INDEX "approval_tasks_orderId_idx" ON "approval_tasks"("orderId");
CREATE UNIQUE INDEX "approval_tasks_subjectType_subjectId_rule_level_key" ON "approval_tasks"("subjectType", "subjectId", "rule", "level");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "approval_rules_active_priority_idx" ON "approval_rules"("active", "priority");

-- CreateIndex
CREATE INDEX "approval_rule_changes_ruleId_createdAt_idx" ON "approval_rule_changes"("ruleId", "createdAt");

-- CreateIndex
CREATE INDEX "approval_rule_changes_createdAt_idx" ON "approval_rule_changes"("createdAt");

