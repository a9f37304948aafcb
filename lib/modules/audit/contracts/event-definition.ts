// What an outbox event definition is (lib/modules/audit/contracts/events.ts lists them all), the
// envelope fields the writers add to every payload, and the field schemas the definitions share.
import { z } from "zod";
import { APPROVER_LEVELS } from "../../../platform/auth/permissions.ts";
import { CANCELLATION_REQUEST_STATUSES } from "../../cancellations/domain/request-status.ts";

/** What an event belongs to; its (aggregate, id, sequence) is unique in the outbox. */
export const EVENT_AGGREGATES = ["Order", "PointsAccount", "PointsTransaction", "PointsCancellation", "InventorySupply"] as const;
export type EventAggregate = (typeof EVENT_AGGREGATES)[number];

/** Field schemas the definitions share. */
export const Id = z.string().min(1);
export const Count = z.number().int().nonnegative();
export const Units = z.number().int().positive();
export const Minor = z.number().int().meta({ description: "money in the order currency's minor unit" });
export const Level = z.enum(APPROVER_LEVELS);
export const RequestStatus = z.enum(CANCELLATION_REQUEST_STATUSES);
export const LineQuantity = z.object({ orderLineId: Id, quantity: Units });
export const Refund = z.object({ merchandise: Minor, tax: Minor, shipping: Minor, discount: Minor, total: Minor });
export const TaskRef = { subjectType: z.string().min(1).meta({ description: "what the task approves, e.g. CANCELLATION" }), subjectId: Id, taskId: Id, level: Level, rule: z.string().min(1).meta({ description: "the approval rule's id, or a built-in rule's key" }) };
/** A decision on a subject's approval tasks: which tasks the approver signed (or rejected), at which levels, and how many are still pending. */
export const DecisionRef = {
  subjectType: TaskRef.subjectType,
  subjectId: Id,
  taskIds: z.array(Id).min(1),
  levels: z.array(Level).min(1),
  remaining: Count,
  comment: z.string().nullable(),
};
export const CaseRef = { falloutCaseId: Id, number: z.string().min(1), compensationTaskId: Id.nullable() };
/** The change a refund, compensation step or fallout case belongs to: a cancellation request, or (cancellation id null) an amendment request or a return. */
export const CauseIds = { cancellationRequestId: Id.nullable(), amendmentRequestId: Id.optional(), returnId: Id.optional(), supplementalOrderId: Id.optional() };
export const Settled = { cancellationRequestId: Id, from: RequestStatus, to: RequestStatus };

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

export function defineEvent<const T extends string, P extends z.ZodObject>(def: EventDefinition<T, P>): EventDefinition<T, P> {
  return def;
}
