// The cancellation assessment as stored with its request (`cancellationRequest.assessment`): a
// versioned document (lib/platform/contracts/versioned.ts), written by `storedAssessment` and read
// back only through `parseStoredAssessment`. The schema is the domain's `Assessment` type exactly;
// the compile-time check below fails when either changes without the other.

import { z } from "zod";
import { APPROVER_LEVELS } from "../../../platform/auth/levels.ts";
import { versionedDocument, type SameType, type StoredDocument } from "../../../platform/contracts/versioned.ts";
import { FULFILMENT_STAGES } from "../../orders/domain/buckets.ts";
import { FEASIBILITIES, type Assessment } from "../domain/assess-types.ts";
import { COMPENSATION_TYPES, INVENTORY_ADJUSTMENT_TYPES } from "../domain/stage-policy.ts";

const Int = z.number().int();
const Stage = z.enum(FULFILMENT_STAGES);
const Level = z.enum(APPROVER_LEVELS);
const UnitsByStage = z.partialRecord(Stage, Int);
const Refund = z.object({ merchandise: Int, tax: Int, shipping: Int, discount: Int, total: Int });

const Blocker = z.object({ orderLineId: z.string(), stage: Stage, quantity: Int, reason: z.literal("REQUIRES_RETURN"), message: z.string() });

const RequiredApproval = z.object({
  level: Level,
  rule: z.string(),
  reason: z.string(),
  ruleName: z.string().optional(),
  expiresAfterMinutes: Int.nullable().optional(),
});

const AutoApproved = z.object({ rule: z.string(), ruleName: z.string(), level: Level, reason: z.string() });

const LineImpact = z.object({
  orderLineId: z.string(),
  lineNumber: Int,
  sku: z.string(),
  requestedQuantity: Int,
  cancelQuantity: Int,
  byStage: UnitsByStage,
  blocked: Int,
  blockedByStage: UnitsByStage,
  refund: Refund,
});

const InventoryAdjustmentPlan = z.object({ orderLineId: z.string(), stage: Stage, type: z.enum(INVENTORY_ADJUSTMENT_TYPES), quantity: Int });

const CompensationPlanItem = z.object({
  type: z.enum(COMPENSATION_TYPES),
  mode: z.enum(["AUTOMATIC", "MANUAL"]),
  orderLineId: z.string().nullable(),
  stage: Stage.nullable(),
  quantity: Int,
  amount: Int.optional(),
});

const RefundImpact = Refund.extend({ byTender: z.array(z.object({ tenderId: z.string(), method: z.string(), amount: Int })) });

export const StoredAssessmentSchema = z.object({
  feasibility: z.enum(FEASIBILITIES),
  blockers: z.array(Blocker),
  requiredApprovals: z.array(RequiredApproval),
  autoApproved: z.array(AutoApproved).optional(),
  lines: z.array(LineImpact),
  inventory: z.array(InventoryAdjustmentPlan),
  compensation: z.array(CompensationPlanItem),
  refund: RefundImpact,
});

const schemaIsTheDomainType: SameType<z.output<typeof StoredAssessmentSchema>, Assessment> = true;
void schemaIsTheDomainType;

/** Version 1: the assessment's fields as the domain produces them (rows from before versioning read as this). */
const ASSESSMENT = versionedDocument({ kind: "cancellation assessment", version: 1, schema: StoredAssessmentSchema });

/** The JSON to store in `cancellationRequest.assessment`. */
export function storedAssessment(assessment: Assessment): StoredDocument {
  return ASSESSMENT.store(assessment);
}

/** The request's stored assessment, parsed; InvariantViolation (naming the request) when it does not match. */
export function parseStoredAssessment(json: unknown, request: { number: string }): Assessment {
  return ASSESSMENT.parse(json, `cancellation ${request.number}`);
}
