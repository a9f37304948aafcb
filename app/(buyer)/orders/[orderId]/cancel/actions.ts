"use server";
// Server actions of the buyer's cancel page. The preview runs the same assessment the request
// would get, without storing anything; the confirmation makes the request, pinned to the order
// version the page was rendered with, then goes back to the order.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { CreateCancellationRequest } from "@/lib/contracts/cancellations";
import type { Assessment } from "@/lib/domain/cancellation/assess";
import { createCancellationRequest, previewCancellation } from "@/lib/server/cancellations/create-cancellation-request";
import { failureFrom, formNumber, formText, friendlyErrors, zodFailure, type DataResult, type PathToField } from "@/lib/ui/action-result";

const OrderRef = z.object({
  orderId: z.string().min(1).max(100),
  expectedVersion: z.coerce.number().int().nonnegative().optional(),
});

const STALE_FORM = "This form is out of date. Reload the page and try again.";
const MESSAGES = {
  CONFLICT: true,
  INSUFFICIENT_QUANTITY: "Fewer units can be cancelled than you entered; see the highlighted items.",
  NOT_FOUND: "Something on this order changed. Reload the page and try again.",
} as const;
const QTY_PREFIX = "qty:";

/** The form's fields as the shared request schema sees them, plus which line each listed entry is. */
function readCancelForm(form: FormData) {
  const lineIds: string[] = [];
  const lines: { orderLineId: string; quantity: unknown }[] = [];
  for (const [key, raw] of form.entries()) {
    if (!key.startsWith(QTY_PREFIX) || typeof raw !== "string") continue;
    const text = raw.trim();
    if (text === "" || /^0+$/.test(text)) continue; // 0 = leave this line alone
    const orderLineId = key.slice(QTY_PREFIX.length);
    lineIds.push(orderLineId);
    lines.push({ orderLineId, quantity: formNumber(form, key) });
  }
  const scope = form.get("wholeOrder") === "on" ? { type: "ORDER" as const } : { type: "LINES" as const, lines };
  const input = {
    cancellationType: "CUSTOMER_REQUEST",
    reasonCode: formText(form, "reasonCode"),
    reasonText: formText(form, "reasonText"),
    scope,
    refundMethod: "ORIGINAL_PAYMENT",
    damaged: false,
  };
  // Messages about a listed line go next to that line's quantity; about the scope, above the lines.
  const toField: PathToField = (path) => {
    const m = /^scope\.lines\[(\d+)\]\.(quantity|orderLineId)$/.exec(path);
    if (m) {
      const id = lineIds[Number(m[1])];
      return id ? `${QTY_PREFIX}${id}` : "lines";
    }
    if (path.startsWith("scope")) return "lines";
    return path.split(".").pop();
  };
  const parsed = CreateCancellationRequest.safeParse(input, {
    error: (issue) => (issue.path?.at(-1) === "reasonCode" && issue.code === "invalid_type" ? "Choose a reason" : friendlyErrors(issue)),
  });
  return { parsed, toField };
}

/** Schema failures, with the "no lines chosen" case said the way the form asks for it. */
function invalidForm(error: z.ZodError, toField: PathToField) {
  const failure = zodFailure(error, toField);
  if (failure.fieldErrors.lines) failure.fieldErrors.lines = "Enter how many units to cancel for at least one item, or cancel the whole order.";
  return failure;
}

/** What cancelling the chosen units would do: units by stage, refund by component and tender, blockers, approvals. */
export async function previewCancellationAction(_prev: DataResult<Assessment> | null, form: FormData): Promise<DataResult<Assessment>> {
  const ref = OrderRef.safeParse({ orderId: formText(form, "orderId") });
  if (!ref.success) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const { parsed, toField } = readCancelForm(form);
  if (!parsed.success) return invalidForm(parsed.error, toField);
  const actor = await requireActor();
  try {
    const assessment = await previewCancellation(db(), actor, ref.data.orderId, { scope: parsed.data.scope, damaged: parsed.data.damaged });
    return { ok: true, data: assessment };
  } catch (e) {
    return failureFrom(e, "previewCancellation", toField, MESSAGES);
  }
}

/** Makes the request as previewed, against the order version the page showed, then returns to the order. */
export async function requestCancellationAction(_prev: DataResult<Assessment> | null, form: FormData): Promise<DataResult<Assessment>> {
  const ref = OrderRef.safeParse({ orderId: formText(form, "orderId"), expectedVersion: formText(form, "expectedVersion") });
  if (!ref.success || ref.data.expectedVersion === undefined) return { ok: false, message: STALE_FORM, fieldErrors: {} };
  const { parsed, toField } = readCancelForm(form);
  if (!parsed.success) return invalidForm(parsed.error, toField);
  const actor = await requireActor();
  let number: string;
  try {
    const request = await createCancellationRequest(db(), actor, ref.data.orderId, parsed.data, { expectedVersion: ref.data.expectedVersion });
    number = request.number;
  } catch (e) {
    return failureFrom(e, "createCancellationRequest", toField, MESSAGES);
  }
  revalidatePath(`/orders/${ref.data.orderId}`);
  revalidatePath("/orders");
  revalidatePath(`/seller/orders/${ref.data.orderId}`);
  revalidatePath("/seller/orders");
  revalidatePath("/seller/tasks");
  revalidatePath("/approvals");
  redirect(`/orders/${encodeURIComponent(ref.data.orderId)}?cancellation=${encodeURIComponent(number)}`);
}
