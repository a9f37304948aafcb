import { API_ROUTES } from "@/lib/api/routes";
import { db } from "@/lib/platform/db/client";
import { apiHandler } from "@/lib/api/route";
import { createCancellationRequest } from "@/lib/modules/cancellations/server/create-cancellation-request";
import { listCancellationRequests } from "@/lib/modules/cancellations/server/queries";

export const GET = apiHandler(API_ROUTES.listCancellationRequests, ({ actor, params, query }) =>
  listCancellationRequests(db(), actor, params.orderId, query),
);
export const POST = apiHandler(API_ROUTES.createCancellationRequest, ({ actor, params, body, expectedVersion }) =>
  createCancellationRequest(db(), actor, params.orderId, body, { expectedVersion }),
);
