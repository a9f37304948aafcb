// The fulfilment steps a line offers right now, read from the domain's transition table: a step is
// offered when its `from` bucket holds units. The command still re-checks everything.
import { FULFILMENT_EVENTS, FULFILMENT_TRANSITIONS, type FulfilmentEventType } from "../modules/orders/domain/buckets.ts";
import type { LineQuantities } from "./line-progress.ts";

export const STEP_WORDS: Readonly<Record<FulfilmentEventType, { verb: string; past: string }>> = {
  ALLOCATE: { verb: "Allocate", past: "allocated" },
  RELEASE: { verb: "Release", past: "released" },
  PICK: { verb: "Pick", past: "picked" },
  PACK: { verb: "Pack", past: "packed" },
  SHIP: { verb: "Ship", past: "shipped" },
  DELIVER: { verb: "Deliver", past: "delivered" },
};

export interface FulfilmentStep {
  type: FulfilmentEventType;
  verb: string;
  past: string;
  /** Lower-case name of the bucket the units come from ("open", "packed" …). */
  fromLabel: string;
  toLabel: string;
  available: number;
}

export function availableSteps(q: LineQuantities): FulfilmentStep[] {
  return FULFILMENT_EVENTS.flatMap((type) => {
    const { from, to } = FULFILMENT_TRANSITIONS[type];
    const available = q[from.toLowerCase() as keyof LineQuantities] ?? 0;
    if (available <= 0) return [];
    return [{ type, ...STEP_WORDS[type], fromLabel: from.toLowerCase(), toLabel: to.toLowerCase(), available }];
  });
}
