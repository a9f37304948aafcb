import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { withdrawAmendmentRequest } from "@/lib/modules/amendments/server/decide-amendment";

export const POST = apiHandler(API_ROUTES.withdrawAmendmentRequest, ({ actor, params, expectedVersion }) =>
  withdrawAmendmentRequest(db(), actor, params.orderId, params.requestId, { expectedVersion }),
);
