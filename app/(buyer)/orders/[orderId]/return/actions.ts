"use server";
// Server actions of the buyer's return page, through the action wrapper (lib/platform/actions/define-action.ts).
// The preview runs the assessment the return would get, storing nothing; the confirmation makes
// the return, pinned to the order version the page was rendered with, then goes back to the order.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { CreateReturn } from "@/lib/modules/returns/contracts/returns";
import { createReturn } from "@/lib/modules/returns/server/create-return";
import { previewReturn } from "@/lib/modules/returns/server/preview-return";
import type { ReturnAssessment } from "@/lib/modules/returns/domain/assess-return";
import { defineAction, FormId, FormVersion, pagesShowing, redirectTo, type Redirect } from "@/lib/platform/actions/define-action";
import { friendlyErrors } from "@/lib/platform/actions/action-result";
import { returnFieldOf, returnFromForm, type ReturnFormInput } from "@/lib/ui/return-form";

/** The parts both actions share: reading, schema, wording, field placement. */
const returnForm = {
  input: returnFromForm,
  schema: CreateReturn,
  errorMap: (issue: Parameters<typeof friendlyErrors>[0]) =>
    issue.path?.at(-1) === "reasonCode" && issue.code === "invalid_type" ? "Choose a reason" : friendlyErrors(issue),
  toField: (path: string, raw: ReturnFormInput) => returnFieldOf(path, raw),
  fieldMessages: { lines: "Enter how many units to return for at least one item." },
  messages: {
    INSUFFICIENT_QUANTITY: "Fewer units can be returned than you entered; see the highlighted items.",
    NOT_FOUND: "Something on this order changed. Reload the page and try again.",
    CONFLICT: true,
  },
} as const;

/** What returning the chosen units would refund, per item and per way you paid. */
export const previewReturnAction = defineAction({
  name: "previewReturn",
  ref: z.object({ orderId: FormId }),
  ...returnForm,
  run: (actor, input, ref) => previewReturn(db(), actor, ref.orderId, input),
  revalidate: () => [], // a preview changes nothing
  onSuccess: (assessment) => ({ ok: true, data: assessment }),
});

/** Makes the return as previewed, against the order version the page showed, then returns to the order. */
export const requestReturnAction = defineAction({
  name: "createReturn",
  ref: z.object({ orderId: FormId, expectedVersion: FormVersion }),
  ...returnForm,
  run: (actor, input, ref) => createReturn(db(), actor, ref.orderId, input, { expectedVersion: ref.expectedVersion }),
  revalidate: ({ result }) => pagesShowing.returnOrder(result),
  onSuccess: (r, { ref }): { ok: true; data: ReturnAssessment } | Redirect => redirectTo(`/orders/${encodeURIComponent(ref.orderId)}?return=${encodeURIComponent(r.number)}`),
});
