"use server";
// Server actions of the approver's request page: sign or reject the approval tasks this approver
// may decide, with a comment (required to reject), then back to the queue. Whether the approver
// may sign (level, not their own request) is the command's decision.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DecisionComment, RejectionComment } from "@/lib/contracts/cancellations";
import { approveCancellationRequest, rejectCancellationRequest } from "@/lib/server/cancellations/decide-cancellation";
import { failureFrom, formText, friendlyErrors, zodFailure, type ActionState } from "@/lib/ui/action-result";

const RequestRef = z.object({ orderId: z.string().min(1).max(100), requestId: z.string().min(1).max(100) });
const STALE_FORM = "This form is out of date. Reload the page and try again.";
const MESSAGES = { FORBIDDEN: true, CONFLICT: true, NOT_FOUND: "This request is no longer available." } as const;

function revalidateDecision(orderId: string) {
  revalidatePath("/approvals");
  revalidatePath(`/orders/${orderId}`);
  revalidatePath(`/seller/orders/${orderId}`);
  revalidatePath(`/seller/orders/${orderId}/fulfil`);
  revalidatePath("/seller/tasks");
}

function readRef(form: FormData) {
  return RequestRef.safeParse({ orderId: formText(form, "orderId"), requestId: formText(form, "requestId") });
}

/** Signs every pending approval of the request this approver may sign; executes it when none is left. */
export async function approveRequestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = readRef(form);
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const parsed = DecisionComment.safeParse({ comment: formText(form, "comment") }, { error: friendlyErrors });
  if (!parsed.success) return zodFailure(parsed.error);
  const actor = await requireActor();
  let target: string;
  try {
    const request = await approveCancellationRequest(db(), actor, ref.data.orderId, ref.data.requestId, parsed.data);
    target = `/approvals?decided=${encodeURIComponent(request.number)}&outcome=${request.status === "PENDING_APPROVAL" ? "signed" : "approved"}`;
  } catch (e) {
    return failureFrom(e, "approveCancellationRequest", undefined, MESSAGES);
  }
  revalidateDecision(ref.data.orderId);
  redirect(target);
}

/** Rejects the request (a comment is required); its held units go back to fulfilment. */
export async function rejectRequestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = readRef(form);
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const raw = form.get("comment");
  const parsed = RejectionComment.safeParse({ comment: typeof raw === "string" ? raw : undefined }, { error: friendlyErrors });
  if (!parsed.success) return zodFailure(parsed.error);
  const actor = await requireActor();
  let target: string;
  try {
    const request = await rejectCancellationRequest(db(), actor, ref.data.orderId, ref.data.requestId, parsed.data);
    target = `/approvals?decided=${encodeURIComponent(request.number)}&outcome=rejected`;
  } catch (e) {
    return failureFrom(e, "rejectCancellationRequest", undefined, MESSAGES);
  }
  revalidateDecision(ref.data.orderId);
  redirect(target);
}
