-- CreateTable
CREATE TABLE "cancellation_requests" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "cancellationType" TEXT NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "reasonText" TEXT,
    "scopeType" TEXT NOT NULL,
    "refundMethod" TEXT NOT NULL,
    "damaged" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "feasibility" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedByLabel" TEXT NOT NULL,
    "orderVersion" INTEGER NOT NULL,
    "assessment" JSONB NOT NULL,
    "refundTotal" INTEGER NOT NULL DEFAULT 0,
    "refundedTotal" INTEGER NOT NULL DEFAULT 0,
    "failureReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cancellation_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cancellation_request_lines" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "requestedQuantity" INTEGER NOT NULL,
    "cancelQuantity" INTEGER NOT NULL,
    "blockedQuantity" INTEGER NOT NULL,
    "cancelledQuantity" INTEGER NOT NULL DEFAULT 0,
    "byStage" JSONB NOT NULL,
    "heldOpen" INTEGER NOT NULL DEFAULT 0,
    "heldAllocated" INTEGER NOT NULL DEFAULT 0,
    "heldReleased" INTEGER NOT NULL DEFAULT 0,
    "heldPicked" INTEGER NOT NULL DEFAULT 0,
    "heldPacked" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "merchandise" INTEGER NOT NULL,
    "tax" INTEGER NOT NULL,
    "shipping" INTEGER NOT NULL,
    "discount" INTEGER NOT NULL,
    "refundTotal" INTEGER NOT NULL,

    CONSTRAINT "cancellation_request_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_tasks" (
    "id" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "level" "ApproverLevel" NOT NULL,
    "status" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "reviewerId" TEXT,
    "reviewerLabel" TEXT,
    "comment" TEXT,
    "decidedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "approval_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "compensation_tasks" (
    "id" TEXT NOT NULL,
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
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "compensation_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "financial_adjustments" (
    "id" TEXT NOT NULL,
    "causeKey" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "cancellationRequestId" TEXT,
    "tenderId" TEXT NOT NULL,
    "tenderMethod" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "refundMethod" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "processingFee" INTEGER NOT NULL DEFAULT 0,
    "netAmount" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "processorReference" TEXT,
    "failureReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "financial_adjustments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway_refunds" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "tenderId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway_controls" (
    "orderId" TEXT NOT NULL,
    "failMode" TEXT NOT NULL,
    "remainingFailures" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_controls_pkey" PRIMARY KEY ("orderId")
);

-- CreateIndex
CREATE UNIQUE INDEX "cancellation_requests_number_key" ON "cancellation_requests"("number");

-- CreateIndex
CREATE INDEX "cancellation_requests_orderId_createdAt_idx" ON "cancellation_requests"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "cancellation_requests_status_createdAt_idx" ON "cancellation_requests"("status", "createdAt");

-- CreateIndex
CREATE INDEX "cancellation_request_lines_orderLineId_active_idx" ON "cancellation_request_lines"("orderLineId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "cancellation_request_lines_requestId_orderLineId_key" ON "cancellation_request_lines"("requestId", "orderLineId");

-- CreateIndex
CREATE INDEX "approval_tasks_status_level_createdAt_idx" ON "approval_tasks"("status", "level", "createdAt");

-- CreateIndex
CREATE INDEX "approval_tasks_orderId_idx" ON "approval_tasks"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "approval_tasks_subjectType_subjectId_rule_key" ON "approval_tasks"("subjectType", "subjectId", "rule");

-- CreateIndex
CREATE UNIQUE INDEX "compensation_tasks_causeKey_key" ON "compensation_tasks"("causeKey");

-- CreateIndex
CREATE INDEX "compensation_tasks_status_mode_createdAt_idx" ON "compensation_tasks"("status", "mode", "createdAt");

-- CreateIndex
CREATE INDEX "compensation_tasks_orderId_idx" ON "compensation_tasks"("orderId");

-- CreateIndex
CREATE INDEX "compensation_tasks_storeId_status_idx" ON "compensation_tasks"("storeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "financial_adjustments_causeKey_key" ON "financial_adjustments"("causeKey");

-- CreateIndex
CREATE INDEX "financial_adjustments_orderId_idx" ON "financial_adjustments"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_refunds_idempotencyKey_key" ON "gateway_refunds"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_refunds_reference_key" ON "gateway_refunds"("reference");

-- CreateIndex
CREATE INDEX "gateway_refunds_orderId_idx" ON "gateway_refunds"("orderId");

-- AddForeignKey
ALTER TABLE "cancellation_requests" ADD CONSTRAINT "cancellation_requests_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cancellation_requests" ADD CONSTRAINT "cancellation_requests_reasonCode_fkey" FOREIGN KEY ("reasonCode") REFERENCES "reason_codes"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cancellation_request_lines" ADD CONSTRAINT "cancellation_request_lines_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "cancellation_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cancellation_request_lines" ADD CONSTRAINT "cancellation_request_lines_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "order_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "compensation_tasks" ADD CONSTRAINT "compensation_tasks_cancellationRequestId_fkey" FOREIGN KEY ("cancellationRequestId") REFERENCES "cancellation_requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "financial_adjustments" ADD CONSTRAINT "financial_adjustments_cancellationRequestId_fkey" FOREIGN KEY ("cancellationRequestId") REFERENCES "cancellation_requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

