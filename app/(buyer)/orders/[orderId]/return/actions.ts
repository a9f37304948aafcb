"use server";
// Server actions of the buyer's return page, through the action wrapper (lib/platform/actions/define-action.ts):
// a preview of the refund, then the return as previewed, and back to the order.
import type { ReturnAssessment } from "@/lib/modules/returns/domain/assess-return";
import { defineAction, redirectTo, type Redirect } from "@/lib/platform/actions/define-action";
import { previewReturnParts, requestReturnParts } from "@/components/returns/return-actions";

export const previewReturnAction = defineAction({
  ...previewReturnParts,
  onSuccess: (assessment) => ({ ok: true, data: assessment }),
});

export const requestReturnAction = defineAction({
  ...requestReturnParts,
  onSuccess: (r, { ref }): { ok: true; data: ReturnAssessment } | Redirect => redirectTo(`/orders/${encodeURIComponent(ref.orderId)}?return=${encodeURIComponent(r.number)}`),
});
