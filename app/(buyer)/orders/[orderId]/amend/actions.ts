"use server";
// Server actions of the buyer's "change order" page (lib/platform/actions/define-action.ts):
// the preview assesses the change without storing anything; the confirmation requests it, pinned
// to the order version the page was rendered with, then goes back to the order.
import { defineAction, redirectTo, type Redirect } from "@/lib/platform/actions/define-action";
import type { AmendmentPreviewT } from "@/lib/modules/amendments/contracts/amendments";
import { previewParts, requestParts } from "@/components/amendments/amendment-actions";

export const previewAmendmentAction = defineAction({
  ...previewParts,
  onSuccess: (preview) => ({ ok: true, data: preview }),
});

export const requestAmendmentAction = defineAction({
  ...requestParts,
  // Shares the preview's form state; success leaves the page.
  onSuccess: (request, { ref }): { ok: true; data: AmendmentPreviewT } | Redirect => redirectTo(`/orders/${encodeURIComponent(ref.orderId)}?amendment=${encodeURIComponent(request.number)}`),
});
