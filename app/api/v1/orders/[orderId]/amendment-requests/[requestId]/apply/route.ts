import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { applyAmendmentRequest } from "@/lib/modules/amendments/server/decide-amendment";

export const POST = apiHandler(API_ROUTES.applyAmendmentRequest, ({ actor, params, expectedVersion }) =>
  applyAmendmentRequest(db(), actor, params.orderId, params.requestId, { expectedVersion }),
);
