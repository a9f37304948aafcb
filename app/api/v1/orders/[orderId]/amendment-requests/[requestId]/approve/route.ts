import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { approveAmendmentRequest } from "@/lib/modules/amendments/server/decide-amendment";

export const POST = apiHandler(API_ROUTES.approveAmendmentRequest, ({ actor, params, body, expectedVersion }) =>
  approveAmendmentRequest(db(), actor, params.orderId, params.requestId, body, { expectedVersion }),
);
