// The calls the workload makes through the HTTP API: intake, stock, allocation, and the measured
// one-unit cancellation with how its answer is judged.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { ApiCallError, describeAnswer, errorText, type ApiClient } from "./api.ts";
import {
  AMENDMENT_REASON_CODE,
  BUYER_EMAIL,
  CATEGORY,
  CURRENCY,
  ITEM_NAME,
  LINE_QUANTITY,
  LINE_SHIPPING,
  LINE_TAX,
  LOCATION_CODE,
  ORDER_TOTAL,
  REASON_CODE,
  STORE_CODE,
  UNIT_PRICE,
} from "./order-shape.ts";
import type { Sample } from "./stats.ts";

/** One order of the run as the client knows it. */
export interface BenchOrder {
  id: string;
  lineId: string;
  /** One-unit cancels answered 201 COMPLETED. */
  ok: number;
  /** Cancels whose outcome is unknown (timeout, network error, 5xx): may or may not have happened. */
  unknown: number;
  inFlight: boolean;
  /** The delivery note the order holds now (amendments replace it). */
  note: string;
}

export interface OrderView {
  id: string;
  status: string;
  version: number;
  totals: { total: number; refunded: number };
  lines: { id: string; quantity: number; refunded: number; quantities: Record<string, number> }[];
  payments: { method: string; amount: number; refunded: number }[];
}

export function intakeBody(sku: string, index: number) {
  return {
    externalRef: `bench-${randomUUID()}`,
    buyerEmail: BUYER_EMAIL,
    customerType: "STANDARD",
    currency: CURRENCY,
    deliveryNote: `bench note ${index}.0`,
    lines: [
      {
        sku,
        itemName: ITEM_NAME,
        category: CATEGORY,
        storeCode: STORE_CODE,
        quantity: LINE_QUANTITY,
        unitPrice: UNIT_PRICE,
        taxAmount: LINE_TAX,
        shippingAmount: LINE_SHIPPING,
        discountAmount: 0,
        shipFromLocationCode: LOCATION_CODE,
      },
    ],
    payments: [{ method: "CARD", amount: ORDER_TOTAL, reference: `bench-card-${index}` }],
  };
}

export function cancelBody(lineId: string) {
  return {
    cancellationType: "CUSTOMER_REQUEST",
    reasonCode: REASON_CODE,
    scope: { type: "LINES", lines: [{ orderLineId: lineId, quantity: 1 }] },
    refundMethod: "ORIGINAL_PAYMENT",
  };
}

/** POST /orders; resolves with the order as the bench tracks it. */
export async function takeIn(api: ApiClient, sku: string, index: number): Promise<BenchOrder> {
  const body = intakeBody(sku, index);
  const view = await api.expect<OrderView>("POST", "/orders", 201, body);
  const lineId = view.lines[0]?.id;
  if (!view.id || !lineId) throw new ApiCallError("POST /orders answered without an order or line id");
  return { id: view.id, lineId, ok: 0, unknown: 0, inFlight: false, note: body.deliveryNote };
}

export async function stockUp(api: ApiClient, sku: string, quantity: number): Promise<void> {
  await api.expect("POST", "/inventory/adjustments", 201, { sku, locationCode: LOCATION_CODE, quantity, reason: "RECEIPT" });
}

export async function fulfil(api: ApiClient, order: BenchOrder, type: "ALLOCATE" | "RELEASE", quantity: number): Promise<void> {
  await api.expect("POST", `/orders/${order.id}/fulfillment-events`, 200, { type, lines: [{ orderLineId: order.lineId, quantity }] });
}

/** Replaces the delivery note (an ADMINISTRATIVE change, applied at once). */
export async function amendNote(api: ApiClient, order: BenchOrder): Promise<void> {
  const next = `${order.note.replace(/\.\d+$/, "")}.${Number(/\.(\d+)$/.exec(order.note)?.[1] ?? 0) + 1}`;
  const body = { reasonCode: AMENDMENT_REASON_CODE, changes: [{ path: "/deliveryNote", op: "REPLACE", oldValue: order.note, newValue: next }] };
  const amendment = await api.expect<{ status: string }>("POST", `/orders/${order.id}/amendment-requests`, 201, body);
  if (amendment.status !== "APPLIED") throw new ApiCallError(`amendment answered status ${amendment.status}, expected APPLIED`);
  order.note = next;
}

/** Outcome of one one-unit cancel: "ok" (201 COMPLETED), "unknown" (it may have happened), or "rejected". */
export type CancelOutcome = "ok" | "unknown" | "rejected";

export interface CancelResult extends Sample {
  outcome: CancelOutcome;
  status: number;
  refundTotal: number | null;
}

/** POST one one-unit LINES cancellation; never throws. */
export async function cancelOne(api: ApiClient, order: BenchOrder): Promise<CancelResult> {
  const t0 = performance.now();
  try {
    const answer = await api.post<{ status?: string; refund?: { total?: number } }>(`/orders/${order.id}/cancellation-requests`, cancelBody(order.lineId));
    const ms = performance.now() - t0;
    const refundTotal = answer.body?.refund?.total ?? null;
    if (answer.status === 201 && answer.body?.status === "COMPLETED") return { ms, error: null, outcome: "ok", status: 201, refundTotal };
    const error = answer.status === 201 ? `201 with status ${answer.body?.status}, expected COMPLETED` : describeAnswer(answer);
    return { ms, error, outcome: answer.status >= 500 ? "unknown" : "rejected", status: answer.status, refundTotal };
  } catch (e) {
    return { ms: performance.now() - t0, error: errorText(e), outcome: "unknown", status: 0, refundTotal: null };
  }
}

/** Counts the outcome on the order. */
export function record(order: BenchOrder, result: CancelResult): void {
  if (result.outcome === "ok") order.ok++;
  else if (result.outcome === "unknown") order.unknown++;
}
