"use server";
// Server action of the OPS inventory page: change on-hand stock through the inventory adjustment
// command (the same as POST /api/v1/inventory/adjustments).
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { InventoryAdjustment } from "@/lib/modules/orders/contracts/orders";
import { adjustInventory } from "@/lib/modules/inventory/server/adjust-inventory";
import { defineAction, pagesShowing, refuseForm } from "@/lib/platform/actions/define-action";
import { formText } from "@/lib/platform/actions/action-result";

export const adjustInventoryAction = defineAction({
  name: "adjustInventory",
  ref: z.object({}),
  input: (form) => {
    const quantity = formText(form, "quantity") ?? "";
    if (!/^[+-]?\d{1,8}$/.test(quantity)) return refuseForm({ quantity: "Enter a whole number of units, e.g. 10 or -3" });
    return { sku: formText(form, "sku") ?? "", locationCode: formText(form, "locationCode") ?? "", quantity: Number(quantity), reason: formText(form, "reason") ?? "ADJUSTMENT" };
  },
  schema: InventoryAdjustment,
  messages: { VALIDATION_FAILED: "Please correct the highlighted fields. Stock was not changed.", INSUFFICIENT_INVENTORY: true },
  run: (actor, input) => adjustInventory(db(), actor, input),
  revalidate: () => pagesShowing.inventory(),
  onSuccess: (s) => ({ ok: true, message: `${s.sku} at ${s.locationCode}: on hand ${s.onHand}, allocated ${s.allocated}, available ${s.available}.` }),
});
