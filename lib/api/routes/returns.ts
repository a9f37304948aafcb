// Returns and the order relation graph (SPEC §7).
import { z } from "zod";
import { CreateReturn, ReceiveReturn, ReturnPage, ReturnView } from "../../modules/returns/contracts/returns.ts";
import { AmendmentDecision as Decision, AmendmentRejection as Rejection } from "../../modules/amendments/contracts/amendments.ts";
import { RelatedOrders } from "../../modules/orders/contracts/relations.ts";
import { CreateSupplementalOrder } from "../../modules/supplemental/contracts/supplemental.ts";
import { OrderView } from "../../modules/orders/contracts/orders.ts";
import { AssetPage, ListAssetsQuery } from "../../modules/orders/contracts/assets.ts";
import { OrderId, type ApiRouteDef } from "../route-def.ts";

const ReturnId = z.object({ returnId: z.string().min(1).max(100) });

export const RETURN_ROUTES = {
  createReturn: {
    method: "POST",
    path: "/orders/{orderId}/returns",
    tag: "Returns",
    summary: "Return shipped or delivered units: a RETURN order linked to the original, its units held until received",
    description:
      "Only shipped or delivered units not already returned and not held by an open return or another change (else 409 INSUFFICIENT_QUANTITY). The refund of each line follows the cancellation rules at the line's cumulative position (units cancelled and returned before count), so cancelling some units and returning the rest refunds exactly the line. It is paid as the units are received. Unknown reason → 422. Accepts If-Match.",
    permission: "return.request",
    params: OrderId,
    body: CreateReturn,
    response: ReturnView,
    status: 201,
    ifMatch: true,
  },
  listReturns: {
    method: "GET",
    path: "/orders/{orderId}/returns",
    tag: "Returns",
    summary: "The order's returns, newest first",
    permission: "order.read",
    params: OrderId,
    response: ReturnPage,
    status: 200,
  },
  getReturn: {
    method: "GET",
    path: "/returns/{returnId}",
    tag: "Returns",
    summary: "One return: its lines, what arrived and how, its refund and what of it is paid",
    permission: "order.read",
    params: ReturnId,
    response: ReturnView,
    status: 200,
  },
  receiveReturn: {
    method: "POST",
    path: "/returns/{returnId}/receive",
    tag: "Returns",
    summary: "Record units of a return arriving, each RESTOCK (back to available stock) or DAMAGED (written off)",
    description:
      "Received units move to RETURNED on the original line and their refund is paid. More than the return still expects, or a return not awaiting receipt → 409; an unknown disposition → 422. The return is RECEIVED once every unit is in, COMPLETED once their refunds are paid.",
    permission: "return.receive",
    params: ReturnId,
    body: ReceiveReturn,
    response: ReturnView,
    status: 200,
  },
  approveReturn: {
    method: "POST",
    path: "/returns/{returnId}/approve",
    tag: "Returns",
    summary: "Sign the return's approval tasks at your level; the last one lets it await its units (same rules as cancellations)",
    permission: "approval.decide",
    params: ReturnId,
    body: Decision,
    response: ReturnView,
    status: 200,
  },
  rejectReturn: {
    method: "POST",
    path: "/returns/{returnId}/reject",
    tag: "Returns",
    summary: "Reject the return (a comment is required): it ends and its units are free again",
    permission: "approval.decide",
    params: ReturnId,
    body: Rejection,
    response: ReturnView,
    status: 200,
  },
  cancelReturn: {
    method: "POST",
    path: "/returns/{returnId}/cancel",
    tag: "Returns",
    summary: "Call a return off before any unit arrived; its units are no longer held (after a receipt → 409)",
    permission: "return.request",
    params: ReturnId,
    response: ReturnView,
    status: 200,
  },
  createSupplementalOrder: {
    method: "POST",
    path: "/orders/{orderId}/supplemental-orders",
    tag: "Supplemental orders",
    summary: "A new order linked to this one: an ADD_ON (more items, own payment), a REPLACEMENT of shipped units at zero or a reduced price, or a BILLING_ADJUSTMENT (money only)",
    description:
      "The new order has its own number, lines, payment and audit (orderType SUPPLEMENTAL, supplementalType, parentOrderId), linked SUPPLEMENTS or REPLACES. Payments must add up as at intake (a zero total needs none) → else 422. A replacement names the line it replaces (replacesOrderLineId) and may not replace more units than were shipped and not yet replaced (409 INSUFFICIENT_QUANTITY) nor cost more than the original unit price (422). A BILLING_ADJUSTMENT has no lines and a non-zero amount: a charge (+) paid by its own payments, or a goodwill credit (−) refunded to this order's tenders through the gateway (linked COMPENSATES; more than is still refundable → 409 OVER_REFUND). If-Match pins the parent order's version.",
    permission: "order.supplement",
    params: OrderId,
    body: CreateSupplementalOrder,
    response: OrderView,
    status: 201,
    ifMatch: true,
  },
  listAssets: {
    method: "GET",
    path: "/assets",
    tag: "Assets",
    summary: "Assets (delivered units of asset-tracked items) of the orders the caller may read, with the order modifying each",
    permission: "order.read",
    query: ListAssetsQuery,
    response: AssetPage,
    status: 200,
  },
  relatedOrders: {
    method: "GET",
    path: "/orders/{orderId}/related-orders",
    tag: "Orders",
    summary: "Orders linked to this one (RETURNS, SUPPLEMENTS, REPLACES, …), both directions, up to the root and down to the leaves",
    permission: "order.read",
    params: OrderId,
    response: RelatedOrders,
    status: 200,
  },
} as const satisfies Record<string, ApiRouteDef>;
