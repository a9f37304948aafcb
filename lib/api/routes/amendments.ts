// Amendment requests: change an order after it was placed (SPEC §6).
import { ListQuery } from "../../platform/contracts/common.ts";
import {
  AmendmentPage,
  AmendmentPreview,
  AmendmentView,
  CreateAmendmentRequest,
  PreviewAmendmentRequest,
} from "../../modules/amendments/contracts/amendments.ts";
import { OrderId, RequestId, type ApiRouteDef } from "../route-def.ts";

export const AMENDMENT_ROUTES = {
  createAmendmentRequest: {
    method: "POST",
    path: "/orders/{orderId}/amendment-requests",
    tag: "Amendments",
    summary: "Request changes to an order: address, contact, delivery note or window (line changes: preview only for now)",
    description:
      "Each change names its path, the value the order holds now (oldValue) and the new value; all apply or none. The request is assessed and stored with its fingerprint; without required approvals it applies at once (unless applyNow is false). Unknown path or reason → 422; oldValue not current → 409 STALE_VALUE; a change the safety matrix blocks → 409 AMENDMENT_BLOCKED with the assessment in the body; nothing is stored on an error. Accepts If-Match.",
    permission: "amendment.request",
    params: OrderId,
    body: CreateAmendmentRequest,
    response: AmendmentView,
    status: 201,
    ifMatch: true,
  },
  listAmendmentRequests: {
    method: "GET",
    path: "/orders/{orderId}/amendment-requests",
    tag: "Amendments",
    summary: "The order's amendment requests, newest first",
    permission: "order.read",
    params: OrderId,
    query: ListQuery,
    response: AmendmentPage,
    status: 200,
  },
  getAmendmentRequest: {
    method: "GET",
    path: "/orders/{orderId}/amendment-requests/{requestId}",
    tag: "Amendments",
    summary: "One amendment request with its stored assessment, approvals and outcome",
    permission: "order.read",
    params: RequestId,
    response: AmendmentView,
    status: 200,
  },
  applyAmendmentRequest: {
    method: "POST",
    path: "/orders/{orderId}/amendment-requests/{requestId}/apply",
    tag: "Amendments",
    summary: "Apply an approved amendment, or one stored with applyNow: false",
    description:
      "The amendment is assessed again; if the order moved on since (its fingerprint no longer matches) → 409 ASSESSMENT_CHANGED and the request is FAILED. A request that is not approved or requested → 409.",
    permission: "amendment.request",
    params: RequestId,
    response: AmendmentView,
    status: 200,
    ifMatch: true,
  },
  withdrawAmendmentRequest: {
    method: "POST",
    path: "/orders/{orderId}/amendment-requests/{requestId}/withdraw",
    tag: "Amendments",
    summary: "Withdraw an amendment that has not been applied (the requester or OPS)",
    permission: "amendment.withdraw",
    params: RequestId,
    response: AmendmentView,
    status: 200,
    ifMatch: true,
  },
  previewAmendmentRequest: {
    method: "POST",
    path: "/orders/{orderId}/amendment-requests/preview",
    tag: "Amendments",
    summary: "What an amendment would do to the order now: per change its command, phase and safety, the money, approvals and fingerprint",
    description:
      "Stores nothing and needs no Idempotency-Key. A BLOCKED change is shown (feasibility BLOCKED, with its blocker), not refused. Unknown path → 422; an oldValue that is not the current value → 409 STALE_VALUE with the current value. With If-Match, an order that moved on → 412.",
    permission: "amendment.request",
    params: OrderId,
    body: PreviewAmendmentRequest,
    response: AmendmentPreview,
    status: 200,
    ifMatch: true,
    readOnly: true,
  },
} as const satisfies Record<string, ApiRouteDef>;
