import { z } from "zod";
import { pageOf } from "../../../platform/contracts/common.ts";

export const FALLOUT_STATUSES = ["OPEN", "IN_REPAIR", "RESOLVED", "ABANDONED"] as const;
export type FalloutStatus = (typeof FALLOUT_STATUSES)[number];

export const FalloutAttemptView = z.object({
  attempt: z.number().int(),
  owner: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  error: z.string().nullable(),
});

export const FalloutCaseView = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.enum(FALLOUT_STATUSES),
    reason: z.string(),
    orderId: z.string(),
    orderNumber: z.string(),
    orderVersion: z.number().int(),
    currency: z.string(),
    cancellationRequestId: z.string().nullable(),
    cancellationNumber: z.string().nullable(),
    cancellationStatus: z.string().nullable(),
    task: z
      .object({
        id: z.string(),
        type: z.string(),
        mode: z.string(),
        status: z.string(),
        reversibility: z.string(),
        externalEffect: z.string(),
        quantity: z.number().int().nullable(),
        amount: z.number().int().nullable(),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        dueAt: z.string().nullable(),
        input: z.unknown(),
        output: z.unknown(),
      })
      .nullable(),
    context: z.unknown().describe("What was known when the case opened: the task, its snapshots and the failures"),
    attempts: z.array(FalloutAttemptView).describe("Every run of the task's job, oldest first"),
    evidence: z.string().nullable(),
    resolution: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "FalloutCase" });
export type FalloutCaseViewT = z.infer<typeof FalloutCaseView>;
export const FalloutCasePage = pageOf(FalloutCaseView).meta({ id: "FalloutCasePage" });

export const FalloutQuery = z.object({
  status: z.enum(["ACTIVE", ...FALLOUT_STATUSES, "ALL"]).default("ACTIVE").describe("ACTIVE = OPEN or IN_REPAIR"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
  orderId: z.string().min(1).max(100).optional().describe("Only the cases of this order"),
});
export const FalloutCaseId = z.object({ caseId: z.string().min(1).max(100) });
export const ResolveFallout = z
  .object({ evidence: z.string().trim().min(1, "describe what was done to repair it (evidence is required)").max(2000) })
  .meta({ id: "ResolveFallout" });
export const AbandonFallout = z.object({ reason: z.string().trim().min(1, "a reason is required to abandon").max(2000) }).meta({ id: "AbandonFallout" });

export const ReconciliationFinding = z.object({
  check: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  label: z.string(),
  href: z.string().describe("Where the object can be looked at in the app"),
  problem: z.string(),
});
export type ReconciliationFindingT = z.infer<typeof ReconciliationFinding>;
export const ReconciliationReport = z
  .object({
    checkedAt: z.string(),
    checks: z.array(z.object({ check: z.string(), label: z.string(), findings: z.number().int() })),
    findings: z.array(ReconciliationFinding),
  })
  .meta({ id: "ReconciliationReport" });
export type ReconciliationReportT = z.infer<typeof ReconciliationReport>;
