-- CreateTable
CREATE TABLE "jobs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'READY',
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "lastError" TEXT,
    "result" JSONB,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "job_attempts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "owner" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "outcome" TEXT,
    "error" TEXT,
    CONSTRAINT "job_attempts_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "fallout_cases" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "causeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "cancellationRequestId" TEXT,
    "compensationTaskId" TEXT,
    "reason" TEXT NOT NULL,
    "context" JSONB NOT NULL,
    "evidence" TEXT,
    "resolution" TEXT,
    "resolvedById" TEXT,
    "resolvedByLabel" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_compensation_tasks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "causeKey" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "cancellationRequestId" TEXT,
    "type" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "orderLineId" TEXT,
    "storeId" TEXT,
    "stage" TEXT,
    "quantity" INTEGER,
    "amount" INTEGER,
    "input" JSONB,
    "output" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "evidence" TEXT,
    "completedById" TEXT,
    "completedAt" DATETIME,
    "reversibility" TEXT NOT NULL DEFAULT 'AUTOMATIC',
    "externalEffect" TEXT NOT NULL DEFAULT 'NONE',
    "dueAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "compensation_tasks_cancellationRequestId_fkey" FOREIGN KEY ("cancellationRequestId") REFERENCES "cancellation_requests" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_compensation_tasks" ("amount", "attempts", "cancellationRequestId", "causeKey", "completedAt", "completedById", "createdAt", "evidence", "id", "input", "lastError", "mode", "orderId", "orderLineId", "output", "quantity", "stage", "status", "storeId", "type", "updatedAt") SELECT "amount", "attempts", "cancellationRequestId", "causeKey", "completedAt", "completedById", "createdAt", "evidence", "id", "input", "lastError", "mode", "orderId", "orderLineId", "output", "quantity", "stage", "status", "storeId", "type", "updatedAt" FROM "compensation_tasks";
DROP TABLE "compensation_tasks";
ALTER TABLE "new_compensation_tasks" RENAME TO "compensation_tasks";
CREATE UNIQUE INDEX "compensation_tasks_causeKey_key" ON "compensation_tasks"("causeKey");
CREATE INDEX "compensation_tasks_mode_status_dueAt_idx" ON "compensation_tasks"("mode", "status", "dueAt");
CREATE INDEX "compensation_tasks_status_mode_createdAt_idx" ON "compensation_tasks"("status", "mode", "createdAt");
CREATE INDEX "compensation_tasks_orderId_idx" ON "compensation_tasks"("orderId");
CREATE INDEX "compensation_tasks_storeId_status_idx" ON "compensation_tasks"("storeId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "jobs_key_key" ON "jobs"("key");

-- CreateIndex
CREATE INDEX "jobs_status_runAt_idx" ON "jobs"("status", "runAt");

-- CreateIndex
CREATE INDEX "jobs_type_status_idx" ON "jobs"("type", "status");

-- CreateIndex
CREATE UNIQUE INDEX "job_attempts_jobId_attempt_key" ON "job_attempts"("jobId", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "fallout_cases_number_key" ON "fallout_cases"("number");

-- CreateIndex
CREATE UNIQUE INDEX "fallout_cases_causeKey_key" ON "fallout_cases"("causeKey");

-- CreateIndex
CREATE INDEX "fallout_cases_status_createdAt_idx" ON "fallout_cases"("status", "createdAt");

-- CreateIndex
CREATE INDEX "fallout_cases_orderId_idx" ON "fallout_cases"("orderId");

-- CreateIndex
CREATE INDEX "fallout_cases_compensationTaskId_idx" ON "fallout_cases"("compensationTaskId");

