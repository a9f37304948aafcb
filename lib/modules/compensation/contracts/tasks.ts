import { z } from "zod";
import { pageOf } from "../../../platform/contracts/common.ts";

/** A compensation step as the API shows it; `cancellationRequestId`/`cancellationNumber` name its cause when that is a cancellation request. */
export const CompensationTaskView = z
  .object({
    id: z.string(),
    type: z.string(),
    mode: z.string(),
    status: z.string(),
    orderId: z.string(),
    orderNumber: z.string(),
    orderVersion: z.number().int(),
    cancellationRequestId: z.string().nullable(),
    cancellationNumber: z.string().nullable(),
    storeCode: z.string().nullable(),
    orderLineId: z.string().nullable(),
    sku: z.string().nullable(),
    stage: z.string().nullable(),
    quantity: z.number().int().nullable(),
    evidence: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: "CompensationTask" });
export type CompensationTaskViewT = z.infer<typeof CompensationTaskView>;
export const CompensationTaskPage = pageOf(CompensationTaskView).meta({ id: "CompensationTaskPage" });
export const CompensationTaskQuery = z.object({
  status: z.enum(["OPEN", "PENDING", "DONE", "FAILED", "ALL"]).default("OPEN"),
  storeCode: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
  orderId: z.string().min(1).max(100).optional().describe("Only the tasks of this order"),
});
