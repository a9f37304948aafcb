"use server";
// Server actions of the seller order pages, each one command through the action wrapper
// (lib/platform/actions/define-action.ts). Rules live in the commands (authorization, quantities,
// versions), never here.
import { z } from "zod";
import { db } from "@/lib/platform/db/client";
import { AddNote, FulfillmentEvent } from "@/lib/modules/orders/contracts/orders";
import { CreateCancellationRequest } from "@/lib/modules/cancellations/contracts/cancellations";
import { addOrderNote } from "@/lib/modules/orders/server/add-order-note";
import { recordFulfillmentEvent } from "@/lib/modules/orders/server/record-fulfillment-event";
import { createCancellationRequest, previewCancellation } from "@/lib/modules/cancellations/server/create-cancellation-request";
import { defineAction, FormId, FormVersion, pagesShowing } from "@/lib/platform/actions/define-action";
import { formNumber, formRawText, formText, friendlyErrors } from "@/lib/platform/actions/action-result";
import { sellerCancellationType } from "@/lib/ui/cancellation";
import { cancelOutcome } from "@/lib/ui/cancel-outcome";
import { STEP_WORDS } from "@/lib/ui/fulfilment";
import { fulfilmentErrors, fulfilmentField, oneLineFulfilmentField, shipmentFromForm } from "@/lib/ui/shipment-form";

const OrderRef = z.object({ orderId: FormId });
/** Pinned to the order version the page showed. */
const PinnedOrderRef = z.object({ orderId: FormId, expectedVersion: FormVersion.optional() });

/** Moves N units of one line one stage forward. */
export const recordFulfilmentAction = defineAction({
  name: "recordFulfillmentEvent",
  ref: PinnedOrderRef,
  input: (form) => ({
    type: formText(form, "type"),
    lines: [{ orderLineId: formText(form, "orderLineId"), quantity: formNumber(form, "quantity") }],
    trackingNumber: formText(form, "trackingNumber"),
    shipment: shipmentFromForm(form),
  }),
  schema: FulfillmentEvent,
  errorMap: fulfilmentErrors,
  toField: oneLineFulfilmentField,
  run: (actor, input, ref) => recordFulfillmentEvent(db(), actor, ref.orderId, input, { expectedVersion: ref.expectedVersion }),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (order, { input }) => {
    const { orderLineId, quantity } = input.lines[0]!;
    const line = order.lines.find((l) => l.id === orderLineId);
    return { ok: true, message: `${quantity} × ${line?.sku ?? "unit"} ${STEP_WORDS[input.type].past}.` };
  },
});

/**
 * Moves units of several lines from one stage on to a chosen later stage in one command. Rows
 * left blank are skipped; messages about a row come back keyed `lines.<index>.<field>` over the
 * rows sent.
 */
export const recordFulfilmentLinesAction = defineAction({
  name: "recordFulfillmentEvent",
  ref: PinnedOrderRef,
  input: (form) => {
    const ids = form.getAll("orderLineId").map(String);
    const quantities = form.getAll("quantity").map((q) => String(q).trim());
    const lines = ids.flatMap((orderLineId, i) => (quantities[i] ? [{ orderLineId, quantity: /^\d+$/.test(quantities[i]!) ? Number(quantities[i]) : quantities[i] }] : []));
    return { type: formText(form, "type"), toStage: formText(form, "toStage"), lines, trackingNumber: formText(form, "trackingNumber"), shipment: shipmentFromForm(form) };
  },
  schema: FulfillmentEvent,
  errorMap: (issue) => (issue.path?.[0] === "lines" && issue.code === "too_small" && issue.path.length === 1 ? "Enter a quantity for at least one line" : fulfilmentErrors(issue)),
  toField: fulfilmentField,
  run: (actor, input, ref) => recordFulfillmentEvent(db(), actor, ref.orderId, input, { expectedVersion: ref.expectedVersion }),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (order, { input }) => {
    const moved = input.lines.map(({ orderLineId, quantity }) => `${quantity} × ${order.lines.find((l) => l.id === orderLineId)?.sku ?? "unit"}`);
    return { ok: true, message: `${moved.join(", ")} ${(input.toStage ?? "").toLowerCase() || STEP_WORDS[input.type].past}.` };
  },
});

/** Adds an internal or customer-visible note to the order. */
export const addOrderNoteAction = defineAction({
  name: "addOrderNote",
  ref: OrderRef,
  input: (form) => ({
    body: formRawText(form, "body"),
    visibility: formText(form, "visibility"),
    notifyCustomer: form.get("notifyCustomer") === "on",
    storeCode: formText(form, "storeCode"),
  }),
  schema: AddNote,
  run: (actor, input, ref) => addOrderNote(db(), actor, ref.orderId, input),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (_note, { input }) => ({ ok: true, message: input.visibility === "CUSTOMER" ? "Customer-visible note added." : "Internal note added." }),
});

/** The seller's one-line cancel form as the shared request schema sees it; a blank stage = least progressed first. */
const lineCancelForm = {
  ref: PinnedOrderRef,
  input: (form: FormData) => {
    const reasonCode = formText(form, "reasonCode");
    const stage = formText(form, "stage");
    return {
      cancellationType: sellerCancellationType(reasonCode),
      reasonCode,
      reasonText: formText(form, "reasonText"),
      scope: { type: "LINES", lines: [{ orderLineId: formText(form, "orderLineId"), quantity: formNumber(form, "quantity"), ...(stage ? { stage } : {}) }] },
      damaged: form.get("damaged") === "on",
    };
  },
  schema: CreateCancellationRequest,
  errorMap: (issue: Parameters<typeof friendlyErrors>[0]) =>
    issue.path?.at(-1) === "reasonCode" && issue.code === "invalid_type" ? "Choose a reason" : friendlyErrors(issue),
  // Messages about the stage go next to the stage; every other message about the line's units next to the quantity.
  toField: (path: string) => (path.endsWith(".stage") ? "stage" : path.startsWith("scope") ? "quantity" : path.split(".").pop()),
};

/** What cancelling these units would do — units by stage, approvals, inventory, refund — without storing anything. */
export const previewLineCancellationAction = defineAction({
  name: "previewCancellation",
  ...lineCancelForm,
  run: (actor, input, ref) => previewCancellation(db(), actor, ref.orderId, { scope: input.scope, damaged: input.damaged, cancellationType: input.cancellationType }),
  revalidate: () => [], // a preview changes nothing
  onSuccess: (assessment) => ({ ok: true, data: assessment }),
});

/**
 * Cancels N units of one line for the seller, as previewed: from the chosen stage, or the least
 * progressed first. The command decides whether approval is needed and what follows (refund,
 * recall, return to stock); the result says which of those happened.
 */
export const cancelLineUnitsAction = defineAction({
  name: "createCancellationRequest",
  ...lineCancelForm,
  run: (actor, input, ref) => createCancellationRequest(db(), actor, ref.orderId, input, { expectedVersion: ref.expectedVersion }),
  revalidate: ({ ref }) => pagesShowing.order(ref.orderId),
  onSuccess: (request, { input }) => ({
    ok: true,
    data: cancelOutcome(request, input.scope.type === "LINES" ? input.scope.lines[0]!.orderLineId : ""),
  }),
});
