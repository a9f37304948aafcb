import "server-only";
// What the buyer's and the seller's "change order" actions share: reading the form,
// the shared request schema, where each message goes, and the wording of refusals.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { CreateAmendmentRequest, PreviewAmendmentRequest } from "@/lib/modules/amendments/contracts/amendments";
import { previewAmendment } from "@/lib/modules/amendments/server/preview";
import { createAmendmentRequest } from "@/lib/modules/amendments/server/create-amendment";
import { FormId, FormVersion, pagesShowing, refuseForm } from "@/lib/platform/actions/define-action";
import { amendmentFieldOf, amendmentFromForm } from "@/lib/ui/amendment-form";
import type { Actor } from "@/lib/platform/auth/actor";

const MESSAGES = {
  STALE_VALUE: "The order changed since you opened this page. Reload the page to see it, then make your change again.",
  AMENDMENT_BLOCKED: true,
  CONFLICT: true,
  UNPROCESSABLE: true,
  VALIDATION_FAILED: "Please correct the highlighted fields. Nothing was changed.",
} as const;

/** The form as the request; inputs that hold no valid value (a quantity of 0) are refused before the rules run. */
function input(form: FormData) {
  const raw = amendmentFromForm(form);
  return Object.keys(raw.fieldErrors).length ? refuseForm(raw.fieldErrors) : raw;
}

const form = {
  input,
  toField: amendmentFieldOf,
  fieldMessages: { changes: "Change at least one detail or quantity, or go back to the order." },
  messages: MESSAGES,
};

export const previewParts = {
  name: "previewAmendment",
  ref: z.object({ orderId: FormId }),
  ...form,
  schema: PreviewAmendmentRequest,
  run: (actor: Actor, input: z.output<typeof PreviewAmendmentRequest>, ref: { orderId: string }) => previewAmendment(db(), actor, ref.orderId, input),
  revalidate: () => [] as string[],
};

export const requestParts = {
  name: "createAmendmentRequest",
  ref: z.object({ orderId: FormId, expectedVersion: FormVersion }),
  ...form,
  schema: CreateAmendmentRequest,
  run: (actor: Actor, input: z.output<typeof CreateAmendmentRequest>, ref: { orderId: string; expectedVersion: number }) =>
    createAmendmentRequest(db(), actor, ref.orderId, input, { expectedVersion: ref.expectedVersion }),
  revalidate: ({ ref }: { ref: { orderId: string } }) => pagesShowing.order(ref.orderId),
};
