// Events of fallout cases: a compensation step handed to OPS, and what OPS did with it.
import { z } from "zod";
import { CauseIds, defineEvent, Id, Minor, CaseRef } from "../event-definition.ts";

export const FALLOUT_EVENTS = [
  defineEvent({
    type: "FalloutCaseOpened",
    version: 1,
    aggregate: "Order",
    description: "A compensation step could not be finished automatically (or failed, or is overdue) and went to OPS as a fallout case; also written when a case reopens.",
    payload: z.strictObject({ falloutCaseId: Id, number: z.string().min(1), compensationTaskId: Id, ...CauseIds, reason: z.string() }),
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
] as const;
