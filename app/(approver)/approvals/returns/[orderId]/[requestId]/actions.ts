"use server";
// Server actions of the approver's return page (lib/platform/actions/define-action.ts): sign or
// reject the return's approvals this approver may decide, then back to the queue.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { AmendmentDecision, AmendmentRejection } from "@/lib/modules/amendments/contracts/amendments";
import { approveReturn, rejectReturn } from "@/lib/modules/returns/server/decide-return";
import { defineAction, FormId, pagesShowing, redirectTo } from "@/lib/platform/actions/define-action";
import { formRawText, formText } from "@/lib/platform/actions/action-result";

const RequestRef = z.object({ orderId: FormId, requestId: FormId });
const MESSAGES = { FORBIDDEN: true, CONFLICT: true, NOT_FOUND: "This return is no longer available." } as const;

export const approveReturnAction = defineAction({
  name: "approveReturn",
  ref: RequestRef,
  input: (form) => ({ comment: formText(form, "comment") }),
  schema: AmendmentDecision,
  messages: MESSAGES,
  run: (actor, input, ref) => approveReturn(db(), actor, ref.requestId, input),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (r) => redirectTo(`/approvals?decided=${encodeURIComponent(r.number)}&outcome=${r.status === "PENDING_APPROVAL" ? "signed" : "approved"}`),
});

export const rejectReturnAction = defineAction({
  name: "rejectReturn",
  ref: RequestRef,
  input: (form) => ({ comment: formRawText(form, "comment") }),
  schema: AmendmentRejection,
  messages: MESSAGES,
  run: (actor, input, ref) => rejectReturn(db(), actor, ref.requestId, input),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (r) => redirectTo(`/approvals?decided=${encodeURIComponent(r.number)}&outcome=rejected`),
});
