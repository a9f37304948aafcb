import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { getCancellationRequest } from "@/lib/server/cancellations/queries";

export const GET = apiHandler(API_ROUTES.getCancellationRequest, ({ actor, params }) =>
  getCancellationRequest(db(), actor, params.orderId, params.requestId),
);
