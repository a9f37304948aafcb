-- AlterTable
ALTER TABLE "compensation_tasks" ADD COLUMN     "dueAt" TIMESTAMP(3),
ADD COLUMN     "externalEffect" TEXT NOT NULL DEFAULT 'NONE',
ADD COLUMN     "reversibility" TEXT NOT NULL DEFAULT 'AUTOMATIC';

-- CreateTable
CREATE TABLE "jobs" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'READY',
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "lastError" TEXT,
    "result" JSONB,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_attempts" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "owner" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "error" TEXT,

    CONSTRAINT "job_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fallout_cases" (
    "id" TEXT NOT NULL,
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
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fallout_cases_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "compensation_tasks_mode_status_dueAt_idx" ON "compensation_tasks"("mode", "status", "dueAt");

-- AddForeignKey
ALTER TABLE "job_attempts" ADD CONSTRAINT "job_attempts_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

