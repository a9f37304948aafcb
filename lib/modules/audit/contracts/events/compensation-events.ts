// Events of the compensation steps after a cancellation: refunds, manual steps and how the request settles.
import { z } from "zod";
import { CauseIds, defineEvent, Id, Minor, Settled } from "../event-definition.ts";

export const COMPENSATION_EVENTS = [
  defineEvent({
    type: "PaymentRefundProcessed",
    version: 2,
    aggregate: "Order",
    description: "The refund owed for a request was paid back to the original tenders. Version 2: the request is a cancellation (`cancellationRequestId`) or an amendment (`amendmentRequestId`, cancellation id null).",
    payload: z.strictObject({ ...CauseIds, amount: Minor }),
    example: { cancellationRequestId: "cm9req01", amount: 4400 },
  }),
  defineEvent({
    type: "PaymentRefundFailed",
    version: 2,
    aggregate: "Order",
    description: "A refund attempt failed; `outcomeUnknown` means the processor's answer was lost and the same refund will be asked again. Version 2: a cancellation's or an amendment's refund (as PaymentRefundProcessed).",
    payload: z.strictObject({ ...CauseIds, failures: z.array(z.string()).min(1), outcomeUnknown: z.boolean() }),
    example: { cancellationRequestId: "cm9req01", failures: ["CARD 4400: declined"], outcomeUnknown: false },
  }),
  defineEvent({
    type: "CompensationTaskCompleted",
    version: 1,
    aggregate: "Order",
    description: "A manual compensation step (recall from warehouse, return to stock) was confirmed done.",
    payload: z.strictObject({ compensationTaskId: Id, taskType: z.string().min(1), ...CauseIds }),
    example: { compensationTaskId: "cm9task01", taskType: "RECALL_FROM_WAREHOUSE", cancellationRequestId: "cm9req01" },
  }),
  defineEvent({
    type: "CompensationTaskFailed",
    version: 1,
    aggregate: "Order",
    description: "A manual compensation step was reported failed; a fallout case opens for it.",
    payload: z.strictObject({ compensationTaskId: Id, taskType: z.string().min(1), ...CauseIds }),
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
] as const;
