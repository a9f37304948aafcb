import type { Db, Tx } from "../../../platform/db/client.ts";
import { systemActor } from "../../../platform/auth/system-actor.ts";
import type { FieldError } from "../../../platform/errors.ts";
import type { ChargeCall, ChargeOutcome, PaymentGateway, RefundCall, RefundOutcome } from "../../payments/server/gateway.ts";
import { refundPointsTender } from "./partial-cancellation.ts";

/**
 * Checks, at order intake, that a POINTS tender's withdrawal may pay for the order: it exists,
 * belongs to the buyer's points account, has not been partly refunded and pays no other tender
 * (payment_tenders.pointsWithdrawTransactionId is also unique). Returns field errors, never throws.
 */
export async function checkPointsTender(tx: Tx, withdrawalId: string, buyerEmail: string, path: string): Promise<FieldError[]> {
  // Take the withdrawal's row first (as a partial cancellation does), so on PostgreSQL a concurrent
  // direct cancellation either lands before this check sees it or sees this order's tender.
  await tx.pointsTransaction.updateMany({ where: { id: withdrawalId, type: "WITHDRAWAL" }, data: { pointsCanceled: { increment: 0 } } });
  const w = await tx.pointsTransaction.findFirst({ where: { id: withdrawalId, type: "WITHDRAWAL" }, include: { account: true } });
  if (!w || w.account.ownerEmail !== buyerEmail.toLowerCase()) return [{ path, message: `no points withdrawal ${withdrawalId} of ${buyerEmail}` }];
  if (w.pointsCanceled > 0) return [{ path, message: "the withdrawal has already been partly refunded" }];
  const used = await tx.paymentTender.findUnique({ where: { pointsWithdrawTransactionId: withdrawalId }, select: { id: true } });
  if (used) return [{ path, message: "the withdrawal already pays another order" }];
  return [];
}

/**
 * A gateway that sends refunds of POINTS tenders back through the points engine and everything
 * else to the wrapped gateway. The points refund is a partial cancellation of the tender's
 * withdrawal with sourceTransactionId = the cancellation request's id (from the financial
 * adjustment the idempotency key names) as its reference and the idempotency key (the refund's
 * cause key) as its unique causeKey, so a retried call returns the first result.
 */
export class PointsTenderGateway implements PaymentGateway {
  readonly name: string;
  constructor(
    private readonly db: Db,
    private readonly inner: PaymentGateway,
  ) {
    this.name = `points+${inner.name}`;
  }

  async refund(call: RefundCall): Promise<RefundOutcome> {
    if (call.tenderMethod !== "POINTS") return this.inner.refund(call);
    const tender = await this.db.paymentTender.findUnique({ where: { id: call.tenderId } });
    if (!tender?.pointsWithdrawTransactionId) return { ok: false, kind: "DECLINED", reason: "the POINTS tender references no points withdrawal" };
    const adjustment = await this.db.financialAdjustment.findUnique({ where: { causeKey: call.idempotencyKey }, select: { causeId: true } });
    try {
      const result = await refundPointsTender(this.db, systemActor("Countermand refunds"), {
        tenderId: tender.id,
        withdrawalId: tender.pointsWithdrawTransactionId,
        tenderAmount: tender.amount,
        amount: call.amount,
        sourceTransactionId: adjustment?.causeId ?? call.idempotencyKey,
        causeKey: call.idempotencyKey,
      });
      return { ok: true, reference: `pts_${result.id}` };
    } catch (e) {
      return { ok: false, kind: "TRANSIENT", reason: `points refund failed: ${(e as Error).message}` };
    }
  }

  /** A points withdrawal pays a fixed number of points: more cannot be charged to it (the buyer pays a difference another way). */
  async charge(call: ChargeCall): Promise<ChargeOutcome> {
    if (call.tenderMethod !== "POINTS") return this.inner.charge(call);
    return { ok: false, kind: "DECLINED", reason: "a points tender cannot be charged more; pay the difference with another payment method" };
  }
}

export function withPointsTender(db: Db, gateway: PaymentGateway): PaymentGateway {
  return new PointsTenderGateway(db, gateway);
}
