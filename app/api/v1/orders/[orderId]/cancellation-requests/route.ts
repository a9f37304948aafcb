import { API_ROUTES } from "@/lib/contracts/api-routes";
import { db } from "@/lib/db/client";
import { apiHandler } from "@/lib/server/http/route";
import { createCancellationRequest } from "@/lib/server/cancellations/create-cancellation-request";
import { listCancellationRequests } from "@/lib/server/cancellations/queries";

export const GET = apiHandler(API_ROUTES.listCancellationRequests, ({ actor, params, query }) =>
  listCancellationRequests(db(), actor, params.orderId, query),
);
export const POST = apiHandler(API_ROUTES.createCancellationRequest, ({ actor, params, body, expectedVersion }) =>
  createCancellationRequest(db(), actor, params.orderId, body, { expectedVersion }),
);
