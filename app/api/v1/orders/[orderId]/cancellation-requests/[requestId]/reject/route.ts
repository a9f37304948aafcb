import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { rejectCancellationRequest } from "@/lib/server/cancellations/decide-cancellation";

export const POST = apiHandler(API_ROUTES.rejectCancellationRequest, ({ actor, params, body, expectedVersion }) =>
  rejectCancellationRequest(db(), actor, params.orderId, params.requestId, body, { expectedVersion }),
);
