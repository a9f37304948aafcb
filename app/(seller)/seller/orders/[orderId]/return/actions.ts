"use server";
// Server actions of the store's return page (lib/platform/actions/define-action.ts): the same
// preview and request as the buyer's, back to the store's order page.
import type { ReturnAssessment } from "@/lib/modules/returns/domain/assess-return";
import { defineAction, redirectTo, type Redirect } from "@/lib/platform/actions/define-action";
import { previewReturnParts, requestReturnParts } from "@/components/returns/return-actions";

export const previewReturnAction = defineAction({
  ...previewReturnParts,
  onSuccess: (assessment) => ({ ok: true, data: assessment }),
});

export const requestReturnAction = defineAction({
  ...requestReturnParts,
  onSuccess: (r, { ref }): { ok: true; data: ReturnAssessment } | Redirect => redirectTo(`/seller/orders/${encodeURIComponent(ref.orderId)}?return=${encodeURIComponent(r.number)}`),
});
