import { z } from "zod";
import { PositiveQuantity, pageOf } from "../../../platform/contracts/common.ts";
import { FULFILMENT_STAGES } from "../../orders/domain/buckets.ts";

export const CANCELLATION_TYPES = ["CUSTOMER_REQUEST", "INVENTORY_SHORTAGE", "BUSINESS_RULE", "SYSTEM_ERROR", "FRAUD_PREVENTION"] as const;
export const REFUND_METHODS = ["ORIGINAL_PAYMENT", "STORE_CREDIT", "GIFT_CARD", "MANUAL_PROCESS"] as const;

export const CancellationScope = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ORDER") }),
  z.object({
    type: z.literal("LINES"),
    lines: z
      .array(
        z.object({
          orderLineId: z.string().min(1).max(100),
          quantity: PositiveQuantity,
          stage: z
            .enum(FULFILMENT_STAGES)
            .optional()
            .describe("Take the units only from this fulfilment stage; without it the least progressed units go first"),
        }),
      )
      .min(1, "choose at least one line")
      .max(500),
  }),
]);

export const CreateCancellationRequest = z
  .object({
    cancellationType: z.enum(CANCELLATION_TYPES),
    reasonCode: z.string().trim().min(1, "a reason code is required").max(64),
    reasonText: z.string().trim().max(2000).optional(),
    scope: CancellationScope,
    refundMethod: z.enum(REFUND_METHODS).default("ORIGINAL_PAYMENT"),
    damaged: z.boolean().default(false).describe("Units in the warehouse (allocated, released, picked or packed) are damaged: write them off (on hand goes down) instead of returning them to stock"),
  })
  .meta({ id: "CreateCancellationRequest" });
export type CreateCancellationRequestInput = z.infer<typeof CreateCancellationRequest>;

export const DecisionComment = z.object({ comment: z.string().trim().max(2000).optional() }).meta({ id: "ApprovalDecision" });
export const RejectionComment = z
  .object({ comment: z.string({ error: "a comment is required to reject" }).trim().min(1, "a comment is required to reject").max(2000) })
  .meta({ id: "Rejection" });

const Money = z.object({ merchandise: z.number().int(), tax: z.number().int(), shipping: z.number().int(), discount: z.number().int(), total: z.number().int() });

export const CancellationView = z
  .object({
    id: z.string(),
    number: z.string(),
    orderId: z.string(),
    orderNumber: z.string(),
    orderVersion: z.number().int().meta({ description: "The order's version after this request's latest change (also the response's ETag)" }),
    status: z.string(),
    cancellationType: z.string(),
    reasonCode: z.string(),
    reasonText: z.string().nullable(),
    refundMethod: z.string(),
    damaged: z.boolean(),
    requestedBy: z.string(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    returnId: z.string().nullable().describe("The return the request's shipped or delivered units became, if any"),
    failureReason: z.string().nullable(),
    assessment: z.object({
      feasibility: z.string(),
      blockers: z.array(z.object({ orderLineId: z.string(), stage: z.string(), quantity: z.number().int(), reason: z.string(), message: z.string() })),
      requiredApprovals: z.array(z.object({ level: z.string(), rule: z.string(), reason: z.string() })),
      inventory: z.array(z.object({ orderLineId: z.string(), stage: z.string(), type: z.string(), quantity: z.number().int() })),
      compensation: z.array(z.object({ type: z.string(), mode: z.string(), orderLineId: z.string().nullable(), stage: z.string().nullable(), quantity: z.number().int() })),
    }),
    lines: z.array(
      z.object({
        orderLineId: z.string(),
        lineNumber: z.number().int(),
        sku: z.string(),
        requestedQuantity: z.number().int(),
        cancelledQuantity: z.number().int(),
        blockedQuantity: z.number().int(),
        byStage: z.record(z.string(), z.number().int()),
        refund: Money,
      }),
    ),
    refund: z.object({
      total: z.number().int(),
      refunded: z.number().int(),
      components: Money,
      byTender: z.array(z.object({ tenderId: z.string(), method: z.string(), amount: z.number().int(), status: z.string().nullable(), reference: z.string().nullable() })),
    }),
    approvals: z.array(
      z.object({
        id: z.string(),
        level: z.string(),
        status: z.string(),
        rule: z.string().describe("Id of the approval rule that caused the task"),
        ruleName: z.string().nullable().describe("The rule's name when the task was created"),
        reason: z.string(),
        reviewer: z.string().nullable(),
        comment: z.string().nullable(),
        decidedAt: z.string().nullable(),
        expiresAt: z.string().nullable(),
        escalatedFromId: z.string().nullable().describe("The expired lower-level task this one replaced"),
      }),
    ),
    compensationTasks: z.array(
      z.object({ id: z.string(), type: z.string(), mode: z.string(), status: z.string(), orderLineId: z.string().nullable(), stage: z.string().nullable(), quantity: z.number().int().nullable(), amount: z.number().int().nullable(), lastError: z.string().nullable() }),
    ),
  })
  .meta({ id: "CancellationRequest" });
export type CancellationViewT = z.infer<typeof CancellationView>;
export const CancellationPage = pageOf(CancellationView).meta({ id: "CancellationRequestPage" });

// Compensation tasks are the compensation module's; these names stay importable from here.
export { CompensationTaskView, CompensationTaskPage, CompensationTaskQuery, type CompensationTaskViewT } from "../../compensation/contracts/tasks.ts";
export const CompleteTask = z.object({ evidence: z.string().trim().min(1, "describe what was done").max(2000) }).meta({ id: "CompleteTask" });
export const FailTask = z.object({ reason: z.string().trim().min(1, "a reason is required").max(2000) }).meta({ id: "FailTask" });
