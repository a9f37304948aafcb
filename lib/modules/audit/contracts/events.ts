// The outbox event catalog: every event type a command may write, with its version, what it means,
// the zod schema of its payload and an example. `appendEvents` (lib/modules/audit/server/audit.ts), the one
// writer, refuses anything not described here; the API reference renders it; an outbox relay
// delivers these payloads as the `data` of `{ id, type, occurredAt, orderId, sequence, data }`.
//
// A payload's shape changes only together with its `version`: readers tell shapes apart by the
// `eventVersion` stored in every payload.
import { z } from "zod";
import { APPROVER_LEVELS } from "../../../platform/auth/permissions.ts";
import { BUCKETS, FULFILMENT_EVENTS, FULFILMENT_STAGES } from "../../orders/domain/buckets.ts";
import { CANCELLATION_REQUEST_STATUSES } from "../../cancellations/domain/request-status.ts";
import { INVENTORY_ADJUSTMENT_TYPES } from "../../cancellations/domain/stage-policy.ts";
import { DEDUCTION_ORDERS } from "../../points/domain/points.ts";
import { CANCELLATION_TYPES, CancellationScope } from "../../cancellations/contracts/cancellations.ts";

/** What an event belongs to; its (aggregate, id, sequence) is unique in the outbox. */
export const EVENT_AGGREGATES = ["Order", "PointsAccount", "PointsTransaction", "PointsCancellation", "InventorySupply"] as const;
export type EventAggregate = (typeof EVENT_AGGREGATES)[number];

const Id = z.string().min(1);
const Count = z.number().int().nonnegative();
const Units = z.number().int().positive();
const Minor = z.number().int().meta({ description: "money in the order currency's minor unit" });
const Level = z.enum(APPROVER_LEVELS);
const RequestStatus = z.enum(CANCELLATION_REQUEST_STATUSES);
const LineQuantity = z.object({ orderLineId: Id, quantity: Units });
const Refund = z.object({ merchandise: Minor, tax: Minor, shipping: Minor, discount: Minor, total: Minor });
const TaskRef = { subjectType: z.string().min(1).meta({ description: "what the task approves, e.g. CANCELLATION" }), subjectId: Id, taskId: Id, level: Level, rule: z.string().min(1).meta({ description: "the approval rule's id, or a built-in rule's key" }) };
const CaseRef = { falloutCaseId: Id, number: z.string().min(1), compensationTaskId: Id.nullable() };
const Settled = { cancellationRequestId: Id, from: RequestStatus, to: RequestStatus };

/** Fields the writers add to every payload, next to the event's own. */
export const EVENT_ENVELOPE = {
  actorId: z.string().min(1).meta({ description: "who caused the event (`system` for the system's own work)" }),
  eventVersion: z.number().int().positive().meta({ description: "the catalog version of this payload's shape" }),
};
/** Added to every `Order` event: the order and the version the command left it at. */
export const ORDER_ENVELOPE = {
  orderId: Id,
  orderVersion: z.number().int().positive().meta({ description: "the order's version after the command" }),
};

export interface EventDefinition<T extends string = string, P extends z.ZodObject = z.ZodObject> {
  type: T;
  version: number;
  aggregate: EventAggregate;
  description: string;
  payload: P;
  example: z.input<P>;
}

function defineEvent<const T extends string, P extends z.ZodObject>(def: EventDefinition<T, P>): EventDefinition<T, P> {
  return def;
}

export const EVENT_DEFINITIONS = [
  defineEvent({
    type: "OrderCreated",
    version: 1,
    aggregate: "Order",
    description: "An order was taken in: its number, buyer, currency, total and lines (every unit starts open).",
    payload: z.strictObject({
      orderNumber: z.string().min(1),
      buyerEmail: z.string().min(1),
      currency: z.string().length(3),
      total: Minor,
      lines: z.array(z.object({ lineNumber: Units, sku: z.string().min(1), quantity: Units, total: Minor })).min(1),
    }),
    example: { orderNumber: "CM-000042", buyerEmail: "buyer@demo.test", currency: "USD", total: 11000, lines: [{ lineNumber: 1, sku: "SKU-MUG", quantity: 5, total: 11000 }] },
  }),
  defineEvent({
    type: "OrderNoteAdded",
    version: 1,
    aggregate: "Order",
    description: "A note was added to the order, internal or visible to the customer; `storeCode` names the store part it is about (null: the whole order).",
    payload: z.strictObject({ noteId: Id, visibility: z.enum(["INTERNAL", "CUSTOMER"]), notifyCustomer: z.boolean(), storeCode: z.string().nullable().optional() }),
    example: { noteId: "cm9note01", visibility: "CUSTOMER", notifyCustomer: true, storeCode: "acme" },
  }),
  defineEvent({
    type: "OrderFulfillmentProgressed",
    version: 1,
    aggregate: "Order",
    description: "Units moved one fulfilment stage forward (allocate, release, pick, pack, ship, deliver).",
    payload: z.strictObject({
      eventType: z.enum(FULFILMENT_EVENTS),
      fromBucket: z.enum(BUCKETS),
      toBucket: z.enum(BUCKETS),
      trackingNumber: z.string().nullable(),
      lines: z.array(LineQuantity).min(1),
    }),
    example: { eventType: "SHIP", fromBucket: "PACKED", toBucket: "SHIPPED", trackingNumber: "1Z999AA10123456784", lines: [{ orderLineId: "cm9line01", quantity: 2 }] },
  }),
  defineEvent({
    type: "OrderStatusChanged",
    version: 1,
    aggregate: "Order",
    description: "The order's derived status changed (OPEN, PREPARING, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, CANCELLED).",
    payload: z.strictObject({ oldStatus: z.string().min(1), newStatus: z.string().min(1) }),
    example: { oldStatus: "PREPARING", newStatus: "PARTIALLY_SHIPPED" },
  }),
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
    version: 1,
    aggregate: "Order",
    description: "An approver signed the request's tasks at their level; `remaining` approvals are still pending.",
    payload: z.strictObject({ cancellationRequestId: Id, levels: z.array(Level).min(1), remaining: Count }),
    example: { cancellationRequestId: "cm9req01", levels: ["MANAGER"], remaining: 0 },
  }),
  defineEvent({
    type: "OrderCancellationRejected",
    version: 1,
    aggregate: "Order",
    description: "An approver rejected the request; its held units are free again.",
    payload: z.strictObject({ cancellationRequestId: Id, level: Level.optional(), comment: z.string() }),
    example: { cancellationRequestId: "cm9req01", level: "MANAGER", comment: "Already with the carrier" },
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
  defineEvent({
    type: "PaymentRefundProcessed",
    version: 1,
    aggregate: "Order",
    description: "The refund owed for a request was paid back to the original tenders.",
    payload: z.strictObject({ cancellationRequestId: Id, amount: Minor }),
    example: { cancellationRequestId: "cm9req01", amount: 4400 },
  }),
  defineEvent({
    type: "PaymentRefundFailed",
    version: 1,
    aggregate: "Order",
    description: "A refund attempt failed; `outcomeUnknown` means the processor's answer was lost and the same refund will be asked again.",
    payload: z.strictObject({ cancellationRequestId: Id, failures: z.array(z.string()).min(1), outcomeUnknown: z.boolean() }),
    example: { cancellationRequestId: "cm9req01", failures: ["CARD 4400: declined"], outcomeUnknown: false },
  }),
  defineEvent({
    type: "CompensationTaskCompleted",
    version: 1,
    aggregate: "Order",
    description: "A manual compensation step (recall from warehouse, return to stock) was confirmed done.",
    payload: z.strictObject({ compensationTaskId: Id, taskType: z.string().min(1), cancellationRequestId: Id.nullable() }),
    example: { compensationTaskId: "cm9task01", taskType: "RECALL_FROM_WAREHOUSE", cancellationRequestId: "cm9req01" },
  }),
  defineEvent({
    type: "CompensationTaskFailed",
    version: 1,
    aggregate: "Order",
    description: "A manual compensation step was reported failed; a fallout case opens for it.",
    payload: z.strictObject({ compensationTaskId: Id, taskType: z.string().min(1), cancellationRequestId: Id.nullable() }),
    example: { compensationTaskId: "cm9task01", taskType: "RETURN_TO_STOCK", cancellationRequestId: "cm9req01" },
  }),
  defineEvent({
    type: "CancellationCompleted",
    version: 1,
    aggregate: "Order",
    description: "Every compensation step of the request is settled: COMPLETED, or PARTIALLY_COMPLETED when some units could not be cancelled or a step was abandoned.",
    payload: z.strictObject(Settled),
    example: { cancellationRequestId: "cm9req01", from: "EXECUTING", to: "COMPLETED" },
  }),
  defineEvent({
    type: "CancellationFailed",
    version: 1,
    aggregate: "Order",
    description: "A compensation step of the request failed; it stays FAILED until a retry or a repair settles it.",
    payload: z.strictObject(Settled),
    example: { cancellationRequestId: "cm9req01", from: "EXECUTING", to: "FAILED" },
  }),
  defineEvent({
    type: "CancellationResumed",
    version: 1,
    aggregate: "Order",
    description: "A failed or partly completed request is executing again (a retry or a reopened step).",
    payload: z.strictObject(Settled),
    example: { cancellationRequestId: "cm9req01", from: "FAILED", to: "EXECUTING" },
  }),
  defineEvent({
    type: "ApprovalTaskApproved",
    version: 1,
    aggregate: "Order",
    description: "An approver signed one approval task; `remaining` tasks of the subject are still pending.",
    payload: z.strictObject({ ...TaskRef, remaining: Count }),
    example: { subjectType: "CANCELLATION", subjectId: "cm9req01", taskId: "cm9appr01", level: "SUPERVISOR", rule: "STAGE_RELEASED", remaining: 0 },
  }),
  defineEvent({
    type: "ApprovalTaskAutoApproved",
    version: 1,
    aggregate: "Order",
    description: "An approval task was not decided in time and its rule approves on expiry.",
    payload: z.strictObject({ ...TaskRef, remaining: Count }),
    example: { subjectType: "CANCELLATION", subjectId: "cm9req01", taskId: "cm9appr01", level: "MANAGER", rule: "cm9rule01", remaining: 0 },
  }),
  defineEvent({
    type: "ApprovalTaskExpired",
    version: 1,
    aggregate: "Order",
    description: "An approval task was not decided in time (followed by an escalation, or by the subject expiring).",
    payload: z.strictObject(TaskRef),
    example: { subjectType: "CANCELLATION", subjectId: "cm9req01", taskId: "cm9appr01", level: "SUPERVISOR", rule: "STAGE_RELEASED" },
  }),
  defineEvent({
    type: "ApprovalTaskEscalated",
    version: 1,
    aggregate: "Order",
    description: "An expired approval task was replaced by a pending task one level up.",
    payload: z.strictObject({ ...TaskRef, newTaskId: Id, newLevel: Level }),
    example: { subjectType: "CANCELLATION", subjectId: "cm9req01", taskId: "cm9appr01", level: "SUPERVISOR", rule: "STAGE_RELEASED", newTaskId: "cm9appr02", newLevel: "MANAGER" },
  }),
  defineEvent({
    type: "FalloutCaseOpened",
    version: 1,
    aggregate: "Order",
    description: "A compensation step could not be finished automatically (or failed, or is overdue) and went to OPS as a fallout case; also written when a case reopens.",
    payload: z.strictObject({ falloutCaseId: Id, number: z.string().min(1), compensationTaskId: Id, cancellationRequestId: Id.nullable(), reason: z.string() }),
    example: { falloutCaseId: "cm9case01", number: "FO-000003", compensationTaskId: "cm9task01", cancellationRequestId: "cm9req01", reason: "refund failed 3 times: CARD 4400: declined" },
  }),
  defineEvent({
    type: "FalloutCaseRetried",
    version: 1,
    aggregate: "Order",
    description: "OPS retries the case's step: an automatic step runs again at once, a manual one goes back to the store.",
    payload: z.strictObject(CaseRef),
    example: { falloutCaseId: "cm9case01", number: "FO-000003", compensationTaskId: "cm9task01" },
  }),
  defineEvent({
    type: "FalloutCaseResolved",
    version: 1,
    aggregate: "Order",
    description:
      "The case is settled: OPS resolved it with `evidence` (a refund is then booked as paid manually, `refundedManually`), or its step got done after all (`resolution`).",
    payload: z.strictObject({
      ...CaseRef,
      resolution: z.string().optional(),
      evidence: z.string().optional(),
      refundedManually: Minor.optional(),
    }),
    example: { falloutCaseId: "cm9case01", number: "FO-000003", compensationTaskId: "cm9task01", evidence: "Refunded by bank transfer, ref 8812", refundedManually: 4400 },
  }),
  defineEvent({
    type: "FalloutCaseAbandoned",
    version: 1,
    aggregate: "Order",
    description: "OPS gave up on the case's step, with a reason; the request ends PARTIALLY_COMPLETED.",
    payload: z.strictObject({ ...CaseRef, reason: z.string().min(1) }),
    example: { falloutCaseId: "cm9case01", number: "FO-000003", compensationTaskId: "cm9task01", reason: "Customer accepted store credit instead" },
  }),
  defineEvent({
    type: "InventoryAdjusted",
    version: 1,
    aggregate: "InventorySupply",
    description: "On-hand stock of a SKU at a location was changed by hand (receipt or adjustment); the balances after the change.",
    payload: z.strictObject({
      sku: z.string().min(1),
      locationCode: z.string().min(1),
      quantity: z.number().int().meta({ description: "the change of on-hand units (negative takes away)" }),
      reason: z.string(),
      onHand: Count,
      allocated: Count,
    }),
    example: { sku: "SKU-MUG", locationCode: "DC-EAST", quantity: 50, reason: "RECEIPT", onHand: 550, allocated: 5 },
  }),
  defineEvent({
    type: "PointsAccountOpened",
    version: 1,
    aggregate: "PointsAccount",
    description: "A loyalty points account was opened for an email, with its deduction order.",
    payload: z.strictObject({ accountId: Id, ownerEmail: z.string().min(1), deductionOrder: z.enum(DEDUCTION_ORDERS) }),
    example: { accountId: "cm9acct01", ownerEmail: "buyer@demo.test", deductionOrder: "FIFO" },
  }),
  defineEvent({
    type: "PointsDeposited",
    version: 1,
    aggregate: "PointsTransaction",
    description: "Points were deposited into a program of an account, expiring on a date.",
    payload: z.strictObject({ accountId: Id, transactionId: Id, programId: z.string().min(1), points: Units, expiresAt: z.string().min(1).meta({ description: "a date such as 2018-07-31" }) }),
    example: { accountId: "cm9acct01", transactionId: "cm9ptx01", programId: "LOYALTY", points: 1000, expiresAt: "2018-07-31" },
  }),
  defineEvent({
    type: "PointsWithdrawn",
    version: 1,
    aggregate: "PointsTransaction",
    description: "Points were withdrawn from an account's active deposits in its deduction order; `allocations` says which deposits gave how many.",
    payload: z.strictObject({ accountId: Id, transactionId: Id, points: Units, allocations: z.array(z.object({ depositId: Id, points: Units })).min(1) }),
    example: { accountId: "cm9acct01", transactionId: "cm9ptx02", points: 300, allocations: [{ depositId: "cm9ptx01", points: 300 }] },
  }),
  defineEvent({
    type: "PointsRefunded",
    version: 1,
    aggregate: "PointsCancellation",
    description: "Part of a withdrawal was given back (a partial cancellation), as new deposits in reverse deduction order.",
    payload: z.strictObject({ cancellationId: Id, withdrawTransactionId: Id, sourceTransactionId: z.string().min(1), points: Units }),
    example: { cancellationId: "cm9pcx01", withdrawTransactionId: "cm9ptx02", sourceTransactionId: "cm9req01", points: 120 },
  }),
] as const;

type Definitions = (typeof EVENT_DEFINITIONS)[number];
/** Every catalogued event type. */
export type EventType = Definitions["type"];
export type EventDefinitionOf<K extends EventType> = Extract<Definitions, { type: K }>;
/** What a command passes as an event's payload (the writers add the envelope fields it leaves out). */
export type EventPayloadInput<K extends EventType> = z.input<EventDefinitionOf<K>["payload"]> & Partial<z.input<z.ZodObject<typeof ORDER_ENVELOPE>>>;

/** The catalog by type. Built once; two definitions of one type are a programming error. */
export const EVENT_CATALOG: Readonly<Record<EventType, Definitions>> = Object.freeze(
  EVENT_DEFINITIONS.reduce(
    (catalog, def) => {
      if (catalog[def.type]) throw new Error(`Event type ${def.type} is defined twice in the catalog`);
      catalog[def.type] = def;
      return catalog;
    },
    {} as Record<EventType, Definitions>,
  ),
);

export function eventDefinition(type: string): EventDefinition | undefined {
  return Object.hasOwn(EVENT_CATALOG, type) ? EVENT_CATALOG[type as EventType] : undefined;
}

const storedSchemas = new Map<EventDefinition, z.ZodObject>();

/**
 * The schema of a payload as stored in the outbox: the event's fields plus the envelope, nothing
 * else. Built once per event type: every command validates its events with it, and a fresh zod
 * schema would be compiled again on each write.
 */
export function storedPayloadSchema(def: EventDefinition): z.ZodObject {
  let schema = storedSchemas.get(def);
  if (!schema) {
    schema = def.payload.extend({ ...(def.aggregate === "Order" ? ORDER_ENVELOPE : {}), ...EVENT_ENVELOPE }).strict();
    storedSchemas.set(def, schema);
  }
  return schema;
}

/** The example payload as stored (and delivered as `data`): envelope values filled in. */
export function storedExample(def: EventDefinition): Record<string, unknown> {
  const order = def.aggregate === "Order" ? { orderId: "cm9order01", orderVersion: 7 } : {};
  return { ...order, ...(def.example as Record<string, unknown>), actorId: "cm9user01", eventVersion: def.version };
}
