-- CreateTable
CREATE TABLE "amendment_requests" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "reasonText" TEXT,
    "status" TEXT NOT NULL,
    "feasibility" TEXT NOT NULL,
    "applyNow" BOOLEAN NOT NULL DEFAULT true,
    "requestedById" TEXT NOT NULL,
    "requestedByLabel" TEXT NOT NULL,
    "orderVersion" INTEGER NOT NULL,
    "ownVersion" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "assessment" JSONB NOT NULL,
    "charge" INTEGER NOT NULL DEFAULT 0,
    "refund" INTEGER NOT NULL DEFAULT 0,
    "cancellationRequestId" TEXT,
    "failureReason" TEXT,
    "decidedAt" DATETIME,
    "appliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "amendment_requests_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "amendment_requests_reasonCode_fkey" FOREIGN KEY ("reasonCode") REFERENCES "reason_codes" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "amendment_policies" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "matrix" JSONB NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "amendment_policy_changes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "amendment_request_stores" (
    "requestId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,

    PRIMARY KEY ("requestId", "storeId"),
    CONSTRAINT "amendment_request_stores_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "amendment_requests" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "amendment_requests_number_key" ON "amendment_requests"("number");

-- CreateIndex
CREATE UNIQUE INDEX "amendment_requests_cancellationRequestId_key" ON "amendment_requests"("cancellationRequestId");

-- CreateIndex
CREATE INDEX "amendment_requests_orderId_createdAt_idx" ON "amendment_requests"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "amendment_requests_status_createdAt_idx" ON "amendment_requests"("status", "createdAt");

-- CreateIndex
CREATE INDEX "amendment_policy_changes_createdAt_idx" ON "amendment_policy_changes"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "amendment_policy_changes_policyId_version_key" ON "amendment_policy_changes"("policyId", "version");

-- CreateIndex
CREATE INDEX "amendment_request_stores_storeId_idx" ON "amendment_request_stores"("storeId");

