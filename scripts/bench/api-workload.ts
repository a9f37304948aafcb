// The workload through the real HTTP API of a production server (tests/support/app-server.ts).
import { randomUUID } from "node:crypto";
import type { Operation, OrderState, Workload } from "./runner.ts";
import {
  ALLOCATE_QUANTITY,
  BUYER_EMAIL,
  CANCEL_MIXED_QUANTITY,
  CANCEL_OPEN_QUANTITY,
  CATEGORY,
  CURRENCY,
  ITEM_NAME,
  LINE_QUANTITY,
  LINE_TAX,
  LOCATION_CODE,
  ORDER_TOTAL,
  REASON_CODE,
  SKU,
  STOCK_RECEIPT,
  STORE_CODE,
  UNIT_PRICE,
} from "./order-shape.ts";

const REQUEST_TIMEOUT_MS = 60_000;

/** A non-2xx answer (or an unexpected body), described by what the API said. */
export class ApiCallError extends Error {}

interface OrderView {
  id: string;
  lines: { id: string }[];
}

interface CancellationView {
  id: string;
  status: string;
}

function describeProblem(status: number, text: string): string {
  try {
    const problem = JSON.parse(text) as { code?: string; detail?: string; title?: string };
    return `${status} ${problem.code ?? ""} ${problem.detail ?? problem.title ?? ""}`.replace(/\s+/g, " ").trim();
  } catch {
    return `${status} ${text.slice(0, 200)}`;
  }
}

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  /** POSTs JSON with a fresh Idempotency-Key; resolves with the parsed 2xx body, else throws. */
  async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    if (res.status < 200 || res.status > 299) throw new ApiCallError(`POST ${path} → ${describeProblem(res.status, text)}`);
    return JSON.parse(text) as T;
  }
}

function intakeBody(index: number) {
  return {
    externalRef: `bench-${randomUUID()}`,
    buyerEmail: BUYER_EMAIL,
    customerType: "STANDARD",
    currency: CURRENCY,
    lines: [
      {
        sku: SKU,
        itemName: ITEM_NAME,
        category: CATEGORY,
        storeCode: STORE_CODE,
        quantity: LINE_QUANTITY,
        unitPrice: UNIT_PRICE,
        taxAmount: LINE_TAX,
        shippingAmount: 0,
        discountAmount: 0,
        shipFromLocationCode: LOCATION_CODE,
      },
    ],
    payments: [{ method: "CARD", amount: ORDER_TOTAL, reference: `bench-card-${index}` }],
  };
}

function cancellationBody(orderLineId: string, quantity: number) {
  return {
    cancellationType: "CUSTOMER_REQUEST",
    reasonCode: REASON_CODE,
    scope: { type: "LINES", lines: [{ orderLineId, quantity }] },
    refundMethod: "ORIGINAL_PAYMENT",
  };
}

function requireOrder(order: OrderState): { orderId: string; lineId: string } {
  if (!order.orderId || !order.lineId) throw new Error(`order ${order.index} has not been taken in`);
  return { orderId: order.orderId, lineId: order.lineId };
}

export class ApiWorkload implements Workload {
  constructor(private readonly client: ApiClient) {}

  /** Books the receipt every allocation of the run draws from. */
  async stockUp(): Promise<void> {
    await this.client.post("/inventory/adjustments", { sku: SKU, locationCode: LOCATION_CODE, quantity: STOCK_RECEIPT, reason: "RECEIPT" });
  }

  async run(op: Operation, order: OrderState): Promise<void> {
    switch (op) {
      case "intake":
        return this.intake(order);
      case "allocate":
        return this.allocate(order);
      case "cancel-open":
        return this.cancel(order, CANCEL_OPEN_QUANTITY);
      case "cancel-mixed":
        return this.cancel(order, CANCEL_MIXED_QUANTITY);
    }
  }

  private async intake(order: OrderState): Promise<void> {
    const view = await this.client.post<OrderView>("/orders", intakeBody(order.index));
    const lineId = view.lines[0]?.id;
    if (!view.id || !lineId) throw new ApiCallError("POST /orders answered without an order or line id");
    order.orderId = view.id;
    order.lineId = lineId;
  }

  private async allocate(order: OrderState): Promise<void> {
    const { orderId, lineId } = requireOrder(order);
    await this.client.post(`/orders/${orderId}/fulfillment-events`, {
      type: "ALLOCATE",
      lines: [{ orderLineId: lineId, quantity: ALLOCATE_QUANTITY }],
    });
  }

  /** A LINES cancellation that needs no approval: it must complete within the call. */
  private async cancel(order: OrderState, quantity: number): Promise<void> {
    const { orderId, lineId } = requireOrder(order);
    const request = await this.client.post<CancellationView>(`/orders/${orderId}/cancellation-requests`, cancellationBody(lineId, quantity));
    if (request.status !== "COMPLETED") {
      throw new ApiCallError(`cancellation of ${quantity} answered status ${request.status}, expected COMPLETED`);
    }
  }
}
