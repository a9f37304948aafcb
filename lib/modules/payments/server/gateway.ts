import { randomBytes } from "node:crypto";
import type { Db } from "../../../platform/db/client.ts";

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
declare module "../../../platform/jobs/runner.ts" {
  interface JobServices {
    /** Injected payment gateway (tests, drills); handlers fall back to the default one. */
    gateway?: PaymentGateway;
  }
}

export interface PaymentGateway {
  readonly name: string;
  refund(call: RefundCall): Promise<RefundOutcome>;
}

export type GatewayFailMode = "DECLINE" | "TIMEOUT" | "TRANSIENT";

/**
 * The built-in gateway: a real implementation for the embedded default and for tests. It keeps its
 * own ledger of refunds (gateway_refunds, unique per idempotency key, so a retry returns the first
 * result), and can be told to fail (gateway_controls) the next N refunds of one order, of any order,
 * or one particular call (by idempotency key). A TIMEOUT failure is a lost response: the refund is
 * made and recorded, but the caller hears nothing — only a retry with the same key learns it.
 */
export class BuiltInGateway implements PaymentGateway {
  readonly name = "built-in";
  constructor(private readonly db: Db) {}

  /** Takes one failure from the first control that matches this call (call, then order, then any). */
  private async takeFailure(call: RefundCall): Promise<GatewayFailMode | null> {
    for (const target of [callTarget(call.idempotencyKey), call.orderId, ANY_CALL]) {
      const control = await this.db.gatewayControl.findUnique({ where: { orderId: target } });
      if (!control || control.remainingFailures <= 0) continue;
      const { count } = await this.db.gatewayControl.updateMany({
        where: { orderId: target, remainingFailures: { gt: 0 } },
        data: { remainingFailures: { decrement: 1 } },
      });
      if (count === 1) return control.failMode as GatewayFailMode;
    }
    return null;
  }

  private async record(call: RefundCall): Promise<RefundOutcome> {
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

  async refund(call: RefundCall): Promise<RefundOutcome> {
    if (!Number.isSafeInteger(call.amount) || call.amount <= 0) return { ok: false, kind: "DECLINED", reason: "invalid amount" };
    const existing = await this.db.gatewayRefund.findUnique({ where: { idempotencyKey: call.idempotencyKey } });
    if (existing) return { ok: true, reference: existing.reference };
    const kind = await this.takeFailure(call);
    if (kind === "TIMEOUT") {
      await this.record(call);
      return { ok: false, kind: "TIMEOUT", reason: "payment processor timed out (outcome unknown)" };
    }
    if (kind) {
      const reason = kind === "DECLINE" ? "refund declined by the payment processor" : "payment processor unavailable";
      return { ok: false, kind: kind === "DECLINE" ? "DECLINED" : kind, reason };
    }
    return this.record(call);
  }
}

const ANY_CALL = "*";
const callTarget = (idempotencyKey: string) => `call:${idempotencyKey}`;

async function setControl(db: Db, target: string, mode: GatewayFailMode, times: number) {
  await db.gatewayControl.upsert({
    where: { orderId: target },
    create: { orderId: target, failMode: mode, remainingFailures: times },
    update: { failMode: mode, remainingFailures: times },
  });
}

/** Makes the built-in gateway fail the next `times` refunds of an order (for tests and drills). */
export function failNextRefunds(db: Db, orderId: string, mode: GatewayFailMode, times: number) {
  return setControl(db, orderId, mode, times);
}

/** Makes the built-in gateway fail the next `times` refund calls, whatever the order. */
export function failNextRefundCalls(db: Db, mode: GatewayFailMode, times: number) {
  return setControl(db, ANY_CALL, mode, times);
}

/** Makes one particular refund call (its idempotency key) fail the next `times` it is made. */
export function failRefundCall(db: Db, idempotencyKey: string, mode: GatewayFailMode, times = 1) {
  return setControl(db, callTarget(idempotencyKey), mode, times);
}

/** The gateway is healthy again: removes every failure control. */
export async function healGateway(db: Db) {
  await db.gatewayControl.deleteMany({});
}

/** Makes the gateway refunds go through for a database. */
export type GatewayFactory = (db: Db) => PaymentGateway;

// Per process, on globalThis: Next.js may load this module more than once (see jobs/registry.ts).
const slot = globalThis as unknown as { countermandPaymentGateway?: GatewayFactory };

/** Sets the gateway refunds go through; the composition root (lib/wiring.ts) registers the default one. */
export function registerPaymentGateway(factory: GatewayFactory): void {
  slot.countermandPaymentGateway = factory;
}

/** The registered gateway for this database (commands and jobs may be handed another one instead). */
export function paymentGateway(db: Db): PaymentGateway {
  const factory = slot.countermandPaymentGateway;
  if (!factory) throw new Error("No payment gateway is registered: call wiring() (lib/wiring.ts) when the process starts");
  return factory(db);
}
