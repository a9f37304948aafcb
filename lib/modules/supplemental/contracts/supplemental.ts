import { z } from "zod";
import { IntakeLine, IntakePayment } from "../../orders/contracts/orders.ts";

// API "Supplemental and return orders": a new order linked to an earlier one.

export const SUPPLEMENTAL_TYPES = ["ADD_ON", "REPLACEMENT", "BILLING_ADJUSTMENT"] as const;

export const CreateSupplementalOrder = z
  .object({
    type: z.enum(SUPPLEMENTAL_TYPES),
    reasonCode: z.string().trim().min(1, "a reason code is required").max(64),
    lines: z
      .array(
        IntakeLine.extend({
          replacesOrderLineId: z.string().trim().min(1).max(100).optional().describe("REPLACEMENT: the original line whose shipped units this replaces"),
          targetAssetId: z.string().trim().min(1).max(100).optional().describe("An asset of the buyer this line modifies or disconnects (one in-flight order per asset)"),
          assetAction: z.enum(["MODIFY", "DISCONNECT"]).optional(),
        }),
      )
      .max(500)
      .default([]),
    amount: z.number().int().optional().describe("BILLING_ADJUSTMENT: a charge (+) or a goodwill credit (−), in minor units"),
    payments: z.array(IntakePayment).max(20).default([]),
  })
  .meta({ id: "CreateSupplementalOrder" });
export type CreateSupplementalOrderInput = z.infer<typeof CreateSupplementalOrder>;
