import { z } from "zod";
import { Code, PositiveQuantity } from "../../../platform/contracts/common.ts";
import { DISPOSITIONS, RETURN_STATUSES } from "../domain/status.ts";

// API "Supplemental and return orders, relations, assets": returns and the order relation graph.

const Id = z.string().trim().min(1).max(64);
const Int = z.number().int();

export const CreateReturn = z
  .object({
    reasonCode: z.string().trim().min(1, "a reason code is required").max(64),
    reasonText: z.string().trim().max(2000).optional(),
    lines: z.array(z.object({ orderLineId: Id, quantity: PositiveQuantity })).min(1, "list at least one line").max(200),
    refundMethod: z.literal("ORIGINAL_PAYMENT").default("ORIGINAL_PAYMENT"),
  })
  .meta({ id: "CreateReturn" });
export type CreateReturnInput = z.infer<typeof CreateReturn>;

export const ReceiveReturn = z
  .object({
    lines: z
      .array(z.object({ orderLineId: Id, quantity: PositiveQuantity, disposition: z.enum(DISPOSITIONS, { error: "disposition must be RESTOCK or DAMAGED" }) }))
      .min(1, "list at least one line")
      .max(200),
    locationCode: Code.optional().describe("Where RESTOCK units go back to available stock; the line's ship-from location when omitted"),
  })
  .meta({ id: "ReceiveReturn" });
export type ReceiveReturnInput = z.infer<typeof ReceiveReturn>;

const Refund = z.object({ merchandise: Int, tax: Int, shipping: Int, discount: Int, total: Int });

export const ReturnView = z
  .object({
    id: z.string(),
    number: z.string(),
    orderId: z.string().describe("The RETURN order"),
    orderNumber: z.string(),
    originalOrderId: z.string(),
    status: z.enum(RETURN_STATUSES),
    reasonCode: z.string(),
    reasonText: z.string().nullable(),
    requestedBy: z.string(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    lines: z.array(
      z.object({ orderLineId: z.string(), lineNumber: Int, sku: z.string(), quantity: Int, received: Int, restocked: Int, damaged: Int, refund: Refund, refunded: Int }),
    ),
    refund: z.object({ total: Int, byTender: z.array(z.object({ method: z.string(), amount: Int })), refunded: Int }),
    approvals: z.array(
      z.object({ id: z.string(), level: z.string(), status: z.string(), rule: z.string(), reason: z.string(), reviewer: z.string().nullable(), comment: z.string().nullable(), decidedAt: z.string().nullable(), expiresAt: z.string().nullable() }),
    ),
    cancellationRequestId: z.string().nullable(),
  })
  .meta({ id: "Return" });
export type ReturnViewT = z.infer<typeof ReturnView>;
export const ReturnPage = z.object({ items: z.array(ReturnView) }).meta({ id: "ReturnPage" });

