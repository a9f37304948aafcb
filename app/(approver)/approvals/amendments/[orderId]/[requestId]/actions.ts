"use server";
// Server actions of the approver's amendment page (lib/platform/actions/define-action.ts): sign or
// reject the amendment's approvals this approver may decide, then back to the queue.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { AmendmentDecision, AmendmentRejection } from "@/lib/modules/amendments/contracts/amendments";
import { approveAmendmentRequest, rejectAmendmentRequest } from "@/lib/modules/amendments/server/decide-amendment";
import { defineAction, FormId, pagesShowing, redirectTo } from "@/lib/platform/actions/define-action";
import { formRawText, formText } from "@/lib/platform/actions/action-result";

const RequestRef = z.object({ orderId: FormId, requestId: FormId });
const MESSAGES = { FORBIDDEN: true, CONFLICT: true, NOT_FOUND: "This amendment is no longer available." } as const;

export const approveAmendmentAction = defineAction({
  name: "approveAmendmentRequest",
  ref: RequestRef,
  input: (form) => ({ comment: formText(form, "comment") }),
  schema: AmendmentDecision,
  messages: MESSAGES,
  run: (actor, input, ref) => approveAmendmentRequest(db(), actor, ref.orderId, ref.requestId, input),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (a) => redirectTo(`/approvals?decided=${encodeURIComponent(a.number)}&outcome=${a.status === "REQUIRES_APPROVAL" ? "signed" : "approved"}`),
});

export const rejectAmendmentAction = defineAction({
  name: "rejectAmendmentRequest",
  ref: RequestRef,
  input: (form) => ({ comment: formRawText(form, "comment") }),
  schema: AmendmentRejection,
  messages: MESSAGES,
  run: (actor, input, ref) => rejectAmendmentRequest(db(), actor, ref.orderId, ref.requestId, input),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (a) => redirectTo(`/approvals?decided=${encodeURIComponent(a.number)}&outcome=rejected`),
});
