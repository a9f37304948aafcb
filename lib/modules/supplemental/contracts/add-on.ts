import { z } from "zod";
import { Code, MinorUnits, PositiveQuantity } from "../../../platform/contracts/common.ts";
import { TENDER_METHODS } from "../../../platform/money/payments.ts";

// The buyer's add-on order: more units of the order's own items, paid as the order was paid.

export const AddOnOrder = z.object({
  reasonCode: z.string().trim().min(1, "Choose a reason").max(64),
  lines: z
    .array(z.object({ sku: Code, quantity: PositiveQuantity }))
    .min(1, "Choose how many units of at least one item to add")
    .max(500),
  payment: z.object({ method: z.enum(TENDER_METHODS), amount: MinorUnits }),
});
export type AddOnOrderInput = z.infer<typeof AddOnOrder>;
