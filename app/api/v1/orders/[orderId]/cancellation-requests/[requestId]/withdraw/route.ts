import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { withdrawCancellationRequest } from "@/lib/server/cancellations/decide-cancellation";

export const POST = apiHandler(API_ROUTES.withdrawCancellationRequest, ({ actor, params, expectedVersion }) =>
  withdrawCancellationRequest(db(), actor, params.orderId, params.requestId, { expectedVersion }),
);
