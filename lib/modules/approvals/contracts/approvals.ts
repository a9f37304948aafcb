import { z } from "zod";
import { APPROVER_LEVELS } from "../../../platform/auth/permissions.ts";
import { MAX_MONEY } from "../../../platform/money/money.ts";
import { pageOf } from "../../../platform/contracts/common.ts";

export const ApprovalQuery = z.object({
  status: z.enum(["PENDING"], { error: "only PENDING approvals can be listed: those are the ones to sign" }).default("PENDING"),
  level: z.enum(APPROVER_LEVELS).optional().describe("Only tasks of this level (still only those you may sign)"),
  minOrderValue: z.coerce.number().int().nonnegative().max(MAX_MONEY).optional().describe("Only tasks on orders worth at least this much, in minor units"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
});

export const PendingApprovalView = z
  .object({
    taskId: z.string(),
    subjectType: z.string().describe("What is being approved, e.g. CANCELLATION"),
    level: z.enum(APPROVER_LEVELS),
    rule: z.string().describe("Id of the approval rule that caused the task"),
    ruleName: z.string().nullable(),
    reason: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    escalatedFromId: z.string().nullable().describe("The expired lower-level task this one replaced"),
    orderId: z.string(),
    orderNumber: z.string(),
    currency: z.string(),
    orderTotal: z.number().int(),
    label: z.string().describe("What is being approved, e.g. Cancellation CX-000012"),
    stores: z.array(z.string()).describe("Codes of the stores the subject concerns"),
    requestId: z.string().describe("The subject's id (e.g. the cancellation request)"),
    requestNumber: z.string(),
    requestedBy: z.string(),
    reasonCode: z.string(),
    refundTotal: z.number().int().describe("The money the subject moves (a cancellation's refund), in minor units"),
  })
  .meta({ id: "PendingApproval" });
export type PendingApprovalViewT = z.infer<typeof PendingApprovalView>;

export const PendingApprovalPage = pageOf(PendingApprovalView).meta({ id: "PendingApprovalPage" });
