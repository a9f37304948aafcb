// Events of a cancellation request: stored, assessed, decided or withdrawn, and carried out line by line.
import { z } from "zod";
import { FULFILMENT_STAGES } from "../../../orders/domain/buckets.ts";
import { INVENTORY_ADJUSTMENT_TYPES } from "../../../cancellations/domain/stage-policy.ts";
import { CANCELLATION_TYPES, CancellationScope } from "../../../cancellations/contracts/cancellations.ts";
import { defineEvent, Id, Count, Units, Minor, Level, Refund, DecisionRef } from "../event-definition.ts";

export const CANCELLATION_EVENTS = [
  defineEvent({
    type: "OrderCancellationRequested",
    version: 1,
    aggregate: "Order",
    description: "A cancellation request was stored: what it asks to cancel and why.",
    payload: z.strictObject({
      cancellationRequestId: Id,
      number: z.string().min(1),
      cancellationType: z.enum(CANCELLATION_TYPES),
      reasonCode: z.string().min(1),
      scope: CancellationScope,
    }),
    example: {
      cancellationRequestId: "cm9req01",
      number: "CX-000012",
      cancellationType: "CUSTOMER_REQUEST",
      reasonCode: "CUSTOMER_CHANGED_MIND",
      scope: { type: "LINES", lines: [{ orderLineId: "cm9line01", quantity: 2 }] },
    },
  }),
  defineEvent({
    type: "OrderCancellationAssessed",
    version: 1,
    aggregate: "Order",
    description: "The request's assessment: whether it can be carried out, the approvals it needs and the refund it implies.",
    payload: z.strictObject({
      cancellationRequestId: Id,
      feasibility: z.enum(["FULLY_CANCELLABLE", "PARTIALLY_CANCELLABLE", "NOT_CANCELLABLE"]),
      requiredApprovals: z.array(
        z.object({
          level: Level,
          rule: z.string().min(1),
          reason: z.string(),
          ruleName: z.string().optional(),
          expiresAfterMinutes: z.number().int().nullable().optional(),
        }),
      ),
      refundTotal: Minor,
    }),
    example: {
      cancellationRequestId: "cm9req01",
      feasibility: "FULLY_CANCELLABLE",
      requiredApprovals: [{ level: "MANAGER", rule: "cm9rule01", ruleName: "Order value ≥ 500.00", reason: "Order total 600.00 ≥ 500.00", expiresAfterMinutes: 1440 }],
      refundTotal: 4400,
    },
  }),
  defineEvent({
    type: "OrderCancellationApproved",
    version: 2,
    aggregate: "Order",
    description: "An approver signed the request's tasks at their level (`subjectId` is the request); `remaining` approvals are still pending.",
    payload: z.strictObject(DecisionRef),
    example: { subjectType: "CANCELLATION", subjectId: "cm9req01", taskIds: ["cm9appr01"], levels: ["MANAGER"], remaining: 0, comment: null },
  }),
  defineEvent({
    type: "OrderCancellationRejected",
    version: 2,
    aggregate: "Order",
    description: "An approver rejected the request (`subjectId`); its other approvals are closed and its held units are free again.",
    payload: z.strictObject(DecisionRef),
    example: { subjectType: "CANCELLATION", subjectId: "cm9req01", taskIds: ["cm9appr01"], levels: ["MANAGER"], remaining: 0, comment: "Already with the carrier" },
  }),
  defineEvent({
    type: "OrderCancellationExpired",
    version: 1,
    aggregate: "Order",
    description: "The request was not decided in time with nobody left to escalate to; its held units are free again.",
    payload: z.strictObject({ cancellationRequestId: Id, level: Level.optional(), comment: z.string() }),
    example: { cancellationRequestId: "cm9req01", comment: "VP approval not decided in time" },
  }),
  defineEvent({
    type: "OrderCancellationWithdrawn",
    version: 1,
    aggregate: "Order",
    description: "The requester withdrew the request before it was decided; its held units are free again.",
    payload: z.strictObject({ cancellationRequestId: Id }),
    example: { cancellationRequestId: "cm9req01" },
  }),
  defineEvent({
    type: "OrderLineCancellationProcessed",
    version: 1,
    aggregate: "Order",
    description: "Units of one line were cancelled by an executed request: how many from which stage and the refund they carry.",
    payload: z.strictObject({
      cancellationRequestId: Id,
      orderLineId: Id,
      cancelledQuantity: Count,
      byStage: z.partialRecord(z.enum(FULFILMENT_STAGES), Units),
      refund: Refund,
    }),
    example: {
      cancellationRequestId: "cm9req01",
      orderLineId: "cm9line01",
      cancelledQuantity: 2,
      byStage: { OPEN: 2 },
      refund: { merchandise: 4000, tax: 400, shipping: 0, discount: 0, total: 4400 },
    },
  }),
  defineEvent({
    type: "InventoryAdjustedForCancellation",
    version: 1,
    aggregate: "Order",
    description: "Cancelled units changed inventory as their stage requires (deallocated, reservation released, returned to stock or written off).",
    payload: z.strictObject({ cancellationRequestId: Id, orderLineId: Id, stage: z.enum(FULFILMENT_STAGES), adjustment: z.enum(INVENTORY_ADJUSTMENT_TYPES), quantity: Units }),
    example: { cancellationRequestId: "cm9req01", orderLineId: "cm9line01", stage: "ALLOCATED", adjustment: "DEALLOCATION", quantity: 3 },
  }),
  defineEvent({
    type: "OrderLineReturnRequired",
    version: 1,
    aggregate: "Order",
    description: "Units a cancellation request could not cancel in place (shipped or delivered) can only come back through a return; the request ends PARTIALLY_COMPLETED.",
    payload: z.strictObject({ cancellationRequestId: Id, orderLineId: Id, stage: z.enum(FULFILMENT_STAGES), quantity: Units }),
    example: { cancellationRequestId: "cm9req01", orderLineId: "cm9line01", stage: "SHIPPED", quantity: 2 },
  }),
] as const;
