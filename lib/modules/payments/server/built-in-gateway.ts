import { randomBytes } from "node:crypto";
import type { Db } from "../../../platform/db/client.ts";
import type { ChargeCall, ChargeOutcome, PaymentGateway, RefundCall, RefundOutcome } from "./gateway.ts";

export type GatewayFailMode = "DECLINE" | "TIMEOUT" | "TRANSIENT";
type Operation = "refund" | "charge";

/** A row of one of the gateway's own ledgers (gateway_refunds, gateway_charges). */
interface LedgerRow {
  reference: string;
}
interface Ledger {
  find(idempotencyKey: string): Promise<LedgerRow | null>;
  create(call: RefundCall, reference: string): Promise<LedgerRow>;
}

/**
 * The built-in gateway: a real implementation for the embedded default and for tests. It keeps its
 * own ledgers of refunds and charges (gateway_refunds, gateway_charges, unique per idempotency key,
 * so a retry returns the first result), and can be told to fail (gateway_controls) the next N
 * refunds or charges of one order, of any order, or one particular call (by idempotency key). A
 * TIMEOUT failure is a lost response: the money moves and is recorded, but the caller hears
 * nothing — only a retry with the same key learns it.
 */
export class BuiltInGateway implements PaymentGateway {
  readonly name = "built-in";
  private readonly ledgers: Record<Operation, Ledger>;

  constructor(private readonly db: Db) {
    this.ledgers = {
      refund: {
        find: (key) => db.gatewayRefund.findUnique({ where: { idempotencyKey: key } }),
        create: (c, reference) => db.gatewayRefund.create({ data: { idempotencyKey: c.idempotencyKey, reference, orderId: c.orderId, tenderId: c.tenderId, amount: c.amount } }),
      },
      charge: {
        find: (key) => db.gatewayCharge.findUnique({ where: { idempotencyKey: key } }),
        create: (c, reference) => db.gatewayCharge.create({ data: { idempotencyKey: c.idempotencyKey, reference, orderId: c.orderId, tenderId: c.tenderId, amount: c.amount } }),
      },
    };
  }

  /** Takes one failure from the first control that matches this call (call, then order, then any). */
  private async takeFailure(op: Operation, call: RefundCall): Promise<GatewayFailMode | null> {
    const targets = [callTarget(call.idempotencyKey), orderTarget(op, call.orderId), orderTarget(op, ANY_ORDER)];
    // One read for the three places a drill may be set; almost always none is.
    const armed = await this.db.gatewayControl.findMany({ where: { orderId: { in: targets }, remainingFailures: { gt: 0 } }, select: { orderId: true, failMode: true } });
    for (const target of targets) {
      const control = armed.find((c) => c.orderId === target);
      if (!control) continue;
      const { count } = await this.db.gatewayControl.updateMany({
        where: { orderId: target, remainingFailures: { gt: 0 } },
        data: { remainingFailures: { decrement: 1 } },
      });
      if (count === 1) return control.failMode as GatewayFailMode;
    }
    return null;
  }

  private async record(op: Operation, call: RefundCall): Promise<RefundOutcome> {
    const ledger = this.ledgers[op];
    try {
      const row = await ledger.create(call, `bgw_${randomBytes(12).toString("hex")}`);
      return { ok: true, reference: row.reference };
    } catch {
      // A concurrent call with the same key won the insert: report its result.
      const row = await ledger.find(call.idempotencyKey);
      return row ? { ok: true, reference: row.reference } : { ok: false, kind: "TRANSIENT", reason: `could not record the ${op}` };
    }
  }

  private async move(op: Operation, call: RefundCall): Promise<RefundOutcome> {
    if (!Number.isSafeInteger(call.amount) || call.amount <= 0) return { ok: false, kind: "DECLINED", reason: "invalid amount" };
    const existing = await this.ledgers[op].find(call.idempotencyKey);
    if (existing) return { ok: true, reference: existing.reference };
    const kind = await this.takeFailure(op, call);
    if (kind === "TIMEOUT") {
      await this.record(op, call);
      return { ok: false, kind: "TIMEOUT", reason: "payment processor timed out (outcome unknown)" };
    }
    if (kind) {
      const reason = kind === "DECLINE" ? `${op} declined by the payment processor` : "payment processor unavailable";
      return { ok: false, kind: kind === "DECLINE" ? "DECLINED" : kind, reason };
    }
    return this.record(op, call);
  }

  refund(call: RefundCall): Promise<RefundOutcome> {
    return this.move("refund", call);
  }

  charge(call: ChargeCall): Promise<ChargeOutcome> {
    return this.move("charge", call);
  }
}

const ANY_ORDER = "*";
const callTarget = (idempotencyKey: string) => `call:${idempotencyKey}`;
/** Refund controls keep their original targets (order id, "*"); charge controls are prefixed. */
const orderTarget = (op: Operation, orderId: string) => (op === "refund" ? orderId : `charge:${orderId}`);

async function setControl(db: Db, target: string, mode: GatewayFailMode, times: number) {
  await db.gatewayControl.upsert({
    where: { orderId: target },
    create: { orderId: target, failMode: mode, remainingFailures: times },
    update: { failMode: mode, remainingFailures: times },
  });
}

/** Makes the built-in gateway fail the next `times` refunds of an order (for tests and drills). */
export function failNextRefunds(db: Db, orderId: string, mode: GatewayFailMode, times: number) {
  return setControl(db, orderTarget("refund", orderId), mode, times);
}

/** Makes the built-in gateway fail the next `times` refund calls, whatever the order. */
export function failNextRefundCalls(db: Db, mode: GatewayFailMode, times: number) {
  return setControl(db, orderTarget("refund", ANY_ORDER), mode, times);
}

/** Makes one particular refund or charge call (its idempotency key) fail the next `times` it is made. */
export function failRefundCall(db: Db, idempotencyKey: string, mode: GatewayFailMode, times = 1) {
  return setControl(db, callTarget(idempotencyKey), mode, times);
}

/** Makes the built-in gateway fail the next `times` charges of an order. */
export function failNextCharges(db: Db, orderId: string, mode: GatewayFailMode, times: number) {
  return setControl(db, orderTarget("charge", orderId), mode, times);
}

/** The gateway is healthy again: removes every failure control. */
export async function healGateway(db: Db) {
  await db.gatewayControl.deleteMany({});
}
