"use server";
// Server action of the buyer's add-on page, through the action wrapper (lib/platform/actions/define-action.ts):
// the add-on order, pinned to the order version the page showed its prices at, then back to the order.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { AddOnOrder } from "@/lib/modules/supplemental/contracts/add-on";
import { createAddOnOrder } from "@/lib/modules/supplemental/server/add-on-order";
import { defineAction, FormId, FormVersion, pagesShowing, redirectTo } from "@/lib/platform/actions/define-action";
import { friendlyErrors } from "@/lib/platform/actions/action-result";
import { addOnFieldOf, addOnFromForm } from "@/lib/ui/add-on-form";

/** Places the add-on order as shown (items, total, payment); the order page then confirms it. */
export const createAddOnAction = defineAction({
  name: "createAddOnOrder",
  ref: z.object({ orderId: FormId, expectedVersion: FormVersion }),
  input: addOnFromForm,
  schema: AddOnOrder,
  errorMap: (issue) => (issue.path?.at(-1) === "reasonCode" && issue.code === "invalid_type" ? "Choose a reason" : friendlyErrors(issue)),
  toField: (path, raw) => addOnFieldOf(path, raw),
  messages: { CONFLICT: true, NOT_FOUND: "This order is no longer available to you." },
  run: (actor, input, ref) => createAddOnOrder(db(), actor, ref.orderId, input, { expectedVersion: ref.expectedVersion }),
  revalidate: ({ ref, result }) => [...pagesShowing.order(ref.orderId), `/orders/${ref.orderId}/add-on`, ...pagesShowing.order(result.id)],
  onSuccess: (order, { ref }) => redirectTo(`/orders/${encodeURIComponent(ref.orderId)}?addOn=${encodeURIComponent(order.number)}`),
});
