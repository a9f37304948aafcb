// Events of orders linked to an order: a supplemental order created; a return requested, decided, received, completed or cancelled.
import { z } from "zod";
import { DISPOSITIONS } from "../../../returns/domain/status.ts";
import { DecisionRef, defineEvent, Id, Level, LineQuantity, Minor } from "../event-definition.ts";

const ReturnRef = { returnId: Id, number: z.string().min(1), returnOrderId: Id };

export const RETURN_EVENTS = [
  defineEvent({
    type: "OrderSupplemented",
    version: 1,
    aggregate: "Order",
    description: "A supplemental order was created for this order: an ADD_ON (relation SUPPLEMENTS), a REPLACEMENT of shipped units (relation REPLACES), or a BILLING_ADJUSTMENT (a charge: SUPPLEMENTS; a goodwill credit, refunded to this order's tenders: COMPENSATES). Add-ons and replacements have their own OrderCreated.",
    payload: z.strictObject({ supplementalOrderId: Id, number: z.string().min(1), supplementalType: z.enum(["ADD_ON", "REPLACEMENT", "BILLING_ADJUSTMENT"]), relation: z.enum(["SUPPLEMENTS", "REPLACES", "COMPENSATES"]), reasonCode: z.string().min(1) }),
    example: { supplementalOrderId: "cm9ord03", number: "CM-000104", supplementalType: "ADD_ON", relation: "SUPPLEMENTS", reasonCode: "ADD_ITEMS" },
  }),
  defineEvent({
    type: "OrderReturnRequested",
    version: 1,
    aggregate: "Order",
    description: "Shipped or delivered units of the order are to come back through a return (its own RETURN order); they are held until received.",
    payload: z.strictObject({ ...ReturnRef, reasonCode: z.string().min(1), lines: z.array(LineQuantity).min(1), refund: Minor }),
    example: { returnId: "cm9rt01", number: "RT-000001", returnOrderId: "cm9ord02", reasonCode: "WRONG_ITEM", lines: [{ orderLineId: "cm9line01", quantity: 2 }], refund: 4400 },
  }),
  defineEvent({
    type: "OrderReturnApproved",
    version: 1,
    aggregate: "Order",
    description: "An approver signed the return's tasks at their level (`subjectId` is the return); `remaining` approvals are still pending.",
    payload: z.strictObject(DecisionRef),
    example: { subjectType: "RETURN", subjectId: "cm9rt01", taskIds: ["cm9appr01"], levels: ["DIRECTOR"], remaining: 0, comment: null },
  }),
  defineEvent({
    type: "OrderReturnRejected",
    version: 1,
    aggregate: "Order",
    description: "An approver rejected the return: it ends, its units are no longer held.",
    payload: z.strictObject(DecisionRef),
    example: { subjectType: "RETURN", subjectId: "cm9rt01", taskIds: ["cm9appr01"], levels: ["DIRECTOR"], remaining: 0, comment: "not our item" },
  }),
  defineEvent({
    type: "OrderReturnExpired",
    version: 1,
    aggregate: "Order",
    description: "The return's approval expired with nobody left to ask: it ends, its units are no longer held.",
    payload: z.strictObject({ ...ReturnRef, level: Level.optional(), comment: z.string().min(1) }),
    example: { returnId: "cm9rt01", number: "RT-000001", returnOrderId: "cm9ord02", level: "VP", comment: "no decision in time" },
  }),
  defineEvent({
    type: "OrderReturnReceived",
    version: 1,
    aggregate: "Order",
    description: "Units of a return arrived: RETURNED in the original line's ledger, restocked or written off, and their refund is owed.",
    payload: z.strictObject({
      ...ReturnRef,
      lines: z.array(z.object({ orderLineId: Id, quantity: z.number().int().positive(), disposition: z.enum(DISPOSITIONS) })).min(1),
      refund: Minor,
      fullyReceived: z.boolean(),
    }),
    example: { returnId: "cm9rt01", number: "RT-000001", returnOrderId: "cm9ord02", lines: [{ orderLineId: "cm9line01", quantity: 1, disposition: "RESTOCK" }], refund: 2200, fullyReceived: false },
  }),
  defineEvent({
    type: "OrderReturnCompleted",
    version: 1,
    aggregate: "Order",
    description: "Every unit of the return was received and its refund paid.",
    payload: z.strictObject({ ...ReturnRef, refunded: Minor }),
    example: { returnId: "cm9rt01", number: "RT-000001", returnOrderId: "cm9ord02", refunded: 4400 },
  }),
  defineEvent({
    type: "OrderReturnCancelled",
    version: 1,
    aggregate: "Order",
    description: "The return was cancelled before any unit arrived; its units are no longer held.",
    payload: z.strictObject({ ...ReturnRef }),
    example: { returnId: "cm9rt01", number: "RT-000001", returnOrderId: "cm9ord02" },
  }),
] as const;
