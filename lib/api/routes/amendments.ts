// Amendment requests: change an order after it was placed (SPEC §6).
import { AmendmentPreview, PreviewAmendmentRequest } from "../../modules/amendments/contracts/amendments.ts";
import { OrderId, type ApiRouteDef } from "../route-def.ts";

export const AMENDMENT_ROUTES = {
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
