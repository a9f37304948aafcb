"use server";
// Server actions of the buyer's order page: parse → actor → one command → result for the form.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { withdrawCancellationRequest } from "@/lib/server/cancellations/decide-cancellation";
import { failureFrom, formText, type ActionState } from "@/lib/ui/action-result";

const RequestRef = z.object({ orderId: z.string().min(1).max(100), requestId: z.string().min(1).max(100) });

/** The buyer takes back their own request while it still waits for approval. */
export async function withdrawCancellationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = RequestRef.safeParse({ orderId: formText(form, "orderId"), requestId: formText(form, "requestId") });
  if (!ref.success) return { ok: false, message: "This form is out of date. Reload the page and try again.", fieldErrors: {} };
  const actor = await requireActor();
  try {
    const request = await withdrawCancellationRequest(db(), actor, ref.data.orderId, ref.data.requestId);
    revalidatePath(`/orders/${ref.data.orderId}`);
    revalidatePath(`/seller/orders/${ref.data.orderId}`);
    revalidatePath("/approvals");
    return { ok: true, message: `Cancellation ${request.number} withdrawn.` };
  } catch (e) {
    return failureFrom(e, "withdrawCancellationRequest", undefined, {
      CONFLICT: true,
      FORBIDDEN: "Only the person who asked for this cancellation can withdraw it.",
      NOT_FOUND: "This cancellation request is no longer available.",
    });
  }
}
