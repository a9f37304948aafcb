import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { getCancellationRequest } from "@/lib/modules/cancellations/server/queries";

export const GET = apiHandler(API_ROUTES.getCancellationRequest, ({ actor, params }) =>
  getCancellationRequest(db(), actor, params.orderId, params.requestId),
);
