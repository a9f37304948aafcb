import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { approveCancellationRequest } from "@/lib/server/cancellations/decide-cancellation";

export const POST = apiHandler(API_ROUTES.approveCancellationRequest, ({ actor, params, body, expectedVersion }) =>
  approveCancellationRequest(db(), actor, params.orderId, params.requestId, body, { expectedVersion }),
);
