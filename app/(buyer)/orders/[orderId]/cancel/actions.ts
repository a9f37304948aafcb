"use server";
// Server actions of the buyer's cancel page, through the action wrapper (lib/platform/actions/define-action.ts).
// The preview runs the same assessment the request would get, without storing anything; the
// confirmation makes the request, pinned to the order version the page was rendered with, then
// goes back to the order.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { CreateCancellationRequest } from "@/lib/modules/cancellations/contracts/cancellations";
import { createCancellationRequest, previewCancellation } from "@/lib/modules/cancellations/server/create-cancellation-request";
import type { Assessment } from "@/lib/modules/cancellations/domain/assess";
import { defineAction, FormId, FormVersion, pagesShowing, redirectTo, type Redirect } from "@/lib/platform/actions/define-action";
import { formNumber, formText, friendlyErrors } from "@/lib/platform/actions/action-result";

const QTY_PREFIX = "qty:";
const MESSAGES = {
  CONFLICT: true,
  INSUFFICIENT_QUANTITY: "Fewer units can be cancelled than you entered; see the highlighted items.",
  NOT_FOUND: "Something on this order changed. Reload the page and try again.",
} as const;

/** The form's fields as the shared request schema sees them: one entry per line with a quantity. */
function readCancelForm(form: FormData) {
  const lines: { orderLineId: string; quantity: unknown }[] = [];
  for (const [key, raw] of form.entries()) {
    if (!key.startsWith(QTY_PREFIX) || typeof raw !== "string") continue;
    const text = raw.trim();
    if (text === "" || /^0+$/.test(text)) continue; // 0 = leave this line alone
    lines.push({ orderLineId: key.slice(QTY_PREFIX.length), quantity: formNumber(form, key) });
  }
  return {
    cancellationType: "CUSTOMER_REQUEST",
    reasonCode: formText(form, "reasonCode"),
    reasonText: formText(form, "reasonText"),
    scope: form.get("wholeOrder") === "on" ? { type: "ORDER" as const } : { type: "LINES" as const, lines },
    refundMethod: "ORIGINAL_PAYMENT",
    damaged: false,
  };
}

/** The parts every cancel-form action shares: reading, schema, wording, field placement. */
const cancelForm = {
  input: readCancelForm,
  schema: CreateCancellationRequest,
  errorMap: (issue: Parameters<typeof friendlyErrors>[0]) =>
    issue.path?.at(-1) === "reasonCode" && issue.code === "invalid_type" ? "Choose a reason" : friendlyErrors(issue),
  // Messages about a listed line go next to that line's quantity; about the scope, above the lines.
  toField: (path: string, raw: ReturnType<typeof readCancelForm>) => {
    const m = /^scope\.lines\[(\d+)\]\.(quantity|orderLineId)$/.exec(path);
    if (m) {
      const id = raw.scope.type === "LINES" ? raw.scope.lines[Number(m[1])]?.orderLineId : undefined;
      return id ? `${QTY_PREFIX}${id}` : "lines";
    }
    if (path.startsWith("scope")) return "lines";
    return path.split(".").pop();
  },
  fieldMessages: { lines: "Enter how many units to cancel for at least one item, or cancel the whole order." },
  messages: MESSAGES,
};

/** What cancelling the chosen units would do: units by stage, refund by component and tender, blockers, approvals. */
export const previewCancellationAction = defineAction({
  name: "previewCancellation",
  ref: z.object({ orderId: FormId }),
  ...cancelForm,
  run: (actor, input, ref) => previewCancellation(db(), actor, ref.orderId, { scope: input.scope, damaged: input.damaged }),
  revalidate: () => [], // a preview changes nothing
  onSuccess: (assessment) => ({ ok: true, data: assessment }),
});

/** Makes the request as previewed, against the order version the page showed, then returns to the order. */
export const requestCancellationAction = defineAction({
  name: "createCancellationRequest",
  ref: z.object({ orderId: FormId, expectedVersion: FormVersion }),
  ...cancelForm,
  run: (actor, input, ref) => createCancellationRequest(db(), actor, ref.orderId, input, { expectedVersion: ref.expectedVersion }),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  // Shares the preview's form state; success leaves the page.
  onSuccess: (request, { ref }): { ok: true; data: Assessment } | Redirect => redirectTo(`/orders/${encodeURIComponent(ref.orderId)}?cancellation=${encodeURIComponent(request.number)}`),
});
