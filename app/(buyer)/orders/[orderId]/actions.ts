"use server";
// Server actions of the buyer's order page, through the action wrapper (lib/platform/actions/define-action.ts).
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { withdrawCancellationRequest } from "@/lib/modules/cancellations/server/decide-cancellation";
import { defineAction, FormId, pagesShowing } from "@/lib/platform/actions/define-action";
import { cancelReturnParts } from "@/components/returns/return-actions";

const RequestRef = z.object({ orderId: FormId, requestId: FormId });

/** The buyer takes back their own request while it still waits for approval. */
export const withdrawCancellationAction = defineAction({
  name: "withdrawCancellationRequest",
  ref: RequestRef,
  messages: {
    CONFLICT: true,
    FORBIDDEN: "Only the person who asked for this cancellation can withdraw it.",
    NOT_FOUND: "This cancellation request is no longer available.",
  },
  run: (actor, _input, ref) => withdrawCancellationRequest(db(), actor, ref.orderId, ref.requestId),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (request) => ({ ok: true, message: `Cancellation ${request.number} withdrawn.` }),
});

/** The buyer calls off their return before the store received anything. */
export const cancelReturnAction = defineAction(cancelReturnParts);
