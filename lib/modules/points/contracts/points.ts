import { z } from "zod";
import { DEDUCTION_ORDERS, MAX_POINTS } from "../domain/points.ts";

/** A whole, positive number of points. */
export const Points = z
  .number()
  .int("must be a whole number of points")
  .positive("must be at least 1 point")
  .max(MAX_POINTS, `must be at most ${MAX_POINTS}`);
const Id = z.string().trim().min(1, "is required").max(100);
/** An instant with an offset, e.g. 2018-01-02T00:00:00Z. */
const Instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 timestamp such as 2018-01-02T00:00:00Z" });
/** A calendar day, e.g. 2018-07-31 (points expire at its start, UTC). */
const Day = z.iso.date({ message: "must be a date such as 2018-07-31" });

export const CreatePointsAccount = z
  .object({
    ownerEmail: z.email().max(254),
    deductionOrder: z.enum(DEDUCTION_ORDERS).default("FIFO"),
  })
  .meta({ id: "CreatePointsAccount" });
export type CreatePointsAccountInput = z.infer<typeof CreatePointsAccount>;

export const PointsDeposit = z
  .object({
    programId: Id,
    points: Points,
    expiresAt: Day,
    effectiveAt: Instant.optional(),
    sourceTransactionId: Id.optional(),
  })
  .meta({ id: "PointsDeposit" });
export type PointsDepositInput = z.infer<typeof PointsDeposit>;

export const PointsWithdrawal = z
  .object({
    points: Points,
    sourceTransactionId: Id.optional(),
    effectiveAt: Instant.optional(),
  })
  .meta({ id: "PointsWithdrawal" });
export type PointsWithdrawalInput = z.infer<typeof PointsWithdrawal>;

export const PointsPartialCancellation = z
  .object({
    withdrawTransactionId: Id,
    sourceTransactionId: Id,
    pointsToRefund: Points,
    effectiveAt: Instant.optional(),
  })
  .meta({ id: "PointsPartialCancellation" });
export type PointsPartialCancellationInput = z.infer<typeof PointsPartialCancellation>;

export const PointsAccountView = z
  .object({
    id: z.string(),
    ownerEmail: z.string(),
    deductionOrder: z.enum(DEDUCTION_ORDERS),
    balance: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "PointsAccount" });

export const PointsDepositView = z
  .object({
    transactionId: z.string(),
    accountId: z.string(),
    programId: z.string(),
    points: z.number().int(),
    remaining: z.number().int(),
    expiresAt: z.string(),
    effectiveAt: z.string(),
    sourceTransactionId: z.string().nullable(),
    refundsDepositTransactionId: z.string().nullable(),
  })
  .meta({ id: "PointsDepositResult" });

export const PointsWithdrawalResult = z
  .object({
    transactionId: z.string(),
    accountId: z.string(),
    points: z.number().int(),
    effectiveAt: z.string(),
    sourceTransactionId: z.string().nullable(),
    allocations: z.array(z.object({ depositTransactionId: z.string(), programId: z.string(), points: z.number().int() })),
  })
  .meta({ id: "PointsWithdrawalResult" });

export const PointsCancellationResult = z
  .object({
    id: z.string(),
    withdrawTransactionId: z.string(),
    sourceTransactionId: z.string(),
    pointsRefunded: z.number().int(),
    effectiveAt: z.string(),
    pointsWithdrawn: z.number().int(),
    pointsCanceled: z.number().int(),
    pointsCancelable: z.number().int(),
    deposits: z.array(
      z.object({
        transactionId: z.string(),
        programId: z.string(),
        points: z.number().int(),
        expiresAt: z.string(),
        sourceTransactionId: z.string(),
        refundsDepositTransactionId: z.string(),
      }),
    ),
  })
  .meta({ id: "PointsCancellationResult" });

export const PointsWithdrawalView = z
  .object({
    withdrawTransactionId: z.string(),
    accountId: z.string(),
    effectiveAt: z.string(),
    pointsWithdrawn: z.number().int(),
    pointsCanceled: z.number().int(),
    pointsCancelable: z.number().int(),
    allocations: z.array(
      z.object({
        depositTransactionId: z.string(),
        programId: z.string(),
        expiresAt: z.string(),
        pointsWithdrawn: z.number().int(),
        pointsCanceled: z.number().int(),
        pointsCancelable: z.number().int(),
      }),
    ),
  })
  .meta({ id: "PointsWithdrawalTotals" });

export const WithdrawTransactionId = z.object({ withdrawTransactionId: Id });
export const AccountId = z.object({ accountId: Id });
