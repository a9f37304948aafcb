"use server";
// Server actions of the seller order pages. Each one: parse the form with the shared zod schema →
// resolve the actor → call the one command → map the result for useActionState. Rules live in the
// commands (authorization, quantities, versions), never here.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AddNote, FulfillmentEvent } from "@/lib/contracts/orders";
import { CreateCancellationRequest } from "@/lib/contracts/cancellations";
import { addOrderNote } from "@/lib/server/orders/add-order-note";
import { recordFulfillmentEvent } from "@/lib/server/orders/record-fulfillment-event";
import { createCancellationRequest } from "@/lib/server/cancellations/create-cancellation-request";
import { failureFrom, formNumber, formText, friendlyErrors, zodFailure, type ActionState, type DataResult } from "@/lib/ui/action-result";
import { cancelOutcome, sellerCancellationType, type CancelOutcome } from "@/lib/ui/cancellation";
import { STEP_WORDS } from "@/lib/ui/fulfilment";

const OrderRef = z.object({
  orderId: z.string().min(1).max(100),
  expectedVersion: z.coerce.number().int().nonnegative().optional(),
});

const STALE_FORM = "This form is out of date. Reload the page and try again.";

function revalidateOrder(orderId: string) {
  revalidatePath(`/seller/orders/${orderId}`);
  revalidatePath(`/seller/orders/${orderId}/fulfil`);
  revalidatePath("/seller/orders");
  revalidatePath(`/orders/${orderId}`);
  revalidatePath("/orders");
}

function revalidateCancellation(orderId: string) {
  revalidateOrder(orderId);
  revalidatePath("/seller/tasks");
  revalidatePath("/approvals");
}

/** Moves N units of one line one stage forward, pinned to the order version the page showed. */
export async function recordFulfilmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = OrderRef.safeParse({ orderId: formText(form, "orderId"), expectedVersion: formText(form, "expectedVersion") });
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const orderLineId = formText(form, "orderLineId");
  const parsed = FulfillmentEvent.safeParse(
    {
      type: formText(form, "type"),
      lines: [{ orderLineId, quantity: formNumber(form, "quantity") }],
      trackingNumber: formText(form, "trackingNumber"),
    },
    { error: friendlyErrors },
  );
  if (!parsed.success) return zodFailure(parsed.error);

  const actor = await requireActor();
  try {
    const order = await recordFulfillmentEvent(db(), actor, ref.data.orderId, parsed.data, { expectedVersion: ref.data.expectedVersion });
    revalidateOrder(ref.data.orderId);
    const line = order.lines.find((l) => l.id === orderLineId);
    const { quantity } = parsed.data.lines[0]!;
    return { ok: true, message: `${quantity} × ${line?.sku ?? "unit"} ${STEP_WORDS[parsed.data.type].past}.` };
  } catch (e) {
    return failureFrom(e, "recordFulfillmentEvent");
  }
}

/** Adds an internal or customer-visible note to the order. */
export async function addOrderNoteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ref = OrderRef.safeParse({ orderId: formText(form, "orderId") });
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const rawBody = form.get("body");
  const parsed = AddNote.safeParse(
    {
      body: typeof rawBody === "string" ? rawBody : undefined,
      visibility: formText(form, "visibility"),
      notifyCustomer: form.get("notifyCustomer") === "on",
      storeCode: formText(form, "storeCode"),
    },
    { error: friendlyErrors },
  );
  if (!parsed.success) return zodFailure(parsed.error);

  const actor = await requireActor();
  try {
    await addOrderNote(db(), actor, ref.data.orderId, parsed.data);
    revalidateOrder(ref.data.orderId);
    return { ok: true, message: parsed.data.visibility === "CUSTOMER" ? "Customer-visible note added." : "Internal note added." };
  } catch (e) {
    return failureFrom(e, "addOrderNote");
  }
}

// Every message about the line's units belongs next to the quantity field of this one-line form.
const cancelField = (path: string) => (/^scope\.lines\[\d+\]\.(quantity|orderLineId)$/.test(path) || path.startsWith("scope") ? "quantity" : path.split(".").pop());

/**
 * Cancels N units of one line for the seller, pinned to the order version the page showed. The
 * command picks the units (least progressed first), decides whether approval is needed and what
 * follows (refund, recall, return to stock); the result says which of those happened.
 */
export async function cancelLineUnitsAction(_prev: DataResult<CancelOutcome> | null, form: FormData): Promise<DataResult<CancelOutcome>> {
  const ref = OrderRef.safeParse({ orderId: formText(form, "orderId"), expectedVersion: formText(form, "expectedVersion") });
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const orderLineId = formText(form, "orderLineId");
  const reasonCode = formText(form, "reasonCode");
  const parsed = CreateCancellationRequest.safeParse(
    {
      cancellationType: sellerCancellationType(reasonCode),
      reasonCode,
      reasonText: formText(form, "reasonText"),
      scope: { type: "LINES", lines: [{ orderLineId, quantity: formNumber(form, "quantity") }] },
      damaged: form.get("damaged") === "on",
    },
    { error: (issue) => (issue.path?.at(-1) === "reasonCode" && issue.code === "invalid_type" ? "Choose a reason" : friendlyErrors(issue)) },
  );
  if (!parsed.success) return zodFailure(parsed.error, cancelField);

  const actor = await requireActor();
  try {
    const request = await createCancellationRequest(db(), actor, ref.data.orderId, parsed.data, { expectedVersion: ref.data.expectedVersion });
    revalidateCancellation(ref.data.orderId);
    return { ok: true, data: cancelOutcome(request, orderLineId ?? "") };
  } catch (e) {
    return failureFrom(e, "createCancellationRequest", cancelField);
  }
}
