-- DropIndex
DROP INDEX "approval_tasks_subjectType_subjectId_rule_key";

-- AlterTable
ALTER TABLE "approval_tasks" ADD COLUMN "escalatedFromId" TEXT;
ALTER TABLE "approval_tasks" ADD COLUMN "ruleSnapshot" JSONB;

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

-- CreateIndex
CREATE INDEX "approval_rules_active_priority_idx" ON "approval_rules"("active", "priority");

-- CreateIndex
CREATE INDEX "approval_rule_changes_ruleId_createdAt_idx" ON "approval_rule_changes"("ruleId", "createdAt");

-- CreateIndex
CREATE INDEX "approval_rule_changes_createdAt_idx" ON "approval_rule_changes"("createdAt");

-- CreateIndex
CREATE INDEX "approval_tasks_status_expiresAt_idx" ON "approval_tasks"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "approval_tasks_subjectType_subjectId_rule_level_key" ON "approval_tasks"("subjectType", "subjectId", "rule", "level");

