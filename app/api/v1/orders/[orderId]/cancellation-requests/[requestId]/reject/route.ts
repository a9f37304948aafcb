import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { rejectCancellationRequest } from "@/lib/modules/cancellations/server/decide-cancellation";

export const POST = apiHandler(API_ROUTES.rejectCancellationRequest, ({ actor, params, body, expectedVersion }) =>
  rejectCancellationRequest(db(), actor, params.orderId, params.requestId, body, { expectedVersion }),
);
