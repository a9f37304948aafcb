// Events of stock changed by hand.
import { z } from "zod";
import { defineEvent, Count } from "../event-definition.ts";

export const INVENTORY_EVENTS = [
  defineEvent({
    type: "InventoryAdjusted",
    version: 1,
    aggregate: "InventorySupply",
    description: "On-hand stock of a SKU at a location was changed by hand (receipt or adjustment); the balances after the change.",
    payload: z.strictObject({
      sku: z.string().min(1),
      locationCode: z.string().min(1),
      quantity: z.number().int().meta({ description: "the change of on-hand units (negative takes away)" }),
      reason: z.string(),
      onHand: Count,
      allocated: Count,
    }),
    example: { sku: "SKU-MUG", locationCode: "DC-EAST", quantity: 50, reason: "RECEIPT", onHand: 550, allocated: 5 },
  }),
] as const;
