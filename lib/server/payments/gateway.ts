import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.ts";
import { withPointsTender } from "../points/points-tender.ts";

export interface RefundCall {
  /** Stable per refund: a retried call with the same key must not refund twice. */
  idempotencyKey: string;
  orderId: string;
  tenderId: string;
  tenderMethod: string;
  amount: number;
  currency: string;
}

export type RefundOutcome =
  | { ok: true; reference: string }
  | { ok: false; reason: string; kind: "DECLINED" | "TIMEOUT" | "TRANSIENT" };

/** What Countermand needs from a payment service provider. */
export interface PaymentGateway {
  readonly name: string;
  refund(call: RefundCall): Promise<RefundOutcome>;
}

export type GatewayFailMode = "DECLINE" | "TIMEOUT" | "TRANSIENT";

/**
 * The built-in gateway: a real implementation for the embedded default and for tests. It keeps its
 * own ledger of refunds (gateway_refunds, unique per idempotency key, so a retry returns the first
 * result), and can be told to fail the next N refunds of an order (gateway_controls).
 */
export class BuiltInGateway implements PaymentGateway {
  readonly name = "built-in";
  constructor(private readonly db: Db) {}

  async refund(call: RefundCall): Promise<RefundOutcome> {
    if (!Number.isSafeInteger(call.amount) || call.amount <= 0) return { ok: false, kind: "DECLINED", reason: "invalid amount" };
    const existing = await this.db.gatewayRefund.findUnique({ where: { idempotencyKey: call.idempotencyKey } });
    if (existing) return { ok: true, reference: existing.reference };
    const control = await this.db.gatewayControl.findUnique({ where: { orderId: call.orderId } });
    if (control && control.remainingFailures > 0) {
      await this.db.gatewayControl.updateMany({
        where: { orderId: call.orderId, remainingFailures: { gt: 0 } },
        data: { remainingFailures: { decrement: 1 } },
      });
      const kind = control.failMode as GatewayFailMode;
      const reason = kind === "DECLINE" ? "refund declined by the payment processor" : kind === "TIMEOUT" ? "payment processor timed out" : "payment processor unavailable";
      return { ok: false, kind: kind === "DECLINE" ? "DECLINED" : kind, reason };
    }
    const reference = `bgw_${randomBytes(12).toString("hex")}`;
    try {
      const row = await this.db.gatewayRefund.create({
        data: { idempotencyKey: call.idempotencyKey, reference, orderId: call.orderId, tenderId: call.tenderId, amount: call.amount },
      });
      return { ok: true, reference: row.reference };
    } catch {
      // A concurrent call with the same key won the insert: report its result.
      const row = await this.db.gatewayRefund.findUnique({ where: { idempotencyKey: call.idempotencyKey } });
      return row ? { ok: true, reference: row.reference } : { ok: false, kind: "TRANSIENT", reason: "could not record the refund" };
    }
  }
}

/** Makes the built-in gateway fail the next `times` refunds of an order (for tests and drills). */
export async function failNextRefunds(db: Db, orderId: string, mode: GatewayFailMode, times: number) {
  await db.gatewayControl.upsert({
    where: { orderId },
    create: { orderId, failMode: mode, remainingFailures: times },
    update: { failMode: mode, remainingFailures: times },
  });
}

/** The built-in gateway, with POINTS tenders refunded through the points engine. */
export function defaultGateway(db: Db): PaymentGateway {
  return withPointsTender(db, new BuiltInGateway(db));
}
