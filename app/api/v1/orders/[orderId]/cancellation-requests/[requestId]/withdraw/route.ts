import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { withdrawCancellationRequest } from "@/lib/modules/cancellations/server/decide-cancellation";

export const POST = apiHandler(API_ROUTES.withdrawCancellationRequest, ({ actor, params, expectedVersion }) =>
  withdrawCancellationRequest(db(), actor, params.orderId, params.requestId, { expectedVersion }),
);
