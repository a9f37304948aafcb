-- DropIndex
DROP INDEX "approval_tasks_subjectType_subjectId_rule_key";

-- AlterTable
ALTER TABLE "approval_tasks" ADD COLUMN     "escalatedFromId" TEXT,
ADD COLUMN     "ruleSnapshot" JSONB;

-- CreateTable
CREATE TABLE "approval_rules" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "level" "ApproverLevel" NOT NULL,
    "priority" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "autoApprove" JSONB,
    "onExpiry" TEXT NOT NULL DEFAULT 'ESCALATE',
    "onFinalExpiry" TEXT NOT NULL DEFAULT 'EXPIRE',
    "expiresAfterMinutes" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "approval_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_rule_changes" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approval_rule_changes_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "approval_tasks" ADD CONSTRAINT "approval_tasks_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

