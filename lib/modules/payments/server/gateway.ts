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

/** A charge of more money to a tender (an amendment adds units or raises a price). */
export type ChargeCall = RefundCall;
export type ChargeOutcome = RefundOutcome;

export interface PaymentGateway {
  readonly name: string;
  refund(call: RefundCall): Promise<RefundOutcome>;
  /** Same contract as refunds: a retried call with the same key never charges twice; TIMEOUT = outcome unknown. */
  charge(call: ChargeCall): Promise<ChargeOutcome>;
}

/** Makes the gateway that refunds and charges go through for a database. */
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
