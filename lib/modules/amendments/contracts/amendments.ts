import { z } from "zod";
import { APPROVER_LEVELS } from "../../../platform/auth/levels.ts";
import { Problem, pageOf } from "../../../platform/contracts/common.ts";
import { CLASSIFICATIONS, COMMAND_KINDS } from "../domain/change-command.ts";
import { MAX_CHANGES } from "../domain/parse-changes.ts";
import { PHASES } from "../domain/phase.ts";
import { REPLANNING_TYPES } from "../domain/replanning.ts";
import { SAFETY_RESULTS } from "../domain/safety-matrix.ts";
import { AMENDMENT_STATUSES } from "../domain/status.ts";

// API "Amendment requests": request bodies and responses. The changes' values are checked by
// the domain rules (lib/modules/amendments/domain), which know each path's value type; here a
// change is only its shape.

export const AmendmentChange = z
  .object({
    path: z.string().min(1).max(300).describe("/shippingAddress[/<field>], /contact[/<field>], /deliveryNote, /deliveryWindow or /lines/{orderLineId}/quantity|sku|unitPrice"),
    op: z.literal("REPLACE"),
    oldValue: z.unknown().describe("The value the order holds now (null for none); another value is 409 STALE_VALUE, another type 422"),
    newValue: z.unknown().describe("The value to set (null removes an optional value)"),
  })
  .meta({ id: "AmendmentChange" });

const Changes = z.array(AmendmentChange).min(1, "list at least one change").max(MAX_CHANGES);
const ReasonCode = z.string().trim().min(1, "a reason code is required").max(64);
const ReasonText = z.string().trim().max(2000);

export const CreateAmendmentRequest = z
  .object({
    reasonCode: ReasonCode,
    reasonText: ReasonText.optional(),
    applyNow: z.boolean().default(true).describe("false: assess and store, apply later through …/apply"),
    changes: Changes,
  })
  .meta({ id: "CreateAmendmentRequest" });
export type CreateAmendmentRequestInput = z.infer<typeof CreateAmendmentRequest>;

export const PreviewAmendmentRequest = z
  .object({ reasonCode: ReasonCode.optional(), reasonText: ReasonText.optional(), changes: Changes })
  .meta({ id: "PreviewAmendmentRequest" });
export type PreviewAmendmentRequestInput = z.infer<typeof PreviewAmendmentRequest>;

export const AmendmentDecision = z.object({ comment: z.string().trim().max(2000).optional() }).meta({ id: "AmendmentDecision" });
export const AmendmentRejection = z
  .object({ comment: z.string({ error: "a comment is required to reject" }).trim().min(1, "a comment is required to reject").max(2000) })
  .meta({ id: "AmendmentRejection" });

const Int = z.number().int();

export const AmendmentAssessmentSummary = z.object({
  feasibility: z.enum(SAFETY_RESULTS).describe("BLOCKED only in a preview or a 409 AMENDMENT_BLOCKED problem; never stored"),
  blockers: z.array(z.object({ changeIndex: Int, path: z.string(), message: z.string() })),
  requiredApprovals: z.array(z.object({ level: z.enum(APPROVER_LEVELS), rule: z.string(), reason: z.string() })),
});

export const AssessedChange = z.object({
  path: z.string(),
  op: z.literal("REPLACE"),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  command: z.enum(COMMAND_KINDS),
  direction: z.enum(["INCREASE", "DECREASE"]).nullable(),
  orderLineId: z.string().nullable(),
  classification: z.enum(CLASSIFICATIONS),
  phase: z.enum(PHASES),
  safety: z.enum(SAFETY_RESULTS),
  approvalLevel: z.enum(APPROVER_LEVELS).nullable(),
  blocker: z.string().nullable(),
});

const Money = z.object({ merchandise: Int, tax: Int, shipping: Int, discount: Int, total: Int });

export const AmendmentImpact = z.object({
  charge: Int.nonnegative(),
  refund: Int.nonnegative(),
  byTender: z.array(z.object({ tenderId: z.string(), method: z.string(), amount: Int.nonnegative() })),
  lines: z.array(
    Money.extend({
      orderLineId: z.string(),
      lineNumber: Int,
      quantityDelta: Int,
      cancellation: z
        .object({ quantity: Int.positive(), refund: Money.nullable().describe("Computed by the linked cancellation request") })
        .nullable(),
      substitution: z
        .object({
          sku: z.string(),
          line: z.object({ quantity: Int, unitPrice: Int, taxAmount: Int, shippingAmount: Int, discountAmount: Int }),
        })
        .nullable(),
    }),
  ),
  replanning: z.array(z.object({ type: z.enum(REPLANNING_TYPES), orderLineId: z.string(), quantity: Int.positive() })),
});

/** What a preview answers (and what every amendment carries). */
export const AmendmentPreview = z
  .object({ orderVersion: Int, fingerprint: z.string(), assessment: AmendmentAssessmentSummary, changes: z.array(AssessedChange), impact: AmendmentImpact })
  .meta({ id: "AmendmentPreview" });

export type AmendmentPreviewT = z.infer<typeof AmendmentPreview>;

export const AmendmentView = AmendmentPreview.extend({
  id: z.string(),
  number: z.string(),
  orderId: z.string(),
  status: z.enum(AMENDMENT_STATUSES),
  reasonCode: z.string(),
  reasonText: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  approvals: z.array(
    z.object({
      id: z.string(),
      level: z.string(),
      status: z.string(),
      rule: z.string(),
      reason: z.string(),
      reviewer: z.string().nullable(),
      comment: z.string().nullable(),
      decidedAt: z.string().nullable(),
      expiresAt: z.string().nullable(),
    }),
  ),
  cancellationRequestId: z.string().nullable(),
  appliedAt: z.string().nullable(),
  failureReason: z.string().nullable(),
}).meta({ id: "AmendmentRequest" });
export type AmendmentViewT = z.infer<typeof AmendmentView>;
export const AmendmentPage = pageOf(AmendmentView).meta({ id: "AmendmentRequestPage" });

/** 409 AMENDMENT_BLOCKED: the problem carries the assessment that refused the request. */
export const AmendmentBlockedProblem = Problem.extend({
  assessment: AmendmentAssessmentSummary,
  changes: z.array(AssessedChange),
}).meta({ id: "AmendmentBlockedProblem" });

/** 409 STALE_VALUE: each stale change with the value the order holds now. */
export const StaleValueProblem = Problem.extend({
  errors: z.array(z.object({ path: z.string(), message: z.string(), currentValue: z.unknown() })),
}).meta({ id: "StaleValueProblem" });
