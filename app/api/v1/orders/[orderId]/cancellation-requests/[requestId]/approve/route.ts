import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { approveCancellationRequest } from "@/lib/modules/cancellations/server/decide-cancellation";

export const POST = apiHandler(API_ROUTES.approveCancellationRequest, ({ actor, params, body, expectedVersion }) =>
  approveCancellationRequest(db(), actor, params.orderId, params.requestId, body, { expectedVersion }),
);
