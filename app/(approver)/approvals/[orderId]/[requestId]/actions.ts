"use server";
// Server actions of the approver's request page, through the action wrapper
// (lib/platform/actions/define-action.ts): sign or reject the approval tasks this approver may
// decide, with a comment (required to reject), then back to the queue. Whether the approver may
// sign (level, not their own request) is the command's decision.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { DecisionComment, RejectionComment } from "@/lib/modules/cancellations/contracts/cancellations";
import { approveCancellationRequest, rejectCancellationRequest } from "@/lib/modules/cancellations/server/decide-cancellation";
import { defineAction, FormId, pagesShowing, redirectTo } from "@/lib/platform/actions/define-action";
import { formRawText, formText } from "@/lib/platform/actions/action-result";

const RequestRef = z.object({ orderId: FormId, requestId: FormId });
const MESSAGES = { FORBIDDEN: true, CONFLICT: true, NOT_FOUND: "This request is no longer available." } as const;

/** Signs every pending approval of the request this approver may sign; executes it when none is left. */
export const approveRequestAction = defineAction({
  name: "approveCancellationRequest",
  ref: RequestRef,
  input: (form) => ({ comment: formText(form, "comment") }),
  schema: DecisionComment,
  messages: MESSAGES,
  run: (actor, input, ref) => approveCancellationRequest(db(), actor, ref.orderId, ref.requestId, input),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (request) =>
    redirectTo(`/approvals?decided=${encodeURIComponent(request.number)}&outcome=${request.status === "PENDING_APPROVAL" ? "signed" : "approved"}`),
});

/** Rejects the request (a comment is required); its held units go back to fulfilment. */
export const rejectRequestAction = defineAction({
  name: "rejectCancellationRequest",
  ref: RequestRef,
  input: (form) => ({ comment: formRawText(form, "comment") }),
  schema: RejectionComment,
  messages: MESSAGES,
  run: (actor, input, ref) => rejectCancellationRequest(db(), actor, ref.orderId, ref.requestId, input),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (request) => redirectTo(`/approvals?decided=${encodeURIComponent(request.number)}&outcome=rejected`),
});
