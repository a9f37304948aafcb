// Events of loyalty points accounts: opened, deposits, withdrawals and partial refunds.
import { z } from "zod";
import { DEDUCTION_ORDERS } from "../../../points/domain/points.ts";
import { defineEvent, Id, Units } from "../event-definition.ts";

export const POINTS_EVENTS = [
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
