import type { Tx } from "../../../platform/db/client.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { LockedOrder } from "../../orders/server/order-command.ts";

/**
 * What takes back the shipped or delivered units of an executing cancellation request: the returns
 * feature registers it through lib/wiring.ts (cancellations know no returns of their own). Returns
 * the return it created, or null.
 */
export type ReturnTaker = (
  tx: Tx,
  actor: Actor,
  order: LockedOrder,
  input: { cancellationRequestId: string; reasonCode: string; reasonText?: string; lines: readonly { orderLineId: string; quantity: number }[] },
) => Promise<{ id: string; number: string } | null>;

// Per process, on globalThis: Next.js may load this module more than once (see jobs/registry.ts).
const slot = globalThis as unknown as { countermandReturnTaker?: ReturnTaker };

export function registerReturnTaker(taker: ReturnTaker): void {
  slot.countermandReturnTaker = taker;
}

export function returnTaker(): ReturnTaker | undefined {
  return slot.countermandReturnTaker;
}
